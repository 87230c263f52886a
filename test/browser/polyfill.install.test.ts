/**
 * The polyfill on a page, in real headless Chromium: `speak()` before any
 * user activation, `install()` in each mode against stand-ins for the
 * browser's own speechSynthesis, `createSpeechSynthesis()`, and an Arabic
 * utterance, whose voice data is fetched only then.
 */
import { expect } from '@open-wc/testing';
import {
  createSpeechSynthesis,
  install,
  speechSynthesis as polyfilled,
  SpeechSynthesisUtterance,
  type SpeechSynthesisErrorEvent,
} from '../../src/polyfill/index.ts';
import { grantUserActivation } from '../helpers/user-activation.ts';
import { waitFor } from '../helpers/wait.ts';

type Global = Record<string, unknown>;

/** A browser's speechSynthesis that lists `voices` once it fires `voiceschanged` after `afterMs`. */
function nativeStandIn(voices: unknown[], afterMs: number) {
  const native = new EventTarget() as EventTarget & { getVoices(): unknown[] };
  let listed: unknown[] = [];
  native.getVoices = () => listed;
  setTimeout(() => {
    listed = voices;
    native.dispatchEvent(new Event('voiceschanged'));
  }, afterMs);
  return native;
}

function setNative(value: unknown): void {
  Object.defineProperty(window, 'speechSynthesis', { configurable: true, writable: true, value });
}

/** Every AudioBufferSourceNode started, with its loudest sample. */
const peaks: number[] = [];
const start = AudioBufferSourceNode.prototype.start;
AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, ...args: [number?, number?, number?]) {
  const samples = this.buffer?.getChannelData(0) ?? new Float32Array();
  peaks.push(samples.reduce((peak, sample) => Math.max(peak, Math.abs(sample)), 0));
  return start.apply(this, args);
};

const requested = () => performance.getEntriesByType('resource').map((entry) => entry.name);

describe('the Web Speech polyfill on a page', function () {
  this.timeout(40_000);

  it('answers speak() before any user activation with not-allowed, and queues nothing', async () => {
    expect(navigator.userActivation.hasBeenActive, 'this test must run first').to.equal(false);
    const synthesis = createSpeechSynthesis();
    const utterance = new SpeechSynthesisUtterance('Too early.');
    const errors: string[] = [];
    utterance.onerror = (event) => errors.push((event as SpeechSynthesisErrorEvent).error);
    synthesis.speak(utterance);
    expect([synthesis.pending, synthesis.speaking]).to.deep.equal([false, false]);
    await waitFor(() => errors.length > 0, 'the error event');
    expect(errors).to.deep.equal(['not-allowed']);
    expect(
      requested().filter((url) => /espeak\.worker|espeak-ng[^/]*\.data|builtin-engine/.test(url)),
      'nothing of the engine loads',
    ).to.deep.equal([]);
  });

  it('createSpeechSynthesis() leaves window alone and gives independent queues', () => {
    const before = (window as unknown as Global).speechSynthesis;
    const one = createSpeechSynthesis();
    const two = createSpeechSynthesis();
    expect(one).to.not.equal(two);
    expect((window as unknown as Global).speechSynthesis).to.equal(before);
    expect(one.getVoices().map((voice) => voice.name)).to.include('English, America (built-in)');
  });

  it('install() fills in only what is missing, unless asked', async () => {
    const browser = nativeStandIn([{ name: 'System voice' }], 0);
    setNative(browser);
    expect(install()).to.deep.equal({ installed: false, reason: 'native' });
    expect((window as unknown as Global).speechSynthesis).to.equal(browser);
    expect(await install({ when: 'no-voices', timeoutMs: 1000 })).to.deep.equal({ installed: false, reason: 'native' });
    expect(install({ when: 'always' })).to.deep.equal({ installed: true, reason: 'always' });
    expect((window as unknown as Global).speechSynthesis).to.equal(polyfilled);
    expect((window as unknown as Global).SpeechSynthesisUtterance).to.equal(SpeechSynthesisUtterance);

    setNative(undefined);
    expect(install()).to.deep.equal({ installed: true, reason: 'missing' });
    expect((window as unknown as Global).speechSynthesis).to.equal(polyfilled);
  });

  it("install({ when: 'no-voices' }) replaces a speechSynthesis that lists no voices after voiceschanged", async () => {
    setNative(nativeStandIn([], 50));
    const started = performance.now();
    expect(await install({ when: 'no-voices' })).to.deep.equal({ installed: true, reason: 'no-voices' });
    // After voiceschanged and the short wait, not the whole 2 s timeout.
    expect(performance.now() - started).to.be.lessThan(1500);
    expect((window as unknown as Global).speechSynthesis).to.equal(polyfilled);

    const late = nativeStandIn([{ name: 'Late voice' }], 200);
    setNative(late);
    expect(await install({ when: 'no-voices' })).to.deep.equal({ installed: false, reason: 'native' });
    expect((window as unknown as Global).speechSynthesis).to.equal(late);
  });

  it('speaks English with the base data only, and fetches the Arabic data the first time Arabic is spoken', async () => {
    await grantUserActivation();
    const synthesis = createSpeechSynthesis();
    const say = async (text: string, lang: string) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      const events: string[] = [];
      const words: string[] = [];
      for (const type of ['start', 'end', 'error'])
        utterance.addEventListener(type, (event) =>
          events.push(type === 'error' ? `error ${(event as SpeechSynthesisErrorEvent).error}` : type),
        );
      utterance.onboundary = (event) => {
        if (event.name === 'word') words.push(text.slice(event.charIndex, event.charIndex + event.charLength));
      };
      const heard = peaks.length;
      synthesis.speak(utterance);
      await waitFor(() => events.includes('end') || events.some((type) => type.startsWith('error')), 'it ends', 30_000);
      return { events, words, audible: peaks.slice(heard).some((peak) => peak > 0.1) };
    };
    const english = await say('Good morning, everyone.', 'en-US');
    expect(english.events).to.deep.equal(['start', 'end']);
    expect(english.words).to.deep.equal(['Good', 'morning', 'everyone']);
    expect(english.audible).to.equal(true);
    expect(requested().filter((url) => /espeak-ng-ar/.test(url))).to.deep.equal([]);

    const text = 'صباح الخير للجميع.';
    const arabic = await say(text, 'ar');
    expect(arabic.events).to.deep.equal(['start', 'end']);
    expect(arabic.audible, 'Arabic is heard').to.equal(true);
    expect(arabic.words.length).to.be.greaterThan(1);
    expect(arabic.words.every((word) => text.includes(word))).to.equal(true);
    expect(requested().filter((url) => /espeak-ng-ar/.test(url)).length).to.equal(1);
    const arabicVoice = synthesis.getVoices().find((voice) => voice.lang === 'ar');
    expect(arabicVoice?.name).to.equal('Arabic (built-in)');
  });
});

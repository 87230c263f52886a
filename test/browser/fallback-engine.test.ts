/**
 * FallbackEngine: the browser's voices when they work, the built-in voice
 * when they do not, switching once and retrying the failed utterance under
 * the same id. The built-in engine here is the real one (eSpeak-NG, Web
 * Audio), except where a test needs it to fail.
 */
import { expect } from '@open-wc/testing';
import type { EngineEvent, SpeechEngine } from '../../src/core/speech/engine.ts';
import { sharedAudioContext } from '../../src/core/speech/builtin/audio-context.ts';
import { FallbackEngine, type FallbackEngineOptions } from '../../src/core/speech/fallback-engine.ts';
import { WebSpeechEngine } from '../../src/core/speech/web-speech-engine.ts';
import { installFakeSpeech, removeSpeechSynthesis, type InstalledFakeSpeech } from '../helpers/fake-speech.ts';
import { grantUserActivation } from '../helpers/user-activation.ts';
import { sleep, waitFor } from '../helpers/wait.ts';

const REQUEST = { text: 'Hello there, world.', lang: 'en-US', rate: 1.5 };
const VOICES = [{ name: 'Test English', lang: 'en-US', default: true }];

/** Synthesis and audio on a busy 2-core machine: wait longer than the default. */
const until = (check: () => boolean, what: string, timeoutMs = 8000) => waitFor(check, what, timeoutMs);

describe('FallbackEngine', function () {
  this.timeout(20_000);
  let engine: FallbackEngine | undefined;
  let fake: InstalledFakeSpeech | undefined;
  let restore: (() => void) | undefined;
  let events: EngineEvent[];

  function setUp(options: FallbackEngineOptions = {}): FallbackEngine {
    engine = new FallbackEngine(options);
    events = [];
    engine.subscribe((event) => events.push(event));
    return engine;
  }
  const ofType = <T extends EngineEvent['type']>(type: T) =>
    events.filter((event) => event.type === type) as Array<Extract<EngineEvent, { type: T }>>;
  const finished = () => ofType('end').length > 0 || ofType('error').length > 0;

  // Chromium starts the AudioContext only after a user gesture, as for a listener pressing Play.
  before(grantUserActivation);

  afterEach(() => {
    engine?.dispose();
    fake?.uninstall();
    restore?.();
    engine = fake = restore = undefined;
  });

  it("uses the browser's voices while they work, and lists the built-in ones after them", async () => {
    fake = installFakeSpeech({ mode: 'auto', stepMs: 1, voices: VOICES });
    const speech = setUp();
    const voices = await speech.ready();
    expect(voices[0]?.engine).to.equal('web-speech');
    expect(voices.slice(1).every((voice) => voice.engine === 'built-in')).to.equal(true);
    const id = speech.speak(REQUEST);
    await until(finished, 'the utterance ends');
    expect(speech.id).to.equal('web-speech');
    expect(fake.spoken.map((utterance) => utterance.text)).to.deep.equal([REQUEST.text]);
    expect(ofType('end')).to.deep.equal([{ type: 'end', utteranceId: id }]);
    expect(ofType('enginechange')).to.deep.equal([]);
  });

  it('without speechSynthesis: after ready() finds no voices, says so once and speaks with the built-in voice', async () => {
    restore = removeSpeechSynthesis();
    const speech = setUp({ webSpeech: new WebSpeechEngine() });
    const voices = await speech.ready();
    expect(voices.length).to.be.greaterThan(0);
    expect(voices.every((voice) => voice.engine === 'built-in')).to.equal(true);
    expect(ofType('enginechange'), 'announced when it matters, at the next utterance').to.deep.equal([]);
    const id = speech.speak(REQUEST);
    await until(finished, 'the utterance ends');
    expect(ofType('error')).to.deep.equal([]);
    expect(ofType('enginechange')).to.deep.equal([{ type: 'enginechange', engine: 'built-in' }]);
    expect(events.findIndex((event) => event.type === 'enginechange')).to.be.lessThan(
      events.findIndex((event) => event.type === 'start'),
    );
    expect(speech.id).to.equal('built-in');
    const spoken = events.filter((event) => 'utteranceId' in event);
    expect(spoken[0]).to.deep.equal({ type: 'start', utteranceId: id });
    expect(spoken.at(-1)).to.deep.equal({ type: 'end', utteranceId: id });
    // Word boundaries; the built-in voice, a standard speechSynthesis now, reports sentences too.
    expect(ofType('boundary').filter((event) => event.type === 'boundary' && event.name === 'word').length).to.equal(3);
  });

  it('when an utterance fails with synthesis-failed twice, says so once and speaks it again with the built-in voice, same id', async () => {
    fake = installFakeSpeech({ mode: 'failing', stepMs: 1, voices: VOICES });
    const speech = setUp();
    const id = speech.speak(REQUEST);
    await until(finished, 'the utterance ends');
    expect(ofType('error'), 'the failure never reaches the player').to.deep.equal([]);
    expect(ofType('enginechange')).to.deep.equal([{ type: 'enginechange', engine: 'built-in' }]);
    expect(ofType('end')).to.deep.equal([{ type: 'end', utteranceId: id }]);
    expect(ofType('start')).to.deep.equal([{ type: 'start', utteranceId: id }]);
    expect(fake.spoken, 'tried once more with the browser first').to.have.length(2);

    // The next utterance goes straight to the built-in voice; no second notice.
    events.length = 0;
    const next = speech.speak({ ...REQUEST, text: 'Next.' });
    await until(finished, 'the next utterance ends');
    expect(ofType('end')).to.deep.equal([{ type: 'end', utteranceId: next }]);
    expect(fake.spoken).to.have.length(2);
    expect(ofType('enginechange')).to.deep.equal([]);
  });

  it("switches when speech starts and never ends (the watchdog's timeout)", async () => {
    fake = installFakeSpeech({ mode: 'silent-start', stepMs: 1, voices: VOICES });
    const speech = setUp({ webSpeech: new WebSpeechEngine({ watchdogEndMinMs: 60, watchdogEndFactor: 0 }) });
    const id = speech.speak(REQUEST);
    await until(finished, 'the utterance ends');
    expect(ofType('enginechange')).to.have.length(1);
    expect(ofType('end')).to.deep.equal([{ type: 'end', utteranceId: id }]);
  });

  it('passes on a start the browser fires inside speak() (WebKit), under the id speak() returns', async () => {
    fake = installFakeSpeech({ mode: 'auto', stepMs: 1, voices: VOICES, syncStart: true });
    const speech = setUp();
    const id = speech.speak(REQUEST);
    expect(ofType('start'), 'the start is held until speak() returns, then reported').to.deep.equal([
      { type: 'start', utteranceId: id },
    ]);
    await until(finished, 'the utterance ends');
    expect(ofType('end')).to.deep.equal([{ type: 'end', utteranceId: id }]);
    expect(ofType('enginechange')).to.deep.equal([]);
  });

  it('ignores events the browser fires for an utterance after it was replaced', async () => {
    fake = installFakeSpeech({ mode: 'manual', voices: VOICES, syncStart: true });
    const speech = setUp();
    speech.speak(REQUEST);
    const first = fake.current;
    if (!first) throw new Error('nothing was spoken');
    const second = speech.speak({ ...REQUEST, text: 'The next sentence.' });
    // WebKit: the replaced utterance gets a second `end` and an `error: canceled`, late.
    fake.fireOn(first, 'end');
    fake.fireOn(first, 'error', { error: 'canceled' });
    await sleep(10);
    fake.end();
    await until(finished, 'the second utterance ends');
    const spoken = events.filter((event) => 'utteranceId' in event && event.utteranceId !== second);
    expect(
      spoken.filter((event) => event.type !== 'start'),
      'nothing of the first after it was replaced',
    ).to.deep.equal([]);
    expect(ofType('end')).to.deep.equal([{ type: 'end', utteranceId: second }]);
    expect(ofType('error')).to.deep.equal([]);
  });

  it("resumes the shared AudioContext inside speak() even on the browser's voice, so a later fallback can be heard", async () => {
    fake = installFakeSpeech({ mode: 'manual', voices: VOICES });
    const audio = sharedAudioContext();
    if (!audio) throw new Error('no Web Audio here');
    await audio.suspend();
    const resume = AudioContext.prototype.resume;
    let resumedInside = 0;
    let speaking = false;
    AudioContext.prototype.resume = function (this: AudioContext) {
      if (speaking) resumedInside++;
      return resume.call(this);
    };
    try {
      const speech = setUp();
      speaking = true;
      speech.speak(REQUEST);
      speaking = false;
      expect(resumedInside, 'resumed synchronously, inside the gesture').to.equal(1);
      expect(fake.spoken).to.have.length(1);
      await until(() => audio.state === 'running', 'the AudioContext runs');
      // Then the browser's voice fails from a timer, far from the click, twice (a first failure is
      // retried with the same voice): the built-in voice is heard.
      const browserVoice = fake;
      browserVoice.fail('synthesis-failed');
      await until(() => browserVoice.spoken.length === 2, 'the browser voice is tried once more');
      browserVoice.fail('synthesis-failed');
      await until(finished, 'the built-in voice speaks the sentence to its end');
      expect(ofType('end')).to.have.length(1);
      expect(ofType('error')).to.deep.equal([]);
    } finally {
      AudioContext.prototype.resume = resume;
    }
  });

  it('a built-in voice chosen in the picker uses the built-in engine even where the browser speaks', async () => {
    fake = installFakeSpeech({ mode: 'auto', stepMs: 1, voices: VOICES });
    const speech = setUp();
    const id = speech.speak({ ...REQUEST, voiceId: 'built-in:en-us' });
    await until(finished, 'the utterance ends');
    expect(fake.spoken).to.deep.equal([]);
    expect(ofType('end')).to.deep.equal([{ type: 'end', utteranceId: id }]);
  });

  it("pinned to web-speech, reports the browser's failure as it is", async () => {
    fake = installFakeSpeech({ mode: 'failing', stepMs: 1, voices: VOICES });
    const speech = setUp({ choice: () => 'web-speech' });
    const id = speech.speak(REQUEST);
    await until(finished, 'the utterance fails');
    expect(ofType('error')).to.deep.equal([{ type: 'error', utteranceId: id, code: 'synthesis-failed' }]);
    expect(ofType('enginechange')).to.deep.equal([]);
    expect(speech.voices().every((voice) => voice.engine === 'web-speech')).to.equal(true);
  });

  it('when both engines fail, reports `unavailable` for the utterance', async () => {
    fake = installFakeSpeech({ mode: 'failing', stepMs: 1, voices: VOICES });
    const speech = setUp({ loadBuiltIn: () => Promise.reject(new Error('blocked by CSP')) });
    const id = speech.speak(REQUEST);
    await until(finished, 'the utterance fails');
    expect(ofType('error')).to.deep.equal([{ type: 'error', utteranceId: id, code: 'unavailable' }]);
  });

  it('cancel while the built-in engine loads: nothing is spoken, nothing is reported', async () => {
    let resolveLoad: (engine: SpeechEngine) => void = () => undefined;
    const never = new Promise<SpeechEngine>((resolve) => (resolveLoad = resolve));
    const spoken: string[] = [];
    const stub: SpeechEngine = {
      id: 'built-in',
      speak: (request) => (spoken.push(request.text), 1),
      pause() {},
      resume() {},
      cancel() {},
      voices: () => [],
      ready: () => Promise.resolve([]),
      subscribe: () => () => undefined,
      dispose() {},
    };
    restore = removeSpeechSynthesis();
    const speech = setUp({ webSpeech: new WebSpeechEngine(), loadBuiltIn: () => never });
    await speech.ready();
    speech.speak(REQUEST);
    speech.cancel();
    resolveLoad(stub);
    await sleep(20);
    expect(spoken).to.deep.equal([]);
    expect(events.filter((event) => 'utteranceId' in event)).to.deep.equal([]);
  });
});

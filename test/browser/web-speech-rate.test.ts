/**
 * WebSpeechEngine against voices that do not do what they are asked: a start
 * fired inside speak() (WebKit), and a rate that is ignored (WebKitGTK's
 * Flite voices take as long at 3× as at 1×). The watchdog must measure, not
 * assume, and the engine must say once that the voice cannot change speed.
 */
import { expect } from '@open-wc/testing';
import type { EngineEvent } from '../../src/core/speech/engine.ts';
import { WebSpeechEngine, type WebSpeechEngineOptions } from '../../src/core/speech/web-speech-engine.ts';
import { installFakeSpeech, type FakeSpeechOptions, type InstalledFakeSpeech } from '../helpers/fake-speech.ts';
import { sleep, waitFor } from '../helpers/wait.ts';

/** 40 characters: long enough to say something about the rate. */
const SENTENCE = 'The last message from the city came in.';

describe('WebSpeechEngine: events in any order, and the real speaking rate', () => {
  let fake: InstalledFakeSpeech | undefined;
  let engine: WebSpeechEngine | undefined;
  let events: EngineEvent[];

  function setUp(fakeOptions: FakeSpeechOptions = {}, options: WebSpeechEngineOptions = {}): WebSpeechEngine {
    fake = installFakeSpeech({ mode: 'manual', ...fakeOptions });
    engine = new WebSpeechEngine({ pause: 'native', ...options });
    events = [];
    engine.subscribe((event) => events.push(event));
    return engine;
  }

  afterEach(() => {
    engine?.dispose();
    fake?.uninstall();
    engine = fake = undefined;
  });

  /** Speaks `text` at `rate` on the manual fake, taking `ms` between start and end, as a voice would. */
  async function speakFor(speech: WebSpeechEngine, rate: number, ms: number, text = SENTENCE): Promise<number> {
    const id = speech.speak({ text, lang: 'en-US', rate });
    fake?.start();
    await sleep(ms);
    fake?.end();
    return id;
  }

  it('a start fired inside speak() carries the id speak() returns', () => {
    const speech = setUp({ syncStart: true });
    const id = speech.speak({ text: SENTENCE, lang: 'en-US', rate: 1 });
    expect(events).to.deep.equal([{ type: 'start', utteranceId: id }]);
  });

  it('at 3×, a voice that takes its 1× time is not cut off as a timeout', async () => {
    // 40 ms a character: 1.6 s for the sentence. Dividing by the rate gave 533 ms.
    const speech = setUp({}, { watchdogEndFactor: 40, watchdogEndMinMs: 0 });
    const id = await speakFor(speech, 3, 900);
    expect(events.map((event) => event.type)).to.deep.equal(['start', 'end']);
    expect(events.at(-1)).to.deep.equal({ type: 'end', utteranceId: id });
  });

  it('says once that the voice ignores the rate, after hearing it at 1× and 2× take the same time', async function () {
    this.timeout(10_000);
    const speech = setUp();
    await speakFor(speech, 1, 400);
    await speakFor(speech, 1, 400);
    expect(events.filter((event) => event.type === 'rateignored')).to.deep.equal([]);
    await speakFor(speech, 2, 400);
    await speakFor(speech, 2, 400);
    expect(events.filter((event) => event.type === 'rateignored')).to.deep.equal([
      { type: 'rateignored', engine: 'web-speech' },
    ]);
  });

  it('says nothing for a voice that honours the rate', async function () {
    this.timeout(10_000);
    const speech = setUp();
    await speakFor(speech, 1, 600);
    await speakFor(speech, 2, 300);
    await speakFor(speech, 2, 300);
    expect(events.filter((event) => event.type === 'rateignored')).to.deep.equal([]);
  });

  it('still times out a voice that starts and never ends, at the measured pace', async () => {
    const speech = setUp({}, { watchdogEndMinMs: 0, watchdogEndFactor: 5 });
    await speakFor(speech, 1, 100);
    const id = speech.speak({ text: SENTENCE, lang: 'en-US', rate: 1 });
    fake?.start();
    await waitFor(() => events.some((event) => event.type === 'error'), 'the watchdog gives up', 3000);
    expect(events.at(-1)).to.deep.equal({ type: 'error', utteranceId: id, code: 'timeout' });
  });
});

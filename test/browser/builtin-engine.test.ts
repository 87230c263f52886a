/**
 * The built-in engine (eSpeak-NG in a worker, Web Audio out) in real
 * headless Chromium, with the trimmed data the build ships
 * (see test/helpers/wtr-espeak-plugin.mjs). No timings are asserted beyond
 * what the behaviour itself needs: benchmarks live in bench/engine.ts.
 */
import { expect } from '@open-wc/testing';
import { wordRanges } from '../../src/core/content/segment.ts';
import type { EngineEvent, SpeakRequest } from '../../src/core/speech/engine.ts';
import { sharedAudioContext } from '../../src/core/speech/builtin/audio-context.ts';
import type { BuiltInEngine } from '../../src/core/speech/builtin/builtin-engine.ts';
import { loadBuiltInEngine } from '../../src/core/speech/builtin/load.ts';
import { synthesisSettings } from '../../src/core/speech/builtin/protocol.ts';
import { grantUserActivation } from '../helpers/user-activation.ts';
import { sleep, waitFor } from '../helpers/wait.ts';

/** Twelve words. */
const SENTENCE = 'Residents of Aleppo sent their final messages to the world last night.';
const REQUEST: SpeakRequest = { text: SENTENCE, lang: 'en-US', rate: 1 };

/** Synthesis and audio on a busy 2-core machine: wait longer than the default. */
const until = (check: () => boolean, what: string, timeoutMs = 8000) => waitFor(check, what, timeoutMs);

/** Synthesises through the worker alone: the PCM, without playing it. */
function synthesize(engine: BuiltInEngine, text: string, rate = 1): Promise<Int16Array> {
  return new Promise((resolve, reject) => {
    const parts: Int16Array[] = [];
    engine.worker.synthesize(
      {
        segments: [text],
        lang: 'en-US',
        settings: synthesisSettings({ ...REQUEST, rate }, 'en-us'),
        priority: 'render',
      },
      {
        audio: (_index, pcm) => parts.push(pcm),
        done: () => {
          const all = new Int16Array(parts.reduce((sum, part) => sum + part.length, 0));
          parts.reduce((offset, part) => (all.set(part, offset), offset + part.length), 0);
          resolve(all);
        },
        failed: (message) => reject(new Error(message)),
      },
    );
  });
}

describe('BuiltInEngine (eSpeak-NG in a worker, Web Audio out)', function () {
  this.timeout(30_000);
  let engine: BuiltInEngine;
  let events: EngineEvent[];
  let unsubscribe: () => void;

  before(async () => {
    // Chromium starts the AudioContext only after a user gesture, as for a listener pressing Play.
    await grantUserActivation();
    const progress: number[] = [];
    engine = await loadBuiltInEngine((fraction) => progress.push(fraction));
    expect(progress.length, 'loading reports progress').to.be.greaterThan(0);
    expect(progress.at(-1)).to.equal(1);
  });

  beforeEach(() => {
    events = [];
    unsubscribe = engine.subscribe((event) => events.push(event));
  });

  afterEach(() => {
    engine.cancel();
    unsubscribe();
  });

  const ofType = <T extends EngineEvent['type']>(type: T) =>
    events.filter((event) => event.type === type) as Array<Extract<EngineEvent, { type: T }>>;

  it('turns a 12-word sentence into 2–4 s of audible 22,050 Hz PCM', async () => {
    expect(wordRanges(SENTENCE, 'en')).to.have.length(12);
    const pcm = await synthesize(engine, SENTENCE);
    const seconds = pcm.length / engine.worker.sampleRate;
    let peak = 0;
    for (const sample of pcm) peak = Math.max(peak, Math.abs(sample) / 32768);
    expect(engine.worker.sampleRate).to.equal(22050);
    expect(seconds).to.be.within(2, 4);
    expect(peak).to.be.greaterThan(0.1);
  });

  it('speaks faster at a higher rate', async () => {
    const normal = await synthesize(engine, SENTENCE, 1);
    const fast = await synthesize(engine, SENTENCE, 2);
    expect(fast.length / normal.length).to.be.within(0.35, 0.7);
  });

  it('plays through Web Audio: start, a boundary for at least 95% of the words in order, then end', async () => {
    const id = engine.speak(REQUEST);
    await until(() => ofType('end').length > 0 || ofType('error').length > 0, 'the sentence ends');
    expect(ofType('error')).to.deep.equal([]);
    expect(events[0]).to.deep.equal({ type: 'start', utteranceId: id });
    expect(events.at(-1)).to.deep.equal({ type: 'end', utteranceId: id });
    const words = wordRanges(SENTENCE, 'en');
    const boundaries = ofType('boundary');
    expect(boundaries.length / words.length).to.be.at.least(0.95);
    let previous = -1;
    for (const boundary of boundaries) {
      expect(boundary.utteranceId).to.equal(id);
      expect(boundary.charIndex).to.be.greaterThan(previous);
      previous = boundary.charIndex;
      const word = words.find((range) => range.start === boundary.charIndex);
      expect(word, `a word starts at ${boundary.charIndex}`).to.exist;
      expect(boundary.charLength).to.equal((word?.end ?? 0) - (word?.start ?? 0));
    }
  });

  it('pause stops the clock and the events; resume goes on from there to the end', async () => {
    const id = engine.speak(REQUEST);
    await until(() => ofType('boundary').length >= 2, 'two words were spoken');
    engine.pause();
    await sleep(100);
    const context = sharedAudioContext();
    const heard = events.length;
    const clock = context?.currentTime ?? 0;
    await sleep(600);
    expect(context?.state).to.equal('suspended');
    expect(context?.currentTime).to.equal(clock);
    expect(events.length, 'nothing happens while paused').to.equal(heard);

    engine.resume();
    await until(() => ofType('end').length > 0, 'the sentence ends after resuming');
    expect(ofType('boundary').length).to.be.greaterThan(2);
    expect(ofType('error')).to.deep.equal([]);
    expect(events.at(-1)).to.deep.equal({ type: 'end', utteranceId: id });
  });

  it('cancel stops at once: `interrupted` once heard, `canceled` before, then silence', async () => {
    const heard = engine.speak(REQUEST);
    await until(() => ofType('boundary').length >= 1, 'speech started');
    engine.cancel();
    await sleep(0);
    expect(ofType('error')).to.deep.equal([{ type: 'error', utteranceId: heard, code: 'interrupted' }]);

    const unheard = engine.speak(REQUEST);
    engine.cancel();
    await sleep(400);
    const afterCancel = events.filter((event) => 'utteranceId' in event && event.utteranceId === unheard);
    expect(afterCancel).to.deep.equal([{ type: 'error', utteranceId: unheard, code: 'canceled' }]);
    expect(
      events.filter((event) => event.type !== 'error'),
      'no event after either cancel',
    ).to.have.length(events.findIndex((event) => event.type === 'error'));
  });

  it('a new utterance replaces the one speaking, whose late answers are dropped', async () => {
    const first = engine.speak({
      ...REQUEST,
      text: 'This first sentence is replaced before it can finish speaking at all.',
    });
    await until(() => ofType('start').length === 1, 'the first started');
    const second = engine.speak({ ...REQUEST, text: 'Second one.' });
    await until(() => ofType('end').length > 0, 'the second ends');
    expect(ofType('end')).to.deep.equal([{ type: 'end', utteranceId: second }]);
    expect(ofType('error')).to.deep.equal([{ type: 'error', utteranceId: first, code: 'interrupted' }]);
    const late = events.filter(
      (event) =>
        event.type === 'boundary' &&
        event.utteranceId === first &&
        events.indexOf(event) > events.findIndex((e) => e.type === 'error'),
    );
    expect(late).to.deep.equal([]);
  });

  it('says `no-voice` for a language it does not ship, and lists its voices as built-in', async () => {
    const id = engine.speak({ text: 'こんにちは世界', lang: 'ja', rate: 1 });
    await until(() => ofType('error').length > 0, 'an error');
    expect(ofType('error')).to.deep.equal([{ type: 'error', utteranceId: id, code: 'no-voice' }]);
    expect(engine.voices().length).to.be.greaterThan(0);
    expect(engine.voices().every((voice) => voice.engine === 'built-in')).to.equal(true);
    // English in the base data, Arabic on demand (src/pipeline/espeak-data.ts, SHIPPED_LANGUAGES).
    expect([...new Set(engine.voices().map((voice) => voice.lang.split('-')[0]))]).to.deep.equal(['en', 'ar']);
  });
});

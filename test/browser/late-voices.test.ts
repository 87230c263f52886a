/**
 * Voices that arrive late: the built-in voice stands in, and the browser's
 * voices take over again at the next utterance once they come, whether or
 * not the engine fires `voiceschanged`. Time is scaled down (voices after
 * 30 ms against a 20 ms wait stand for 3 s against 2 s) so the test is fast;
 * the built-in engine is a stub that speaks every utterance at once.
 */
import { expect } from '@open-wc/testing';
import type { EngineEvent, EngineListener, SpeakRequest, SpeechEngine } from '../../src/core/speech/engine.ts';
import { BUILT_IN_VOICES } from '../../src/core/speech/builtin/voices.ts';
import { FallbackEngine } from '../../src/core/speech/fallback-engine.ts';
import { WebSpeechEngine } from '../../src/core/speech/web-speech-engine.ts';
import { installFakeSpeech, type FakeSpeechOptions, type InstalledFakeSpeech } from '../helpers/fake-speech.ts';
import { sleep, waitFor } from '../helpers/wait.ts';

const VOICES = [{ name: 'Test English', lang: 'en-US', default: true }];
const REQUEST = { text: 'Hello there.', lang: 'en-US', rate: 1 };

/** Speaks every utterance to its end on the next tick; records what it was asked. */
class StubBuiltIn implements SpeechEngine {
  readonly id = 'built-in';
  readonly spoken: SpeakRequest[] = [];
  #last = 0;
  readonly #listeners = new Set<EngineListener>();
  speak(request: SpeakRequest): number {
    const id = ++this.#last;
    this.spoken.push(request);
    setTimeout(() => {
      this.#emit({ type: 'start', utteranceId: id });
      this.#emit({ type: 'end', utteranceId: id });
    }, 1);
    return id;
  }
  pause(): void {}
  resume(): void {}
  cancel(): void {}
  voices() {
    return BUILT_IN_VOICES;
  }
  ready() {
    return Promise.resolve(BUILT_IN_VOICES);
  }
  subscribe(listener: EngineListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  dispose(): void {}
  #emit(event: EngineEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}

describe('FallbackEngine with voices that arrive late', () => {
  let fake: InstalledFakeSpeech;
  let engine: FallbackEngine;
  let builtIn: StubBuiltIn;
  let events: EngineEvent[];

  function setUp(fakeOptions: FakeSpeechOptions = {}): void {
    fake = installFakeSpeech({ mode: 'auto', stepMs: 1, ...fakeOptions });
    builtIn = new StubBuiltIn();
    engine = new FallbackEngine({
      webSpeech: new WebSpeechEngine({ voicesTimeoutMs: 20, pause: 'native', cancelDropsSpeak: false }),
      loadBuiltIn: () => Promise.resolve(builtIn),
      builtInSupported: true,
      lateVoicesPollMs: 10,
    });
    events = [];
    engine.subscribe((event) => events.push(event));
  }

  afterEach(() => {
    engine.dispose();
    fake.uninstall();
  });

  const ended = (id: number) => events.some((event) => event.type === 'end' && event.utteranceId === id);
  const notices = () => events.filter((event) => event.type === 'enginechange');

  async function speakToEnd(request: SpeakRequest = REQUEST): Promise<void> {
    const id = engine.speak(request);
    await waitFor(() => ended(id), 'the utterance ends');
  }

  for (const quietly of [false, true]) {
    it(`voices after the wait${quietly ? ', with no voiceschanged' : ''}: the browser speaks again from the next utterance, said once`, async () => {
      setUp();
      expect(engine.voices().every((voice) => voice.engine === 'built-in')).to.equal(true);
      await engine.ready();
      await speakToEnd();
      expect(builtIn.spoken).to.have.length(1);
      expect(notices()).to.deep.equal([{ type: 'enginechange', engine: 'built-in' }]);

      await sleep(10);
      if (quietly) fake.setVoicesQuietly(VOICES);
      else fake.setVoices(VOICES);
      await waitFor(() => events.some((event) => event.type === 'voiceschanged'), 'the player hears of the voices');
      expect(engine.voices()[0]).to.include({ name: 'Test English', engine: 'web-speech' });

      await speakToEnd();
      await speakToEnd();
      expect(fake.spoken.map((utterance) => utterance.text)).to.deep.equal([REQUEST.text, REQUEST.text]);
      expect(builtIn.spoken).to.have.length(1);
      expect(notices()).to.deep.equal([
        { type: 'enginechange', engine: 'built-in' },
        { type: 'enginechange', engine: 'web-speech' },
      ]);
    });
  }

  it('voices listed quietly after the wait but before Play (no voiceschanged): the browser speaks, the list is news', async () => {
    setUp();
    expect(await engine.ready()).to.satisfy((voices: readonly { engine: string }[]) =>
      voices.every((voice) => voice.engine === 'built-in'),
    );
    fake.setVoicesQuietly(VOICES);
    await speakToEnd();
    expect(fake.spoken).to.have.length(1);
    expect(builtIn.spoken).to.have.length(0);
    expect(events.some((event) => event.type === 'voiceschanged')).to.equal(true);
    expect(notices()).to.deep.equal([]);
  });

  it('keeps the built-in voice when the listener chose it, voices or not', async () => {
    setUp();
    await engine.ready();
    await speakToEnd();
    fake.setVoices(VOICES);
    const chosen = BUILT_IN_VOICES[0]?.id ?? '';
    await speakToEnd({ ...REQUEST, voiceId: chosen, voiceChosen: true });
    expect(fake.spoken).to.have.length(0);
    expect(builtIn.spoken).to.have.length(2);
  });

  it('synthesis-failed once, then fine: the browser is asked once more and speaks, no switch', async () => {
    setUp({ voices: VOICES });
    await engine.ready();
    fake.mode = 'failing';
    const id = engine.speak(REQUEST);
    // The fake plans an utterance when it is spoken: only the first one fails.
    fake.mode = 'auto';
    await waitFor(() => ended(id), 'the utterance ends');
    expect(fake.spoken).to.have.length(2);
    expect(builtIn.spoken).to.have.length(0);
    expect(notices()).to.deep.equal([]);
    expect(events.filter((event) => event.type === 'error')).to.deep.equal([]);
  });

  it('after failures with voices present, a browser voice chosen in Settings is still used from the next utterance', async () => {
    setUp({ mode: 'failing', voices: VOICES });
    await engine.ready();
    await speakToEnd();
    expect(builtIn.spoken, 'fell back after two failures').to.have.length(1);
    await speakToEnd();
    expect(builtIn.spoken, 'no chosen voice: the fallback stays').to.have.length(2);
    fake.mode = 'auto';
    await speakToEnd({ ...REQUEST, voiceId: 'Test English', voiceChosen: true });
    expect(fake.spoken.at(-1)?.voice?.name).to.equal('Test English');
    expect(builtIn.spoken).to.have.length(2);
  });
});

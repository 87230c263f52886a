/**
 * The polyfill's speech: Aloud's built-in eSpeak-NG engine. This module is
 * small; the engine (its chunk, the GPL-3.0 worker and the voice data)
 * loads on the first `speak()`, and a language's extra data only when one
 * of its voices speaks.
 */
import type { EngineErrorCode, EngineEvent } from '../core/speech/engine.ts';
import { sharedAudioContext, unlockAudio } from '../core/speech/builtin/audio-context.ts';
import type { BuiltInEngine } from '../core/speech/builtin/builtin-engine.ts';
import { loadBuiltInEngine } from '../core/speech/builtin/load.ts';
import { BUILT_IN_VOICES, builtInSupported, chooseBuiltInVoice } from '../core/speech/builtin/voices.ts';
import type { BackendSink, BackendUtterance, SpeechBackend } from './backend.ts';
import type { SpeechSynthesisErrorCode } from './events.ts';
import type { VoiceDescription } from './voice.ts';

const ERRORS: Readonly<Record<EngineErrorCode, SpeechSynthesisErrorCode>> = {
  canceled: 'canceled',
  interrupted: 'interrupted',
  'synthesis-failed': 'synthesis-failed',
  'no-voice': 'language-unavailable',
  'not-allowed': 'not-allowed',
  timeout: 'synthesis-failed',
  // Web Audio is missing or refused: to a page, no synthesis is available.
  unavailable: 'synthesis-unavailable',
};

interface Job {
  readonly sink: BackendSink;
  /** The engine's utterance id, once the engine has it. */
  id: number | null;
}

export class EspeakBackend implements SpeechBackend {
  #engine: BuiltInEngine | null = null;
  #job: Job | null = null;
  #paused = false;

  voices(): readonly VoiceDescription[] {
    return BUILT_IN_VOICES.map((voice) => ({
      voiceURI: voice.id,
      name: voice.name,
      lang: voice.lang,
      localService: true,
      default: voice.isDefault,
    }));
  }

  /**
   * Sound needs the page's first user activation (autoplay policy), unless
   * the browser lets audio start without one.
   */
  allowed(): boolean {
    const activation = (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation;
    if (!activation || activation.hasBeenActive) return true;
    return sharedAudioContext()?.state === 'running';
  }

  speak(utterance: BackendUtterance, sink: BackendSink): void {
    const job: Job = { sink, id: null };
    this.#job = job;
    this.#paused = false;
    // Synchronously, inside the page's gesture: that is what lets audio start on Safari and iOS.
    unlockAudio();
    const lang = utterance.lang || BUILT_IN_VOICES.find((voice) => voice.isDefault)?.lang || 'en-US';
    const voice = chooseBuiltInVoice(lang, utterance.voiceURI);
    const fail = (code: SpeechSynthesisErrorCode): void => {
      if (this.#job !== job) return;
      this.#job = null;
      sink.error(code);
    };
    if (!voice) return void setTimeout(() => fail('language-unavailable'), 0);
    if (!builtInSupported()) return void setTimeout(() => fail('synthesis-unavailable'), 0);
    loadBuiltInEngine().then(
      (engine) => {
        if (this.#job !== job) return;
        this.#attach(engine);
        job.id = engine.speak({
          text: utterance.text,
          lang: voice.lang,
          voiceId: voice.id,
          rate: utterance.rate,
          pitch: utterance.pitch,
          volume: utterance.volume,
        });
        if (this.#paused) engine.pause();
      },
      () => fail('synthesis-unavailable'),
    );
  }

  pause(): void {
    this.#paused = true;
    if (this.#job?.id != null) this.#engine?.pause();
  }

  resume(): void {
    this.#paused = false;
    if (this.#job?.id != null) this.#engine?.resume();
  }

  cancel(): void {
    const job = this.#job;
    this.#job = null;
    this.#paused = false;
    if (job?.id != null) this.#engine?.cancel();
  }

  #attach(engine: BuiltInEngine): void {
    if (this.#engine) return;
    this.#engine = engine;
    engine.sentenceBoundaries = true;
    engine.subscribe(this.#onEngineEvent);
  }

  readonly #onEngineEvent = (event: EngineEvent): void => {
    const job = this.#job;
    if (!job || !('utteranceId' in event) || event.utteranceId !== job.id) return;
    switch (event.type) {
      case 'start':
        return job.sink.start();
      case 'boundary':
        return job.sink.boundary(event.name, event.charIndex, event.charLength);
      case 'end':
        this.#job = null;
        return job.sink.end();
      case 'error':
        // Someone else on the page (a player) took the shared engine: to this queue, that is an interruption.
        this.#job = null;
        return job.sink.error(ERRORS[event.code]);
    }
  };
}

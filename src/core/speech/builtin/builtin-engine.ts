/**
 * The built-in engine: eSpeak-NG in a worker, played through Web Audio,
 * behind the same `SpeechEngine` interface as the browser's own voices.
 *
 * Events are timed on the AudioContext clock, not on when synthesis
 * finished: `start` fires when the first sample plays, each word boundary
 * when its word plays, `end` when the last sample has played. Suspending
 * the context (pause) therefore holds the events too.
 *
 * This module is the lazy chunk's entry: nothing here is in aloud.js.
 */
import { splitSentences, type Sentence } from '../../content/sentences.ts';
import type {
  EngineErrorCode,
  EngineEvent,
  EngineListener,
  EngineVoice,
  SpeakRequest,
  SpeechEngine,
} from '../engine.ts';
import { engineAssets, type EngineAssets } from './assets.ts';
import { AudioOut } from './audio-out.ts';
import { synthesisSettings, type SegmentWord } from './protocol.ts';
import { BUILT_IN_ENGINE_ID, BUILT_IN_VOICES, chooseBuiltInVoice } from './voices.ts';
import { EspeakWorker, type JobHandlers } from './worker-client.ts';
import { EngineListeners } from '../engine-listeners.ts';
import { BUILT_IN_POLICY, type UtterancePolicy } from '../utterance-policy.ts';
import { PAUSE_MS } from '../../playback/pauses.ts';
import { leadingSilence, pauseSamples, trailingSilence } from './silence.ts';

/** How often the clock is read; boundaries land at most this late. */
const TICK_MS = 10;
/** Audio that cannot start this long (autoplay policy) means the browser blocked it. */
const BLOCKED_MS = 3000;

interface Utterance {
  readonly id: number;
  readonly sentences: readonly Sentence[];
  jobId: number;
  started: boolean;
  /** The worker has answered every sentence. */
  synthesized: boolean;
  /** Context time at which the last queued audio ends. */
  endAt: number;
  /** Context time at which each segment's audio starts. */
  readonly segmentStarts: number[];
  /** Events waiting for their moment on the audio clock, in time order. */
  readonly timeline: Array<{ readonly at: number; readonly event: EngineEvent }>;
  /** performance.now() since which audio should play but the context is not running. */
  blockedSince: number | null;
  /** Silence asked for before the speech (ms), topped up from what the audio has. */
  readonly pauseBeforeMs: number;
  /** Silent samples at the end of the audio queued so far. */
  tail: number;
}

/** For the article renderer, which loads this chunk anyway: no shared chunk for three small functions. */
export { leadingSilence, pauseSamples, trailingSilence };

export class BuiltInEngine implements SpeechEngine {
  readonly id = BUILT_IN_ENGINE_ID;
  readonly #listeners = new EngineListeners();
  #current: Utterance | null = null;
  #lastUtteranceId = 0;
  #paused = false;
  /** Resumed after a pause: say `start` again once the clock really runs (the engine interface's resume). */
  #resuming = false;
  #ticker: ReturnType<typeof setInterval> | undefined;
  #audioOut: AudioOut | null = null;
  /**
   * Also emit a `sentence` boundary as each sentence starts. Off for the
   * player (it reads word boundaries only); the Web Speech polyfill turns it on.
   */
  sentenceBoundaries = false;
  /** How the last utterance that played to its end ended: when, and with how much silence. */
  #previousEnd: { readonly at: number; readonly tail: number } | null = null;

  private constructor(readonly worker: EspeakWorker) {}

  /** Loads the worker and its data; `onProgress` gets 0–1. Rejects if it cannot load. */
  static async create(
    onProgress: (fraction: number) => void = () => undefined,
    assets: EngineAssets = engineAssets,
  ): Promise<BuiltInEngine> {
    const worker = await EspeakWorker.load(assets, onProgress);
    onProgress(1);
    return new BuiltInEngine(worker);
  }

  speak(request: SpeakRequest): number {
    this.#stopCurrent();
    const id = ++this.#lastUtteranceId;
    const voice = chooseBuiltInVoice(request.lang, request.voiceId);
    const audio = this.#audio();
    if (!voice || !audio) {
      const code: EngineErrorCode = voice ? 'unavailable' : 'no-voice';
      // Async, like every engine error, so the caller has the id first.
      queueMicrotask(() => this.#emit({ type: 'error', utteranceId: id, code }));
      return id;
    }
    this.#paused = false;
    this.#resuming = false;
    audio.volume = request.volume ?? 1;
    audio.resume();

    // Whole sentences: this engine has no length limit, and each is one synthesis job.
    const sentences = splitSentences(request.text, request.lang);
    const utterance: Utterance = {
      id,
      sentences,
      jobId: 0,
      started: false,
      synthesized: sentences.length === 0,
      endAt: 0,
      segmentStarts: [],
      timeline: [],
      blockedSince: null,
      pauseBeforeMs: Number.isFinite(request.pauseBeforeMs) ? Math.max(0, request.pauseBeforeMs ?? 0) : 0,
      tail: 0,
    };
    this.#current = utterance;
    if (sentences.length === 0) utterance.timeline.push({ at: 0, event: { type: 'start', utteranceId: id } });
    else {
      utterance.jobId = this.worker.synthesize(
        {
          ...(voice.language ? { language: voice.language } : {}),
          segments: sentences.map((sentence) => sentence.text),
          lang: request.lang,
          settings: synthesisSettings(request, voice.espeak),
          priority: 'speak',
        },
        {
          audio: (index, pcm, words) => this.#onAudio(utterance, index, pcm, words),
          done: () => {
            utterance.synthesized = true;
          },
          failed: () => this.#fail(utterance, 'synthesis-failed'),
        },
      );
    }
    this.#startTicker();
    return id;
  }

  /**
   * Synthesis without playback, for downloads: the worker's answers, one
   * sentence at a time, behind any speech. Null when no voice speaks `lang`.
   */
  render(
    request: {
      readonly segments: readonly string[];
      readonly lang: string;
      readonly rate: number;
      readonly voiceId?: string | null;
    },
    handlers: JobHandlers,
  ): number | null {
    const voice = chooseBuiltInVoice(request.lang, request.voiceId);
    if (!voice) return null;
    const settings = synthesisSettings({ text: '', lang: request.lang, rate: request.rate }, voice.espeak);
    return this.worker.synthesize(
      {
        ...(voice.language ? { language: voice.language } : {}),
        segments: request.segments,
        lang: request.lang,
        settings,
        priority: 'render',
      },
      handlers,
    );
  }

  cancelRender(jobId: number): void {
    this.worker.cancel(jobId);
  }

  pause(): void {
    if (!this.#current || this.#paused) return;
    this.#paused = true;
    this.#audioOut?.suspend();
    // Nothing moves while paused: no need to read the clock.
    this.#stopTicker();
  }

  resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    this.#audioOut?.resume();
    this.#resuming = this.#current?.started ?? false;
    if (this.#current) this.#startTicker();
  }

  cancel(): void {
    this.#stopCurrent();
  }

  utterancePolicy(): UtterancePolicy {
    return BUILT_IN_POLICY;
  }

  voices(): readonly EngineVoice[] {
    return BUILT_IN_VOICES;
  }

  ready(): Promise<readonly EngineVoice[]> {
    return Promise.resolve(BUILT_IN_VOICES);
  }

  subscribe(listener: EngineListener): () => void {
    return this.#listeners.subscribe(listener);
  }

  dispose(): void {
    this.#stopCurrent();
    this.#listeners.clear();
  }

  #audio(): AudioOut | null {
    try {
      this.#audioOut ??= new AudioOut();
    } catch {
      return null;
    }
    return this.#audioOut;
  }

  #onAudio(utterance: Utterance, index: number, pcm: Int16Array, words: readonly SegmentWord[]): void {
    const audio = this.#audioOut;
    const sentence = utterance.sentences[index];
    if (this.#current !== utterance || !audio || !sentence) return;
    const sampleRate = this.worker.sampleRate;
    if (utterance.segmentStarts[index] === undefined) {
      // Pauses are silence in the audio itself, so pausing in one holds it exactly.
      const silence = this.#pauseBefore(utterance, index, leadingSilence(pcm));
      if (silence > 0) audio.enqueue(new Int16Array(silence), sampleRate);
    }
    const { start, end } = audio.enqueue(pcm, sampleRate);
    utterance.endAt = end;
    const silent = trailingSilence(pcm);
    utterance.tail = silent === pcm.length ? utterance.tail + silent : silent;
    const id = utterance.id;
    // Word times count from the segment's first piece.
    let segmentStart = utterance.segmentStarts[index];
    if (segmentStart === undefined) {
      segmentStart = utterance.segmentStarts[index] = start;
      if (index === 0) utterance.timeline.push({ at: start, event: { type: 'start', utteranceId: id } });
      if (this.sentenceBoundaries)
        utterance.timeline.push({
          at: start,
          event: {
            type: 'boundary',
            utteranceId: id,
            name: 'sentence',
            charIndex: sentence.start,
            charLength: sentence.end - sentence.start,
          },
        });
    }
    for (const word of words) {
      utterance.timeline.push({
        at: segmentStart + word.timeMs / 1000,
        event: {
          type: 'boundary',
          utteranceId: id,
          name: 'word',
          charIndex: sentence.start + word.charIndex,
          charLength: word.charLength,
        },
      });
    }
  }

  /** Zero samples to queue before segment `index`'s first piece, which starts with `head` silent ones. */
  #pauseBefore(utterance: Utterance, index: number, head: number): number {
    const sampleRate = this.worker.sampleRate;
    if (index > 0) return pauseSamples(PAUSE_MS.sentence, sampleRate, utterance.tail, head);
    const previous = this.#previousEnd;
    if (!previous || utterance.pauseBeforeMs <= 0 || !this.#audioOut) return 0;
    // Time since the last utterance ended (synthesis, the controller's step) already counts.
    const waited = Math.round(Math.max(0, this.#audioOut.now - previous.at) * sampleRate);
    return Math.max(0, pauseSamples(utterance.pauseBeforeMs, sampleRate, previous.tail, head) - waited);
  }

  readonly #tick = (): void => {
    const utterance = this.#current;
    if (!utterance) return this.#stopTicker();
    const audio = this.#audioOut;
    if (!audio?.running) {
      if (this.#paused) return;
      utterance.blockedSince ??= performance.now();
      if (performance.now() - utterance.blockedSince > BLOCKED_MS) this.#fail(utterance, 'not-allowed');
      return;
    }
    utterance.blockedSince = null;
    if (this.#resuming) {
      this.#resuming = false;
      this.#emit({ type: 'start', utteranceId: utterance.id });
      if (this.#current !== utterance) return;
    }
    const now = audio.now;
    while (utterance.timeline[0] && utterance.timeline[0].at <= now) {
      const next = utterance.timeline.shift();
      if (next?.event.type === 'start') utterance.started = true;
      if (next) this.#emit(next.event);
      // A listener may have cancelled or replaced this utterance.
      if (this.#current !== utterance) return;
    }
    if (utterance.synthesized && utterance.timeline.length === 0 && now >= utterance.endAt) {
      this.#current = null;
      this.#previousEnd = { at: utterance.endAt, tail: utterance.tail };
      this.#emit({ type: 'end', utteranceId: utterance.id });
    }
  };

  #startTicker(): void {
    this.#ticker ??= setInterval(this.#tick, TICK_MS);
  }

  #stopTicker(): void {
    if (this.#ticker !== undefined) clearInterval(this.#ticker);
    this.#ticker = undefined;
  }

  #fail(utterance: Utterance, code: EngineErrorCode): void {
    if (this.#current !== utterance) return;
    this.#halt(utterance);
    this.#emit({ type: 'error', utteranceId: utterance.id, code });
  }

  #halt(utterance: Utterance): void {
    this.worker.cancel(utterance.jobId);
    this.#audioOut?.stop();
    this.#current = null;
  }

  /**
   * Silences the current utterance at once and tells its listeners, like Web
   * Speech does: `interrupted` once it was heard, `canceled` before that.
   */
  #stopCurrent(): void {
    const utterance = this.#current;
    if (!utterance) return;
    this.#halt(utterance);
    const code: EngineErrorCode = utterance.started ? 'interrupted' : 'canceled';
    queueMicrotask(() => this.#emit({ type: 'error', utteranceId: utterance.id, code }));
  }

  #emit(event: EngineEvent): void {
    this.#listeners.emit(event);
  }
}

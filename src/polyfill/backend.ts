/**
 * The seam between the specification's queue (synthesis.ts) and a speech
 * engine: eSpeak-NG today (espeak-backend.ts), and later a neural or a cloud
 * voice, each plugs in by implementing this. The queue owns every rule the
 * page can see (order, states, cancel codes, SSML marks, timing of events);
 * a backend only speaks one plain-text utterance at a time.
 */
import type { SpeechSynthesisErrorCode } from './events.ts';
import type { VoiceDescription } from './voice.ts';

export interface BackendUtterance {
  /** Plain text (SSML is reduced to its text before it gets here). */
  readonly text: string;
  /** BCP 47 tag; the page's language when the utterance has none. */
  readonly lang: string;
  /** `voiceURI` of the chosen voice, or null for the best voice for `lang`. */
  readonly voiceURI: string | null;
  /** 0.1–10, 0–2 and 0–1, already clamped. */
  readonly rate: number;
  readonly pitch: number;
  readonly volume: number;
}

/** What a backend reports for the utterance it speaks. Calls after `end` or `error` are ignored. */
export interface BackendSink {
  /** The first sound is heard. */
  start(): void;
  /** A word or sentence is heard; offsets are UTF-16, into the plain text. */
  boundary(name: 'word' | 'sentence', charIndex: number, charLength: number): void;
  /** The last sound has been heard. */
  end(): void;
  error(code: SpeechSynthesisErrorCode): void;
}

export interface SpeechBackend {
  /** Known without loading anything: `getVoices()` answers from it synchronously. */
  voices(): readonly VoiceDescription[];
  /**
   * Speaks `utterance`, replacing nothing: the queue calls it only when the
   * previous one has ended or was cancelled. Called synchronously inside
   * `speechSynthesis.speak()` for the first utterance, so it may unlock audio
   * within the user's gesture.
   */
  speak(utterance: BackendUtterance, sink: BackendSink): void;
  /** Holds the utterance being spoken (or about to be) where it is. */
  pause(): void;
  resume(): void;
  /** Silences the utterance at once; its sink is not called again. */
  cancel(): void;
  /** Whether a `speak()` now could be heard: false before any user activation where audio needs one. */
  allowed(): boolean;
}

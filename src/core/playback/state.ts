/**
 * The playback state and the events that change it. Plain, frozen data: the
 * pure `transition()` reads and returns it, the controller renders from it.
 */
import type { EngineErrorCode } from '../speech/engine.ts';

/**
 * `starting` means we asked the engine to speak and it has not confirmed
 * `start` yet: the UI must not claim "Playing" before the engine does.
 */
export type PlaybackStatus = 'idle' | 'starting' | 'playing' | 'paused' | 'ended' | 'error';

export const MIN_RATE = 0.5;
export const MAX_RATE = 3;
export const RATE_STEP = 0.25;

export interface PlaybackState {
  readonly status: PlaybackStatus;
  /** Reading unit being read (0-based): the headline is unit 0. */
  readonly paragraphIndex: number;
  /** Utterance within the paragraph: a sentence, or part of a long one. */
  readonly utteranceIndex: number;
  /**
   * Where in the chunk's text (UTF-16) the utterance in flight starts, or the
   * next one will: past 0 when speech goes on from a word after a pause or
   * a speed change.
   */
  readonly from: number;
  /**
   * How many utterances each paragraph has; its length is the paragraph
   * count. Paragraphs are cut only when read (see the `utterances` event), so
   * an entry is 1 until then.
   */
  readonly utteranceCounts: readonly number[];
  readonly rate: number;
  readonly voiceId: string | null;
  /**
   * Identifies the utterance we asked for last. Engine events carry the token
   * they were spoken with; a different token means a stale event.
   */
  readonly token: number;
  /** An utterance with `token` is queued, speaking or natively paused. */
  readonly inFlight: boolean;
  /** Failed attempts at the current chunk (one retry before giving up). */
  readonly retries: number;
  readonly error: EngineErrorCode | 'empty' | null;
  /** Word being spoken, as offsets into the current chunk's text. */
  readonly word: { readonly start: number; readonly length: number } | null;
}

export type PlaybackEvent =
  | { readonly type: 'load'; readonly utteranceCounts: readonly number[]; readonly paragraphIndex?: number }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'toggle' }
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  | { readonly type: 'seek'; readonly paragraphIndex: number; readonly play?: boolean }
  | { readonly type: 'rate'; readonly rate: number }
  /**
   * The debounced end of a run of speed changes: speak again at the new rate
   * from the current word. `wordsKnown`: the engine reports word boundaries,
   * so a missing word means "nothing heard yet", not "no place known".
   */
  | { readonly type: 'apply-rate'; readonly wordsKnown: boolean }
  | { readonly type: 'voice'; readonly voiceId: string | null }
  /**
   * The controller cut the current paragraph into `count` utterances (lazily,
   * or again after a rate or engine change); `utteranceIndex` is the one that
   * holds the place. No effect of its own.
   */
  | {
      readonly type: 'utterances';
      readonly paragraphIndex: number;
      readonly count: number;
      readonly utteranceIndex: number;
    }
  /** Leaving the page or another player taking over: stop, keep the place. */
  | { readonly type: 'stop' }
  | { readonly type: 'engine-start'; readonly token: number }
  | {
      readonly type: 'engine-boundary';
      readonly token: number;
      readonly charIndex: number;
      readonly charLength: number;
    }
  | { readonly type: 'engine-end'; readonly token: number }
  | { readonly type: 'engine-error'; readonly token: number; readonly code: EngineErrorCode };

export type PlaybackEffect =
  | {
      readonly type: 'speak';
      readonly token: number;
      readonly paragraphIndex: number;
      readonly utteranceIndex: number;
      /** Offset in the chunk's text to speak from. */
      readonly from: number;
      readonly rate: number;
      readonly voiceId: string | null;
    }
  | { readonly type: 'cancel' }
  /** (Re)start the debounce that ends in `apply-rate`. */
  | { readonly type: 'apply-rate-soon' }
  | { readonly type: 'pause-engine' }
  | { readonly type: 'resume-engine' };

export interface Transition {
  readonly state: PlaybackState;
  readonly effects: readonly PlaybackEffect[];
}

export const initialState: PlaybackState = Object.freeze({
  status: 'idle',
  paragraphIndex: 0,
  utteranceIndex: 0,
  from: 0,
  utteranceCounts: [],
  rate: 1,
  voiceId: null,
  token: 0,
  inFlight: false,
  retries: 0,
  error: null,
  word: null,
});

// Small readers of the state, here rather than in transition.ts so that the
// player shell (aloud.js) can use them without the playback logic.

export function clampRate(rate: number): number {
  if (!Number.isFinite(rate)) return 1;
  // Two decimals: 1.25 stays 1.25, float noise from repeated steps goes.
  return Math.round(Math.min(MAX_RATE, Math.max(MIN_RATE, rate)) * 100) / 100;
}

export function paragraphCount(state: PlaybackState): number {
  return state.utteranceCounts.length;
}

export function isActive(state: PlaybackState): boolean {
  return state.status === 'starting' || state.status === 'playing';
}

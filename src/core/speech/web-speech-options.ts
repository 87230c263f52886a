/**
 * The Web Speech adapter's options and their defaults, which depend on the
 * platform (see web-speech-quirks.ts). Times are in milliseconds.
 */
import { currentQuirks, type PauseStrategy } from './web-speech-quirks.ts';

export interface WebSpeechEngineOptions {
  /**
   * Any object with the `SpeechSynthesis` interface: the browser's (the
   * default, `globalThis.speechSynthesis`) or one from the polyfill's
   * `createSpeechSynthesis()`; `null` means "not available".
   */
  readonly synth?: SpeechSynthesis | null;
  /** The `SpeechSynthesisUtterance` class that goes with `synth`; defaults to the global one. */
  readonly utterance?: typeof SpeechSynthesisUtterance;
  /** How long `ready()` waits for voices before resolving with what there is (ms). */
  readonly voicesTimeoutMs?: number;
  /** No `start` within this long (ms): speak once more, then report `timeout`. */
  readonly watchdogStartMs?: number;
  /**
   * After `start`, until the voice's real speed is measured, allow this many
   * ms per character before giving up (at any rate of 1 or more: the rate may
   * be ignored). Once measured, the deadline follows the measurement.
   */
  readonly watchdogEndFactor?: number;
  /** ...but never less than this many ms. */
  readonly watchdogEndMinMs?: number;
  /** How to pause; defaults to the platform's (see web-speech-quirks.ts). */
  readonly pause?: PauseStrategy;
  /** A `speak()` right after `cancel()` may be dropped; defaults to the platform's. */
  readonly cancelDropsSpeak?: boolean;
  /** Where it may be dropped: how long (ms) to wait for `start` before speaking again. */
  readonly afterCancelStartMs?: number;
  /** A native pause or resume not confirmed within this long (ms) becomes a cancel that keeps the place. */
  readonly pauseConfirmMs?: number;
  /** A native pause held longer than this (ms) becomes such a cancel (resume can fail after ~10 s). */
  readonly nativePauseMaxMs?: number;
  /** Where to listen for `pagehide`; defaults to `globalThis.window`, `null` for none. */
  readonly window?: Window | null;
}

export interface ResolvedOptions {
  readonly synth: SpeechSynthesis | null;
  readonly Utterance: typeof SpeechSynthesisUtterance | null;
  readonly win: Window | null;
  readonly voicesTimeoutMs: number;
  readonly watchdogStartMs: number;
  readonly watchdogEndFactor: number;
  readonly watchdogEndMinMs: number;
  readonly pause: PauseStrategy;
  readonly cancelDropsSpeak: boolean;
  readonly afterCancelStartMs: number;
  readonly pauseConfirmMs: number;
  readonly nativePauseMaxMs: number;
}

export function resolveOptions(options: WebSpeechEngineOptions): ResolvedOptions {
  const quirks = currentQuirks();
  return {
    synth: options.synth === undefined ? (globalThis.speechSynthesis ?? null) : options.synth,
    Utterance: options.utterance ?? globalThis.SpeechSynthesisUtterance ?? null,
    win: options.window === undefined ? (globalThis.window ?? null) : options.window,
    voicesTimeoutMs: options.voicesTimeoutMs ?? 2000,
    watchdogStartMs: options.watchdogStartMs ?? 2000,
    watchdogEndFactor: options.watchdogEndFactor ?? 200,
    watchdogEndMinMs: options.watchdogEndMinMs ?? 8000,
    pause: options.pause ?? quirks.pause,
    cancelDropsSpeak: options.cancelDropsSpeak ?? quirks.cancelDropsSpeak,
    afterCancelStartMs: options.afterCancelStartMs ?? 1000,
    pauseConfirmMs: options.pauseConfirmMs ?? 400,
    nativePauseMaxMs: options.nativePauseMaxMs ?? 8000,
  };
}

/** `createSpeechSynthesis()`, apart from index.ts so that the player can import it without the page-wide instance. */
import type { SpeechBackend } from './backend.ts';
import { EspeakBackend } from './espeak-backend.ts';
import { CONSTRUCTING } from './idl.ts';
import { SpeechSynthesis } from './synthesis.ts';

// With it, for code that gets both in one dynamic import (the player's built-in voice).
export { SpeechSynthesisUtterance } from './utterance.ts';

export interface CreateOptions {
  /** Another speech engine behind the same queue; the built-in eSpeak-NG voice by default. */
  readonly backend?: SpeechBackend;
}

/** A new, independent `SpeechSynthesis` (its own queue), without touching `window`. */
export function createSpeechSynthesis(options: CreateOptions = {}): SpeechSynthesis {
  return new SpeechSynthesis(CONSTRUCTING, options.backend ?? new EspeakBackend());
}

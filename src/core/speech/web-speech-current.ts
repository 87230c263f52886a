/**
 * What the Web Speech adapter knows of the utterance it is speaking: one per
 * `speak()`, kept across pauses and re-speaks under the same public id.
 */
import type { SpeakRequest } from './engine.ts';

export interface Current {
  /** Public id: what events carry, unchanged when spoken again. */
  readonly id: number;
  readonly request: SpeakRequest;
  /** Native generation of the live utterance (0: none); events from any other are stale. */
  native: number;
  /** Held so Chrome cannot garbage-collect an utterance mid-speech, which drops its `end`. */
  utterance: SpeechSynthesisUtterance | null;
  /** Where the live native utterance starts in `request.text` (UTF-16). */
  offset: number;
  /** Start of the last word heard, in `request.text`; null before any boundary. */
  word: number | null;
  started: boolean;
  /** `performance.now()` at `start`; NaN once a pause or a restart spoils the measurement of the voice's speed. */
  startedAt: number;
  /** `native`: held by `pause()`; `cancelled`: silenced, spoken again on resume; `resuming`: waiting for proof. */
  hold: 'native' | 'cancelled' | 'resuming' | null;
  /** The engine said so (`pause`/`resume` event) for the current hold. */
  confirmed: boolean;
  /** Already spoken once more after a wedge. */
  recovered: boolean;
}

export function newCurrent(id: number, request: SpeakRequest): Current {
  return {
    ...{ id, request, native: 0, utterance: null, offset: 0, word: null },
    ...{ started: false, startedAt: Number.NaN, hold: null, confirmed: false, recovered: false },
  };
}

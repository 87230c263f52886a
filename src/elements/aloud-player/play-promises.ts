/**
 * The promises `play()` returns. Like HTMLMediaElement's, one resolves only
 * when speech has really started and rejects, with the reason in words, when
 * it will not start (an error, a pause, nothing to read).
 */
import type { PlaybackState } from '../../core/playback/state.ts';

export class PlayPromises {
  #waiting: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  /** While true, nothing is settled: the intent is still on its way to the engine. */
  onTheWay = true;

  add(): Promise<void> {
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  /** `whyNot` words the rejection (the error shown, or "Paused"). */
  settle(state: PlaybackState, whyNot: () => string): void {
    if (this.onTheWay || state.status === 'starting' || this.#waiting.length === 0) return;
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const pending of waiting) {
      if (state.status === 'playing') pending.resolve();
      else pending.reject(new Error(whyNot()));
    }
  }
}

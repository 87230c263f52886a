/**
 * The pause before a Web Speech utterance: a wait the controller can cancel
 * (stop, seek, a new rate), hold (pause in the gap) and cut short (resume:
 * the utterance starts at once, inside the listener's gesture).
 */
export class PauseGap {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #speak: (() => void) | null = null;

  /** An utterance is waiting out its pause. */
  get waiting(): boolean {
    return this.#speak !== null;
  }

  /** Calls `speak` after `ms` milliseconds, replacing any wait. */
  start(ms: number, speak: () => void): void {
    this.stop();
    this.#speak = speak;
    this.#timer = setTimeout(() => this.finish(), ms);
  }

  /** Paused in the gap: the utterance waits until `finish()`. */
  hold(): void {
    clearTimeout(this.#timer);
  }

  /** Speaks the waiting utterance now, if there is one. */
  finish(): void {
    const speak = this.#speak;
    this.stop();
    speak?.();
  }

  /** Drops the waiting utterance. */
  stop(): void {
    clearTimeout(this.#timer);
    this.#speak = null;
  }
}

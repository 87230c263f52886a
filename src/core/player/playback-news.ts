/**
 * Turns what the playback controller reports into the player's news: status
 * and error messages (descriptors, translated at render) and media events.
 * In the reading chunk, beside the controller whose reports it words.
 */
import type { Message } from '../i18n/messages.ts';
import type { PlaybackState } from '../playback/state.ts';
import type { EngineEvent } from '../speech/engine.ts';
import { statusChange } from './announcements.ts';
import type { PlayerStore } from './player-store.ts';

/** A polite status line must not chatter: loading progress is said at most this often (ms). */
export const LOADING_NEWS_EVERY_MS = 2000;

export class PlaybackNews {
  readonly #store: PlayerStore;
  readonly #now: () => number;
  /** The engine switched to the built-in voice and the status line has not said so yet. */
  #builtInNotice = false;
  /** When loading progress was last said; -Infinity: not during this load. */
  #loadingSaidAt = -Infinity;

  /** `now` is a clock in milliseconds (tests pass their own). */
  constructor(store: PlayerStore, now: () => number = () => performance.now()) {
    this.#store = store;
    this.#now = now;
  }

  /** The controller's report of a state change. */
  playbackChanged(previous: PlaybackState, next: PlaybackState): void {
    const snapshot = this.#store.snapshot;
    const effects = this.#store.effects;
    let status = snapshot.status;
    let error = snapshot.error;
    if (next.status !== previous.status) {
      const change = statusChange(previous, next, this.#builtInNotice);
      if (next.status === 'playing') {
        error = null;
        this.#builtInNotice = false;
      }
      if (change.message !== undefined) status = change.message;
      if (next.status === 'error' && next.error && next.error !== 'empty') error = { key: 'engine', code: next.error };
      for (const type of change.events) effects.onMediaEvent(type);
    }
    if (next.rate !== previous.rate) {
      effects.onMediaEvent('ratechange');
      if (this.#store.rateFromListener) {
        status = { key: 'speed', rate: next.rate };
        effects.savePreferences({ rate: next.rate });
      }
    }
    this.#store.refresh({ status, error });
  }

  /** Engine news the listener should hear: the built-in voice loading, or taking over. */
  engineNotice(event: EngineEvent & { readonly type: 'enginechange' | 'loading' | 'rateignored' }): void {
    // Whenever it is found, playing or not: the speed control does nothing for this voice.
    if (event.type === 'rateignored') return this.#store.announce({ key: 'rateIgnored' });
    const playing = this.#store.playbackState.status === 'playing';
    let message: Message | null;
    if (event.type === 'loading') {
      if (event.progress < 1) {
        if (this.#now() - this.#loadingSaidAt < LOADING_NEWS_EVERY_MS) return;
        this.#loadingSaidAt = this.#now();
        message = { key: 'loadingVoice', progress: event.progress };
      } else {
        this.#loadingSaidAt = -Infinity;
        message = playing ? { key: 'playing' } : null;
      }
    } else if (event.engine !== 'built-in') {
      // Back to the browser's voices happens between sentences while reading: said at once.
      message = { key: 'usingBrowserVoice' };
    } else {
      message = playing ? { key: 'usingBuiltIn' } : null;
      if (!playing) this.#builtInNotice = true;
    }
    if (message) this.#store.announce(message);
  }
}

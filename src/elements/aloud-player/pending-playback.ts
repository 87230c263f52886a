/**
 * Stands in for the playback controller until the reading chunk arrives (see
 * reading-chunk.ts). Nothing is indexed yet, so the toolbar's Play, Previous
 * and Next are disabled; what can still come early (the host page's calls,
 * such as `play()` or `playbackRate`, and the toolbar's Slower and Faster) is
 * kept, in order, and handed to the controller once it is there. (The
 * keyboard shortcuts arrive in the same chunk, so they never come early.)
 */
import type { PlaybackPort } from '../../core/player/player-store.ts';
import { clampRate, initialState, type PlaybackEvent, type PlaybackState } from '../../core/playback/state.ts';

export class PendingPlayback implements PlaybackPort {
  state: PlaybackState = initialState;
  /** The intents that came before the controller, oldest first. */
  readonly early: PlaybackEvent[] = [];

  dispatch(event: PlaybackEvent): void {
    this.early.push(event);
    // The rate shows in the toolbar at once, as it will be once reading starts.
    if (event.type === 'rate') this.state = Object.freeze({ ...this.state, rate: clampRate(event.rate) });
  }

  /** Hands the held intents over, once. */
  takeEarly(): PlaybackEvent[] {
    return this.early.splice(0);
  }
}

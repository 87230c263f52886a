/**
 * Stands in for the playback controller until the reading chunk arrives (see
 * reading-api.ts). Nothing is indexed yet, so the toolbar's Play, Previous and
 * Next are disabled; what can still come early (the host page's calls, such as
 * `play()` or `playbackRate`, and the toolbar's Slower and Faster) is kept, in
 * order, and handed to the controller once it is there. (The keyboard
 * shortcuts arrive in the same chunk, so they never come early.)
 */
import { clampRate, initialState, type PlaybackEvent, type PlaybackState } from '../../core/playback/state.ts';
import type { Playback } from './reading-api.ts';

export class PendingPlayback implements Playback {
  state: PlaybackState = initialState;
  readonly article = null;
  readonly voices = [];
  readonly currentUnit = null;
  readonly currentChunk = null;
  readonly currentWord = null;
  /** The intents that came before the controller, oldest first. */
  readonly early: PlaybackEvent[] = [];

  dispatch(event: PlaybackEvent): void {
    this.early.push(event);
    // The rate shows in the toolbar at once, as it will be once reading starts.
    if (event.type === 'rate') this.state = Object.freeze({ ...this.state, rate: clampRate(event.rate) });
  }

  setHighlighting(): void {
    // Nothing is highlighted yet; the reading applies the preference when it indexes the article.
  }
}

/**
 * Remembers where the listener stopped in each article and offers it back
 * ("Resume from paragraph N") on the next visit. Part of the lazy extras: the
 * core reads without it. The place is saved on every paragraph change and
 * pause, and on `pagehide` (the last moment a page is sure to get).
 */
import type { ReactiveController } from 'lit';
import type { PlaybackState } from '../../core/playback/state.ts';
import { clearPosition, loadPosition, savePosition } from '../../core/storage/position.ts';
import type { AloudPlayer } from './aloud-player.ts';

export class ResumePlace implements ReactiveController {
  /** Paragraph index to offer, or null for no offer. */
  offer: number | null = null;
  readonly #player: AloudPlayer;

  constructor(player: AloudPlayer) {
    this.#player = player;
    player.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.#save);
  }

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.#save);
  }

  /** The listener took the offer (or chose another place). */
  take(): number | null {
    const offer = this.offer;
    this.offer = null;
    return offer;
  }

  /** `previous` is null when an article was (re)loaded. */
  changed(previous: PlaybackState | null, next: PlaybackState): void {
    const article = this.#player.playback.article;
    if (!article) return;
    if (previous === null) {
      if (next.chunkCounts.length > 0) this.offer = loadPosition(article.key, next.chunkCounts.length);
      return;
    }
    // Reading or moving means a place was chosen: the offer has served its purpose.
    if (next.status === 'playing' || next.paragraphIndex !== previous.paragraphIndex) this.offer = null;
    if (next.status === 'ended') {
      if (previous.status !== 'ended') clearPosition(article.key);
    } else if (
      next.paragraphIndex !== previous.paragraphIndex ||
      (previous.status === 'playing' && (next.status === 'paused' || next.status === 'idle'))
    ) {
      this.#save();
    }
  }

  readonly #save = (): void => {
    const article = this.#player.playback.article;
    const state = this.#player.playback.state;
    if (article && state.status !== 'ended' && state.paragraphIndex > 0)
      savePosition(article.key, state.paragraphIndex);
  };
}

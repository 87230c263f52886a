/**
 * Lock-screen and hardware media keys, where the browser supports the Media
 * Session API: title, author and site. The page has one Media Session, so the
 * player that last started reading owns it; metadata and playback state are
 * written only when they change (not once per word), and the owner clears
 * its handlers when it is disconnected.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PlayerStore } from '../../core/player/player-store.ts';
import type { PlayerSnapshot } from '../../core/player/snapshot.ts';

const ACTIONS = ['play', 'pause', 'previoustrack', 'nexttrack'] as const;

/** The player whose handlers are installed, page-wide (one Media Session per page). */
const page: { owner: MediaSessionController | null } = { owner: null };

function session(): MediaSession | null {
  return typeof navigator !== 'undefined' && navigator.mediaSession && typeof MediaMetadata !== 'undefined'
    ? navigator.mediaSession
    : null;
}

export class MediaSessionController implements ReactiveController {
  readonly #store: PlayerStore;
  #unsubscribe: (() => void) | null = null;

  constructor(host: ReactiveControllerHost, store: PlayerStore) {
    this.#store = store;
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe = this.#store.subscribe((next, previous) => this.#onSnapshot(next, previous));
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    if (page.owner !== this) return;
    page.owner = null;
    const media = session();
    if (!media) return;
    try {
      for (const action of ACTIONS) media.setActionHandler(action, null);
      media.metadata = null;
      media.playbackState = 'none';
    } catch {
      // Some browsers throw for unsupported actions.
    }
  }

  #onSnapshot(next: PlayerSnapshot, previous: PlayerSnapshot): void {
    const media = session();
    if (!media) return;
    const playing = next.playback.status === 'playing';
    if (playing && page.owner !== this) this.#own(media, next);
    if (page.owner !== this) return;
    try {
      if (next.headline !== previous.headline) this.#writeMetadata(media, next);
      if (playing !== (previous.playback.status === 'playing')) media.playbackState = playing ? 'playing' : 'paused';
    } catch {
      // The on-page controls still work.
    }
  }

  #own(media: MediaSession, snapshot: PlayerSnapshot): void {
    page.owner = this;
    const dispatch = this.#store.dispatch.bind(this.#store);
    try {
      media.setActionHandler('play', () => dispatch({ type: 'play' }));
      media.setActionHandler('pause', () => dispatch({ type: 'pause' }));
      media.setActionHandler('previoustrack', () => dispatch({ type: 'previous' }));
      media.setActionHandler('nexttrack', () => dispatch({ type: 'next' }));
      this.#writeMetadata(media, snapshot);
    } catch {
      // Some browsers throw for unsupported actions; the on-page controls still work.
    }
  }

  #writeMetadata(media: MediaSession, snapshot: PlayerSnapshot): void {
    const author = document.querySelector('meta[name="author"]')?.getAttribute('content') ?? '';
    media.metadata = new MediaMetadata({
      title: snapshot.headline,
      artist: author,
      album: document.title || location.hostname,
    });
  }
}

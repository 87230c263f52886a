/**
 * Remembers where the listener stopped in each article and offers it back
 * ("Resume from paragraph N", `ui.resumeOffer` in the store) on the next
 * visit. In the reading chunk: the shell reads without it. The place is saved
 * on every paragraph change and pause, and on `pagehide` (the last moment a
 * page is sure to get).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { patchUi, type PlayerStore } from '../../core/player/player-store.ts';
import type { PlayerSnapshot } from '../../core/player/snapshot.ts';
import { clearPosition, loadPosition, savePosition } from '../../core/storage/position.ts';

export class ResumePlace implements ReactiveController {
  readonly #store: PlayerStore;
  #cleanups: Array<() => void> = [];

  constructor(host: ReactiveControllerHost, store: PlayerStore) {
    this.#store = store;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.#save);
    this.#cleanups = [
      () => window.removeEventListener('pagehide', this.#save),
      this.#store.subscribe((next, previous) => this.#onSnapshot(next, previous)),
      this.#store.handle((intent) => {
        const offer = this.#store.snapshot.ui.resumeOffer;
        if (intent.type !== 'take-resume-offer') return false;
        patchUi(this.#store, { resumeOffer: null });
        if (offer !== null) this.#store.dispatch({ type: 'seek', paragraphIndex: offer, play: true });
        return true;
      }),
    ];
    // The reading chunk may have indexed the article before this (late) controller arrived.
    const snapshot = this.#store.snapshot;
    if (snapshot.reading.article && snapshot.playback.status === 'idle') this.#offer(snapshot);
  }

  hostDisconnected(): void {
    for (const cleanup of this.#cleanups) cleanup();
    this.#cleanups = [];
  }

  /** A newly indexed article: offer the place saved for it, if any. */
  #offer(snapshot: PlayerSnapshot): void {
    const article = snapshot.reading.article;
    const count = snapshot.playback.utteranceCounts.length;
    const offer = article && count > 0 ? loadPosition(article.key, count) : null;
    if (offer !== snapshot.ui.resumeOffer) patchUi(this.#store, { resumeOffer: offer });
  }

  #onSnapshot(next: PlayerSnapshot, previous: PlayerSnapshot): void {
    const article = next.reading.article;
    if (!article) return;
    const now = next.playback;
    const before = previous.playback;
    if (article !== previous.reading.article) return this.#offer(next);
    // Reading or moving means a place was chosen: the offer has served its purpose.
    const chosen = now.status === 'playing' || now.paragraphIndex !== before.paragraphIndex;
    if (chosen && next.ui.resumeOffer !== null) patchUi(this.#store, { resumeOffer: null });
    if (now.status === 'ended') {
      if (before.status !== 'ended') clearPosition(article.key);
    } else if (
      now.paragraphIndex !== before.paragraphIndex ||
      (before.status === 'playing' && (now.status === 'paused' || now.status === 'idle'))
    ) {
      this.#save();
    }
  }

  readonly #save = (): void => {
    const { reading, playback } = this.#store.snapshot;
    if (reading.article && playback.status !== 'ended' && playback.paragraphIndex > 0)
      savePosition(reading.article.key, playback.paragraphIndex);
  };
}

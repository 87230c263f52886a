/**
 * Keeps the paragraph being read in view, until the listener scrolls away on
 * purpose; then it stops and the player offers "Back to current paragraph"
 * (`ui.scrolledAway` in the store). Honours reduced motion: no smooth
 * scrolling when it is asked for.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { patchUi, type PlayerStore } from '../../core/player/player-store.ts';
import type { PlayerSnapshot } from '../../core/player/snapshot.ts';
import { isActive } from '../../core/playback/state.ts';

/** Scroll events this soon after our own scrollIntoView are ours, not the listener's. */
const OWN_SCROLL_MS = 1200;

export class FollowAlong implements ReactiveController {
  readonly #store: PlayerStore;
  #ownScrollUntil = 0;
  #cleanups: Array<() => void> = [];

  constructor(host: ReactiveControllerHost, store: PlayerStore) {
    this.#store = store;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('scroll', this.#onScroll, { passive: true });
    this.#cleanups = [
      () => window.removeEventListener('scroll', this.#onScroll),
      this.#store.subscribe((next, previous) => this.#onSnapshot(next, previous)),
      this.#store.handle((intent) => {
        if (intent.type !== 'back-to-current') return false;
        this.#backToCurrent();
        return true;
      }),
    ];
  }

  hostDisconnected(): void {
    for (const cleanup of this.#cleanups) cleanup();
    this.#cleanups = [];
  }

  #onSnapshot(next: PlayerSnapshot, previous: PlayerSnapshot): void {
    const started = next.playback.status === 'playing' && previous.playback.status !== 'playing';
    const moved = next.playback.paragraphIndex !== previous.playback.paragraphIndex && isActive(next.playback);
    if (!started && !moved) return;
    if (!next.preferences.followAlong || next.ui.scrolledAway) return;
    const element = next.reading.paragraph?.element;
    if (element && !isInView(element)) this.#scrollTo(element);
  }

  #backToCurrent(): void {
    patchUi(this.#store, { scrolledAway: false });
    const element = this.#store.snapshot.reading.paragraph?.element;
    if (element) this.#scrollTo(element);
  }

  #scrollTo(element: Element): void {
    this.#ownScrollUntil = performance.now() + OWN_SCROLL_MS;
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    element.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  }

  readonly #onScroll = (): void => {
    if (performance.now() < this.#ownScrollUntil) return;
    const element = this.#store.snapshot.reading.paragraph?.element ?? null;
    const away = element !== null && !isInView(element);
    if (away !== this.#store.snapshot.ui.scrolledAway) patchUi(this.#store, { scrolledAway: away });
  };
}

function isInView(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.top < window.innerHeight;
}

/**
 * Keeps the paragraph being read in view, and yields to the reader:
 * - it stops once the reader scrolls the reading away (`ui.scrolledAway`; the
 *   player then offers "Back to current paragraph"), and starts again with
 *   that button, or once the page has been left alone for `RESUME_AFTER_MS`;
 * - it does not move the page while keyboard focus is anywhere but the
 *   paragraph being read, so it never scrolls the focused element out of
 *   view (WCAG 2.4.11): a keyboard user's place, in the player or on the
 *   page, stays where they put it;
 * - it honours reduced motion: no smooth scrolling when that is asked for.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { patchUi, type PlayerStore } from '../../core/player/player-store.ts';
import type { PlayerSnapshot } from '../../core/player/snapshot.ts';
import { isActive } from '../../core/playback/state.ts';

/** Scroll events this soon after our own scrollIntoView are ours, not the listener's. */
const OWN_SCROLL_MS = 1200;
/**
 * After the reader scrolled away, follow-along starts again once the page has
 * been still this long: long enough to read a paragraph elsewhere undisturbed,
 * short enough that a listener who just wanted a look is followed again.
 */
export const RESUME_AFTER_MS = 15_000;

/** The element that has keyboard focus, inside shadow roots too, if the browser shows it as focused. */
function visibleFocus(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active && active !== document.body && active.matches(':focus-visible') ? active : null;
}

export class FollowAlong implements ReactiveController {
  readonly #store: PlayerStore;
  #ownScrollUntil = 0;
  #resume: ReturnType<typeof setTimeout> | undefined;
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
    clearTimeout(this.#resume);
  }

  #onSnapshot(next: PlayerSnapshot, previous: PlayerSnapshot): void {
    const started = next.playback.status === 'playing' && previous.playback.status !== 'playing';
    const moved = next.playback.paragraphIndex !== previous.playback.paragraphIndex && isActive(next.playback);
    if (!started && !moved) return;
    if (!next.preferences.followAlong || next.ui.scrolledAway) return;
    const element = next.reading.paragraph?.element;
    if (!element || isInView(element)) return;
    const focus = visibleFocus();
    if (focus && !element.contains(focus)) return;
    this.#scrollTo(element);
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
    clearTimeout(this.#resume);
    if (away) this.#resume = setTimeout(() => patchUi(this.#store, { scrolledAway: false }), RESUME_AFTER_MS);
  };
}

function isInView(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.top < window.innerHeight;
}

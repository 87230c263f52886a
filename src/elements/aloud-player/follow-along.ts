/**
 * Keeps the paragraph being read in view, until the listener scrolls away on
 * purpose; then it stops and the player offers "Back to current paragraph".
 * Honours reduced motion: no smooth scrolling when it is asked for.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

interface FollowHost extends ReactiveControllerHost, HTMLElement {
  readonly preferences: { readonly followAlong: boolean };
}

/** Scroll events this soon after our own scrollIntoView are ours, not the listener's. */
const OWN_SCROLL_MS = 1200;

export class FollowAlong implements ReactiveController {
  /** True once the listener scrolled the current paragraph out of view. */
  scrolledAway = false;
  #ownScrollUntil = 0;

  readonly #host: FollowHost;
  readonly #currentElement: () => Element | null;
  constructor(host: FollowHost, currentElement: () => Element | null) {
    this.#host = host;
    this.#currentElement = currentElement;

    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('scroll', this.#onScroll, { passive: true });
  }

  hostDisconnected(): void {
    window.removeEventListener('scroll', this.#onScroll);
  }

  paragraphChanged(): void {
    if (!this.#host.preferences.followAlong || this.scrolledAway) return;
    const element = this.#currentElement();
    if (element && !isInView(element)) this.#scrollTo(element);
  }

  backToCurrent(): void {
    this.scrolledAway = false;
    const element = this.#currentElement();
    if (element) this.#scrollTo(element);
    this.#host.requestUpdate();
  }

  #scrollTo(element: Element): void {
    this.#ownScrollUntil = performance.now() + OWN_SCROLL_MS;
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    element.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  }

  readonly #onScroll = (): void => {
    if (performance.now() < this.#ownScrollUntil) return;
    const element = this.#currentElement();
    const away = element !== null && !isInView(element);
    if (away !== this.scrolledAway) {
      this.scrolledAway = away;
      this.#host.requestUpdate();
    }
  };
}

function isInView(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.top < window.innerHeight;
}

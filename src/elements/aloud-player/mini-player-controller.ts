/**
 * Decides when the mini player shows (`ui.miniPlayer` in the store): while
 * the listener is reading or paused mid-article and the inline player is out
 * of view, whether follow-along moved the page or the reader scrolled, unless
 * the listener closed it for this article. While it shows, the page gets a
 * bottom `scroll-padding` as tall as the bar, so that focus moved by Tab or
 * by the page is never hidden under it (WCAG 2.4.11).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { patchUi, type PlayerStore } from '../../core/player/player-store.ts';
import type { PlayerSnapshot } from '../../core/player/snapshot.ts';

/** Room the docked bar takes at the bottom of the viewport, safe area included. */
const BAR_PADDING = 'calc(8rem + env(safe-area-inset-bottom, 0px))';

export class MiniPlayerController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #store: PlayerStore;
  #observer: IntersectionObserver | null = null;
  #inView = true;
  #unsubscribe: (() => void) | null = null;
  /** The page's own `scroll-padding-bottom`, put back when the bar goes. */
  #pagePadding: string | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, store: PlayerStore) {
    this.#host = host;
    this.#store = store;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer = new IntersectionObserver((entries) => {
      const entry = entries.at(-1);
      if (!entry) return;
      this.#inView = entry.isIntersecting;
      this.#update(this.#store.snapshot);
    });
    this.#observer.observe(this.#host);
    this.#unsubscribe = this.#store.subscribe((next, previous) => {
      // A new article: a closed mini player may come back for it.
      if (next.reading.article !== previous.reading.article && next.ui.miniPlayerClosed) {
        patchUi(this.#store, { miniPlayerClosed: false });
        return;
      }
      this.#update(next);
    });
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#setPagePadding(false);
    if (this.#store.snapshot.ui.miniPlayer) patchUi(this.#store, { miniPlayer: false });
  }

  #update(snapshot: PlayerSnapshot): void {
    const status = snapshot.playback.status;
    const reading = status === 'starting' || status === 'playing' || status === 'paused';
    const show = reading && !this.#inView && !snapshot.ui.miniPlayerClosed;
    this.#setPagePadding(show);
    if (show !== snapshot.ui.miniPlayer) patchUi(this.#store, { miniPlayer: show });
  }

  #setPagePadding(on: boolean): void {
    const style = this.#host.ownerDocument.documentElement.style;
    if (on && this.#pagePadding === null) {
      this.#pagePadding = style.scrollPaddingBottom;
      style.scrollPaddingBottom = BAR_PADDING;
    } else if (!on && this.#pagePadding !== null) {
      style.scrollPaddingBottom = this.#pagePadding;
      this.#pagePadding = null;
    }
  }
}

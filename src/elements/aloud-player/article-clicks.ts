/**
 * While the player is in use, clicking a paragraph of its article reads from
 * there (the slider is the keyboard path to the same thing).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { patchUi, type PlayerStore } from '../../core/player/player-store.ts';

export class ArticleClicks implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #store: PlayerStore;

  constructor(host: ReactiveControllerHost & HTMLElement, store: PlayerStore) {
    this.#host = host;
    this.#store = store;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.ownerDocument.addEventListener('click', this.#onClick);
  }

  hostDisconnected(): void {
    this.#host.ownerDocument.removeEventListener('click', this.#onClick);
  }

  readonly #onClick = (event: MouseEvent): void => {
    const target = event.target;
    const { playback, reading } = this.#store.snapshot;
    if (playback.status === 'idle' || event.defaultPrevented || !(target instanceof Element)) return;
    if (target.closest('a, button, input, select, textarea')) return;
    // A drag that selected text is not a request to jump.
    if (!(document.getSelection()?.isCollapsed ?? true)) return;
    const index = (reading.article?.paragraphs ?? []).findIndex((unit) => unit.element.contains(target));
    if (index < 0) return;
    patchUi(this.#store, { resumeOffer: null });
    this.#store.dispatch({ type: 'seek', paragraphIndex: index, play: true });
  };
}

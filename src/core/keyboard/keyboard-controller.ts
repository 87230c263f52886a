/**
 * Listens for the player's single-key shortcuts. On the article page they
 * work page-wide (a setting turns them off, WCAG 2.1.4); embedded players
 * listen only while focus is inside them, unless the host opts in.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { actionForKey, type PlayerAction } from './shortcuts.ts';

export interface KeyboardOptions {
  /** Whether keys pressed outside the player count right now. */
  readonly pageWide: () => boolean;
  readonly perform: (action: PlayerAction) => void;
}

export class KeyboardController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: KeyboardOptions;
  constructor(host: ReactiveControllerHost & HTMLElement, options: KeyboardOptions) {
    this.#host = host;
    this.#options = options;

    host.addController(this);
  }

  hostConnected(): void {
    this.#host.ownerDocument.addEventListener('keydown', this.#onKeyDown);
  }

  hostDisconnected(): void {
    this.#host.ownerDocument.removeEventListener('keydown', this.#onKeyDown);
  }

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented) return;
    const path = event.composedPath();
    const inside = path.includes(this.#host);
    if (!inside && !this.#options.pageWide()) return;
    // With several page-wide players, only the one holding focus, or the first, answers.
    if (!inside && !this.#isFirstPageWidePlayer()) return;
    const action = actionForKey({
      key: event.key,
      ctrlKey: event.ctrlKey,
      altKey: event.altKey,
      metaKey: event.metaKey,
      isComposing: event.isComposing,
      code: event.code,
      target: path[0] ?? null,
    });
    if (!action) return;
    event.preventDefault();
    this.#options.perform(action);
  };

  #isFirstPageWidePlayer(): boolean {
    const players = this.#host.ownerDocument.querySelectorAll(this.#host.localName);
    for (const player of players) {
      if (player === this.#host) return true;
      if (player.getAttribute('shortcuts') === 'page') return false;
    }
    return true;
  }
}

/**
 * Players reading equal headlines need region names that tell them apart
 * ("Listen: … (2)"). The numbers are worked out here, once per page, when a
 * player's headline changes or a player comes or goes, rather than by each
 * player querying the whole document on every render. A controller of the
 * late chunk: until it arrives, equal names are only possible for an instant.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PlayerStore } from '../../core/player/player-store.ts';

const players = new Set<HeadlineNumbers>();

function renumber(): void {
  const ordered = [...players].sort((a, b) =>
    a.host.compareDocumentPosition(b.host) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
  const seen = new Map<string, number>();
  for (const player of ordered) {
    const headline = player.store.snapshot.headline;
    const number = (seen.get(headline) ?? 0) + 1;
    seen.set(headline, number);
    if (number !== player.store.snapshot.headlineNumber) player.store.set({ headlineNumber: number });
  }
}

export class HeadlineNumbers implements ReactiveController {
  readonly host: ReactiveControllerHost & HTMLElement;
  readonly store: PlayerStore;
  #unsubscribe: (() => void) | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, store: PlayerStore) {
    this.host = host;
    this.store = store;
    host.addController(this);
  }

  hostConnected(): void {
    players.add(this);
    this.#unsubscribe = this.store.subscribe((next, previous) => {
      if (next.headline !== previous.headline) renumber();
    });
    renumber();
  }

  hostDisconnected(): void {
    players.delete(this);
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    renumber();
  }
}

/**
 * The seam between the player and its parts. Data flows down: the player
 * provides its store's snapshot through @lit/context, replaced (never
 * mutated) on every change. Intent flows up: a part sends a
 * `PlayerRequestEvent`, which the player hands to its store.
 */
import { createContext } from '@lit/context';
import type { PlayerIntent } from '../../../core/player/intents.ts';
import type { PlayerSnapshot } from '../../../core/player/snapshot.ts';

export const playerContext = createContext<PlayerSnapshot>(Symbol('aloud-player'));

/**
 * A part asks the player for something. Bubbles inside the player's shadow
 * root only (not composed): the host page never sees it.
 */
export class PlayerRequestEvent extends Event {
  readonly intent: PlayerIntent;

  constructor(intent: PlayerIntent) {
    super('aloud-request', { bubbles: true, composed: false });
    this.intent = intent;
  }
}

declare global {
  interface HTMLElementEventMap {
    'aloud-request': PlayerRequestEvent;
  }
}

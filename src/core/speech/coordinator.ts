/**
 * `speechSynthesis` is one queue per page: one player's `cancel()` silences
 * another's. So players take turns through this one coordinator: when one
 * starts, every other is asked to stop (keeping its place).
 */

export interface Turn {
  /** Called when another player starts speaking. */
  readonly yield: () => void;
}

const turns = new Set<Turn>();

export function join(turn: Turn): () => void {
  turns.add(turn);
  return () => turns.delete(turn);
}

export function takeTurn(owner: Turn): void {
  for (const turn of turns) {
    if (turn !== owner) turn.yield();
  }
}

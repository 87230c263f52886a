/**
 * Players reading equal headlines need region names that tell them apart
 * ("Listen: … (2)"). The numbers are worked out here, once per page, when a
 * player's headline changes or a player comes or goes, rather than by each
 * player querying the whole document on every render.
 */

interface NumberedPlayer {
  readonly element: Element;
  headline(): string;
  setNumber(number: number): void;
}

const players = new Set<NumberedPlayer>();

function renumber(): void {
  const ordered = [...players].sort((a, b) =>
    a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
  const seen = new Map<string, number>();
  for (const player of ordered) {
    const headline = player.headline();
    const number = (seen.get(headline) ?? 0) + 1;
    seen.set(headline, number);
    player.setNumber(number);
  }
}

/** Registers a connected player; returns what to call when it disconnects. */
export function joinHeadlineNumbers(player: NumberedPlayer): () => void {
  players.add(player);
  renumber();
  return () => {
    players.delete(player);
    renumber();
  };
}

/** A player's headline changed. */
export function headlineChanged(): void {
  renumber();
}

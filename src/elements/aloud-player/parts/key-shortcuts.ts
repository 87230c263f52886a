/**
 * `aria-keyshortcuts` values for the toolbar. The shortcut table travels in
 * the reading chunk (with the key handler that uses it); until that arrives
 * there are no shortcuts to announce, so the shell only holds a lookup that
 * the chunk fills in.
 */
import type { PlayerAction } from '../../../core/keyboard/shortcuts.ts';

let lookup: ((action: PlayerAction) => string) | null = null;

export function setKeyShortcuts(find: (action: PlayerAction) => string): void {
  lookup = find;
}

/** '' until the reading chunk has arrived. */
export function keyShortcutsFor(action: PlayerAction): string {
  return lookup?.(action) ?? '';
}

/**
 * THE shortcut table. One list drives the key handler, the help dialog and
 * `aria-keyshortcuts`, so the three can never disagree. The letters follow
 * media-player habits (YouTube: K play/pause, J back, L forward).
 */
import { msg } from '@lit/localize';

export type PlayerAction = 'toggle' | 'previous' | 'next' | 'slower' | 'faster' | 'help';

export interface Shortcut {
  readonly action: PlayerAction;
  /** `KeyboardEvent.key` values that trigger it. */
  readonly keys: readonly string[];
  /** What the help dialog shows and `aria-keyshortcuts` carries. */
  readonly display: string;
  readonly label: () => string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'toggle', keys: ['k', 'K'], display: 'K', label: () => msg('Play or pause') },
  { action: 'previous', keys: ['j', 'J'], display: 'J', label: () => msg('Previous paragraph') },
  { action: 'next', keys: ['l', 'L'], display: 'L', label: () => msg('Next paragraph') },
  { action: 'slower', keys: ['<'], display: '<', label: () => msg('Slower') },
  { action: 'faster', keys: ['>'], display: '>', label: () => msg('Faster') },
  { action: 'help', keys: ['?'], display: '?', label: () => msg('Show keyboard shortcuts') },
];

export function shortcutFor(action: PlayerAction): Shortcut | undefined {
  return SHORTCUTS.find((shortcut) => shortcut.action === action);
}

/** Value for `aria-keyshortcuts` on the control that performs `action`. */
export function ariaKeyShortcuts(action: PlayerAction): string {
  return shortcutFor(action)?.display ?? '';
}

/** The subset of KeyboardEvent the matcher needs: easy to build in tests. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
  readonly isComposing?: boolean;
  /** `KeyboardEvent.code`, the physical key: letter shortcuts on non-Latin layouts. */
  readonly code?: string;
  /** The innermost target (from `composedPath()[0]`), to spot typing. */
  readonly target: EventTarget | null;
}

const TEXT_INPUT_TYPES = new Set([
  '',
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
]);

/** Typing a K into a search box must never start speech. */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(target.type);
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  return target.closest('[contenteditable]:not([contenteditable="false"])') !== null;
}

export function actionForKey(press: KeyPress): PlayerAction | null {
  // Ctrl/Alt/Meta combinations belong to the browser and assistive tech (WCAG 2.1.4).
  if (press.ctrlKey || press.altKey || press.metaKey || press.isComposing) return null;
  if (isEditable(press.target)) return null;
  return SHORTCUTS.find((shortcut) => shortcut.keys.includes(press.key))?.action ?? byPhysicalKey(press);
}

/**
 * On an Arabic or Persian layout the K key types ن, so `key` never matches a
 * Latin letter: then the physical key (`code` KeyK) counts, as it does for
 * the listener who reads "K" in the shortcuts list and presses that key.
 */
function byPhysicalKey(press: KeyPress): PlayerAction | null {
  if (press.key.length !== 1 || /[\x20-\x7e]/.test(press.key)) return null;
  const letter = /^Key([A-Z])$/.exec(press.code ?? '')?.[1];
  return letter ? (SHORTCUTS.find((shortcut) => shortcut.display === letter)?.action ?? null) : null;
}

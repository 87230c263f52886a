/**
 * The toolbar's one Tab stop (WAI-ARIA APG toolbar pattern). The arrow keys
 * that move it travel in the late chunk (toolbar-keys.ts).
 */

export function buttonsOf(toolbar: Element): HTMLButtonElement[] {
  return Array.from(toolbar.querySelectorAll<HTMLButtonElement>('button:not([disabled])'));
}

/**
 * The button the listener last moved to in each toolbar. Only such a choice
 * keeps the tab stop: a fallback picked while Play was still disabled (before
 * the article is indexed) must hand it back to Play once Play is enabled.
 */
const chosen = new WeakMap<Element, HTMLButtonElement>();

/** Makes exactly one enabled button tabbable; call after every render. */
export function ensureOneTabStop(toolbar: Element | null): void {
  if (!toolbar) return;
  const buttons = buttonsOf(toolbar);
  const all = toolbar.querySelectorAll<HTMLButtonElement>('button');
  const picked = chosen.get(toolbar);
  const current = picked && buttons.includes(picked) ? picked : undefined;
  const keep = current ?? buttons.find((button) => button.classList.contains('primary')) ?? buttons[0];
  for (const button of all) button.tabIndex = button === keep ? 0 : -1;
}

/** The listener moved to `button`: it keeps the tab stop from now on. */
export function chooseTabStop(toolbar: Element, button: HTMLButtonElement): void {
  chosen.set(toolbar, button);
}

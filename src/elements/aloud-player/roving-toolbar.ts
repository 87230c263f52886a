/**
 * Arrow-key navigation inside the toolbar (WAI-ARIA APG toolbar pattern): one
 * Tab stop for the whole row, Left/Right/Home/End move between buttons, and
 * Left/Right follow the reading direction in right-to-left layouts.
 */

function buttonsOf(toolbar: Element): HTMLButtonElement[] {
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

export function onToolbarKeyDown(event: KeyboardEvent): void {
  const toolbar = event.currentTarget as HTMLElement;
  const buttons = buttonsOf(toolbar);
  const index = buttons.indexOf(event.target as HTMLButtonElement);
  if (index < 0) return;
  const rtl = getComputedStyle(toolbar).direction === 'rtl';
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
  let target: number;
  if (event.key === forward) target = (index + 1) % buttons.length;
  else if (event.key === backward) target = (index - 1 + buttons.length) % buttons.length;
  else if (event.key === 'Home') target = 0;
  else if (event.key === 'End') target = buttons.length - 1;
  else return;
  event.preventDefault();
  for (const button of buttons) button.tabIndex = -1;
  const next = buttons[target];
  if (next) {
    chosen.set(toolbar, next);
    next.tabIndex = 0;
    next.focus();
  }
}

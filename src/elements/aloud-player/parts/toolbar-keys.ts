/**
 * Arrow-key navigation inside the toolbar (WAI-ARIA APG toolbar pattern):
 * Left/Right/Home/End move between buttons, and Left/Right follow the reading
 * direction in right-to-left layouts. In the late chunk.
 */
import { buttonsOf, chooseTabStop } from './roving-toolbar.ts';

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
    chooseTabStop(toolbar, next);
    next.tabIndex = 0;
    next.focus();
  }
}

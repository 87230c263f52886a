/**
 * A real, trusted click on the page, once, so that it has the sticky user
 * activation a listener's first press of Play gives it. Chromium starts an
 * AudioContext (the built-in voice's output) only after one; tests call
 * play() from script, so they click first, as a listener would.
 */
import { resetMouse, sendMouse } from '@web/test-runner-commands';

export async function grantUserActivation(): Promise<void> {
  if (navigator.userActivation.hasBeenActive) return;
  const target = document.createElement('button');
  target.textContent = 'Start';
  target.style.cssText = 'position:fixed;left:0;top:0;width:60px;height:30px;z-index:2147483647';
  document.body.append(target);
  try {
    await sendMouse({ type: 'click', position: [20, 15] });
  } finally {
    await resetMouse();
    target.remove();
  }
}

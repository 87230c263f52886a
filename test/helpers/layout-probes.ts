/**
 * Layout checks run inside a puppeteer page: horizontal overflow (WCAG
 * 1.4.10 reflow), target size and clipping of the player's controls (2.5.8),
 * and whether the focused element is covered by something else (2.4.11).
 * Hit tests go through shadow roots, since the controls live in one.
 */
import type { Page } from 'puppeteer-core';

export async function pageOverflow(page: Page): Promise<{ scrollWidth: number; viewport: number }> {
  return page.evaluate(() => ({
    scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
    viewport: document.documentElement.clientWidth,
  }));
}

/**
 * Every visible control of every player: at least 24×24 CSS px (a checkbox
 * counts with its label, which is its target too), inside the viewport
 * horizontally, and the topmost element at its centre once scrolled there.
 */
export async function controlProblems(page: Page): Promise<{ checked: number; problems: string[] }> {
  return page.evaluate(() => {
    // Methods, not named arrows: tsx's keepNames helper does not exist in the page.
    const probe = {
      hit(x: number, y: number): Element | null {
        let element = document.elementFromPoint(x, y);
        while (element?.shadowRoot) {
          const inner = element.shadowRoot.elementFromPoint(x, y);
          if (!inner || inner === element) break;
          element = inner;
        }
        return element;
      },
      name(element: Element): string {
        const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
        return `${element.localName}${element.id ? `#${element.id}` : ''} "${text.slice(0, 30)}"`;
      },
    };
    const problems: string[] = [];
    let checked = 0;
    for (const player of Array.from(document.querySelectorAll('aloud-player'))) {
      const controls = Array.from(player.shadowRoot?.querySelectorAll('button, input, select') ?? []);
      for (const control of controls) {
        if (control.closest('dialog:not([open])') || control.getClientRects().length === 0) continue;
        checked += 1;
        const target =
          control instanceof HTMLInputElement && control.type === 'checkbox'
            ? (control.closest('label') ?? control)
            : control;
        target.scrollIntoView({ block: 'center', inline: 'nearest' });
        const box = target.getBoundingClientRect();
        const name = probe.name(control);
        if (box.width < 24 || box.height < 24) problems.push(`${name} is ${box.width}×${box.height}`);
        if (box.left < -0.5 || box.right > document.documentElement.clientWidth + 0.5)
          problems.push(`${name} is cut off: ${box.left}–${box.right}`);
        const hit = probe.hit(box.left + box.width / 2, box.top + box.height / 2);
        if (!hit || !(hit === target || target.contains(hit)))
          problems.push(`${name} is covered by ${hit ? probe.name(hit) : 'nothing'}`);
      }
    }
    return { checked, problems };
  });
}

/** Null when the deeply focused element is visible and on top at its centre, else what is wrong. */
export async function obscuredFocus(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    // Let transitions settle first: the skip link slides into view when focused.
    await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
    let focused: Element | null = document.activeElement;
    while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
    if (!focused || focused === document.body) return 'nothing is focused';
    const box = focused.getBoundingClientRect();
    const label = `${focused.localName}${focused.id ? `#${focused.id}` : ''} "${(focused.textContent ?? '').trim().slice(0, 30)}"`;
    if (box.width === 0 || box.height === 0) return `${label} has no size`;
    // The visible part of the element, in case it is taller or wider than the viewport.
    const left = Math.max(box.left, 0);
    const right = Math.min(box.right, document.documentElement.clientWidth);
    const top = Math.max(box.top, 0);
    const bottom = Math.min(box.bottom, window.innerHeight);
    if (right <= left || bottom <= top) return `${label} is outside the viewport (${JSON.stringify(box)})`;
    const x = (left + right) / 2;
    const y = (top + bottom) / 2;
    let hit = document.elementFromPoint(x, y);
    while (hit?.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    if (hit && (hit === focused || focused.contains(hit))) return null;
    return `${label} is covered by ${hit ? `${hit.localName}.${String(hit.className)}` : 'nothing'}`;
  });
}

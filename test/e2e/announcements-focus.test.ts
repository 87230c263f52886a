/**
 * What the player announces, and where focus goes, on the built page (run
 * `npm run build` first). A screen reader speaks a live region each time its
 * text changes, so recording those changes records the announcements.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { launchBrowser } from '../helpers/browser.ts';
import { clickInPlayer, focusedElement, openPlayerPage } from '../helpers/player-page.ts';

declare global {
  interface Window {
    __announced: string[];
  }
}

/** Records every text change of every live region in the first player, as `polite: …` or `assertive: …`. */
async function recordAnnouncements(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('aloud-player')?.shadowRoot?.querySelector('[role=status]'));
  await page.evaluate(() => {
    window.__announced = [];
    const root = document.querySelector('aloud-player')?.shadowRoot;
    for (const region of Array.from(root?.querySelectorAll('[role=status], [role=alert], [aria-live]') ?? [])) {
      const politeness = region.getAttribute('role') === 'alert' ? 'assertive' : 'polite';
      let last = region.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      new MutationObserver(() => {
        const now = region.textContent?.replace(/\s+/g, ' ').trim() ?? '';
        if (now && now !== last) window.__announced.push(`${politeness}: ${now}`);
        last = now;
      }).observe(region, { subtree: true, childList: true, characterData: true });
    }
  });
}

const announced = (page: Page) => page.evaluate(() => window.__announced);

/** Presses Tab until `match` is focused (through shadow roots); fails after `limit` presses. */
/**
 * The focused element once it matches `match`, or what was focused after 2 s:
 * the player moves focus back after its re-render, a moment after a dialog
 * or panel closes (a listener never sees the gap; a busy test machine can).
 */
async function focusSettles(page: Page, match: RegExp): Promise<string> {
  const deadline = Date.now() + 2000;
  for (;;) {
    const focused = await focusedElement(page);
    if (match.test(focused) || Date.now() > deadline) return focused;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function tabTo(page: Page, match: RegExp, limit = 20): Promise<string> {
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press('Tab');
    const focused = await focusedElement(page);
    if (match.test(focused)) return focused;
  }
  throw new Error(`Tab never reached ${String(match)}`);
}

describe('announcements and focus on the built page', { timeout: 180_000 }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('has exactly two live regions, a polite status and an assertive alert; the captions line is not live', async () => {
    const built = await openPlayerPage(browser);
    try {
      await built.page.waitForFunction(() =>
        document.querySelector('aloud-player')?.shadowRoot?.querySelector('.captions'),
      );
      const live = await built.page.evaluate(() => {
        const root = document.querySelector('aloud-player')?.shadowRoot;
        const all = [...Array.from(document.querySelectorAll('*')), ...Array.from(root?.querySelectorAll('*') ?? [])];
        // A method, not a named arrow: tsx's keepNames helper does not exist in the page.
        const live = {
          is(element: Element): boolean {
            const role = element.getAttribute('role') ?? '';
            return element.hasAttribute('aria-live') || ['status', 'alert', 'log', 'marquee', 'timer'].includes(role);
          },
        };
        const captions = root?.querySelector('.captions');
        let captionsLive = false;
        for (let node: Element | null = captions ?? null; node; node = node.parentElement)
          captionsLive ||= live.is(node);
        return {
          regions: all
            .filter((element) => live.is(element))
            .map((element) => `${element.localName}.${element.className} ${element.getAttribute('role')}`),
          captionsLive,
        };
      });
      assert.deepEqual(live.regions, ['p.status status', 'div.error alert']);
      assert.equal(live.captionsLive, false);
    } finally {
      await built.close();
    }
  });

  it('announces Playing, each speed and Paused once, and nothing per word or paragraph', async () => {
    const built = await openPlayerPage(browser, { mode: 'auto', stepMs: 12 });
    const { page } = built;
    try {
      await recordAnnouncements(page);
      await clickInPlayer(page, 'button.primary');
      await page.waitForFunction(() => window.__paragraphChanges >= 3, { timeout: 20_000 });
      await page.keyboard.press('>');
      await page.keyboard.press('>');
      await page.waitForFunction(() => window.__speech.spoken.some((utterance) => utterance.rate === 1.5));
      const changesBefore = await page.evaluate(() => window.__paragraphChanges);
      await page.waitForFunction(
        (count: number) => window.__paragraphChanges >= count + 2,
        { timeout: 20_000 },
        changesBefore,
      );
      await page.keyboard.press('k');
      await page.waitForFunction(() => document.querySelector('aloud-player')?.paused === true);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.deepEqual(await announced(page), [
        'polite: Playing',
        'polite: Speed 1.25×',
        'polite: Speed 1.5×',
        'polite: Paused',
      ]);
      assert.ok((await page.evaluate(() => window.__paragraphChanges)) >= 5, 'several paragraphs were read meanwhile');
    } finally {
      await built.close();
    }
  });

  it('shows errors in the assertive alert, once, and leaves the status line quiet', async () => {
    const built = await openPlayerPage(browser);
    const { page } = built;
    try {
      await page.evaluate(() => {
        const player = document.createElement('aloud-player');
        player.setAttribute('for', 'no-such-article');
        document.querySelector('main')?.append(player);
      });
      await page.waitForFunction(() =>
        document.querySelectorAll('aloud-player')[1]?.shadowRoot?.querySelector('[role=alert] p'),
      );
      const view = await page.evaluate(() => {
        const root = document.querySelectorAll('aloud-player')[1]?.shadowRoot;
        return {
          alert: root?.querySelector('[role=alert]')?.textContent?.trim(),
          status: root?.querySelector('[role=status]')?.textContent?.trim(),
        };
      });
      assert.deepEqual(view, { alert: "Can't find the article to read.", status: '' });
    } finally {
      await built.close();
    }
  });

  it('never moves focus on its own while reading, wherever focus is', async () => {
    const built = await openPlayerPage(browser, { mode: 'auto', stepMs: 2, viewport: { width: 1280, height: 700 } });
    const { page } = built;
    try {
      const link = await tabTo(page, /^a "Golnaz Esfandiari"/);
      await page.keyboard.press('k');
      await page.waitForFunction(() => window.__paragraphChanges >= 6, { timeout: 20_000 });
      assert.equal(await focusedElement(page), link, 'focus stayed on the byline link');
      await page.keyboard.press('k');
      await page.waitForFunction(() => document.querySelector('aloud-player')?.paused === true);

      // Focus on Play: the label turns to Pause, but focus stays on the same button throughout.
      await tabTo(page, /^aloud-player > button "Play"/);
      await page.keyboard.press('Enter');
      const stayed = await page.evaluate(async () => {
        const root = document.querySelector('aloud-player')?.shadowRoot;
        const button = root?.querySelector('button.primary');
        const start = (window as Window).__paragraphChanges;
        const samples: boolean[] = [];
        while ((window as Window).__paragraphChanges < start + 4) {
          samples.push(root?.activeElement === button);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        return samples.length > 0 && samples.every(Boolean);
      });
      assert.ok(stayed, 'focus stayed on the Play/Pause button while paragraphs went by');
    } finally {
      await built.close();
    }
  });

  it('returns focus to More after the shortcuts dialog or the settings it opened', async () => {
    const built = await openPlayerPage(browser);
    const { page } = built;
    try {
      await tabTo(page, /^aloud-player > button "Play"/);
      await tabTo(page, /^aloud-player > button#more-button "More"/, 4);
      await page.keyboard.press('Enter');
      assert.match(await focusedElement(page), /^aloud-player > button "Settings"/, 'focus moved into the menu');
      await page.keyboard.press('Tab');
      assert.match(await focusedElement(page), /button "Keyboard shortcuts"/);
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () => document.querySelector('aloud-player')?.shadowRoot?.querySelector('dialog')?.open,
      );
      assert.match(await focusedElement(page), /^aloud-player > button "Close"/, 'focus moved into the dialog');
      await page.keyboard.press('Escape');
      await page.waitForFunction(
        () => !document.querySelector('aloud-player')?.shadowRoot?.querySelector('dialog')?.open,
      );
      assert.match(await focusSettles(page, /button#more-button "More"/), /button#more-button "More"/);

      await page.keyboard.press('Enter');
      assert.match(await focusedElement(page), /button "Settings"/);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() =>
        document.querySelector('aloud-player')?.shadowRoot?.querySelector('#settings-panel'),
      );
      assert.match(await focusedElement(page), /^aloud-player > select/, 'focus moved into the settings');
      await page.keyboard.press('Escape');
      await page.waitForFunction(
        () => !document.querySelector('aloud-player')?.shadowRoot?.querySelector('#settings-panel'),
      );
      assert.match(await focusSettles(page, /button#more-button "More"/), /button#more-button "More"/);
    } finally {
      await built.close();
    }
  });
});

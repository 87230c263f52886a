/**
 * The built page (run `npm run build` first) under the exact strict CSP of
 * STRICT_CSP, in the system Chromium: zero violations while playing, with the
 * shortcuts dialog open and with the settings open; no request leaves the
 * page's own origin; nothing is stored but `aloud:` keys; and corrupt or
 * hostile values in those keys are ignored.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { DEFAULT_BASE_PATH, launchBrowser, openBuiltPage, type BuiltPage } from '../helpers/browser.ts';
import { injectFakeSpeech } from '../helpers/inject-fake-speech.ts';
import { STRICT_CSP } from '../helpers/static-server.ts';

/** The injected fake, as this file uses it (other e2e files declare their own view of it). */
interface FakeHandle {
  spoken: Array<{ text: string; rate: number; voice: { name: string } | null }>;
  start(): void;
}
type PageWindow = { __fakeSpeech: FakeHandle };

const POSITION_KEY = `aloud:position:v1:${DEFAULT_BASE_PATH}#story`;
const PREFERENCES_KEY = 'aloud:preferences:v1';

/** Opens the built page with the fake speech, optional stored values, and every request recorded. */
async function open(
  browser: Browser,
  stored: Readonly<Record<string, string>> = {},
): Promise<BuiltPage & { requests: string[] }> {
  const requests: string[] = [];
  const built = await openBuiltPage(browser, {
    beforeLoad: async (page) => {
      page.on('request', (request) => requests.push(request.url()));
      await injectFakeSpeech(page, {
        mode: 'manual',
        voices: [{ name: 'Test English', lang: 'en-US', default: true }],
      });
      await page.evaluateOnNewDocument((values: Record<string, string>) => {
        for (const [key, value] of Object.entries(values)) localStorage.setItem(key, value);
      }, stored);
    },
  });
  return Object.assign(built, { requests });
}

/** Polls a check run in the page (a real function: the CSP forbids eval, and so new Function). */
async function until(page: Page, check: () => boolean | undefined, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await page.evaluate(check))) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const startSpeech = (): void => (window as unknown as PageWindow).__fakeSpeech.start();

describe('the built page under the strict CSP', { timeout: 120_000 }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('plays, shows the dialog and the settings with zero violations, same-origin requests only, and aloud: keys only', async () => {
    const built = await open(browser);
    const { page } = built;
    try {
      const header = await page.evaluate(async () =>
        (await fetch(location.href)).headers.get('content-security-policy'),
      );
      assert.equal(header, STRICT_CSP, 'the page is served with the exact policy');

      await page.keyboard.press('k');
      await until(
        page,
        () => (window as unknown as PageWindow).__fakeSpeech.spoken.length === 1,
        'K asks the engine to speak',
      );
      await page.evaluate(startSpeech);
      await until(
        page,
        () =>
          document
            .querySelector('aloud-player')
            ?.shadowRoot?.querySelector('[role=status]')
            ?.textContent?.includes('Playing'),
        'playing',
      );
      await page.keyboard.press('?');
      await until(
        page,
        () => document.querySelector('aloud-player')?.shadowRoot?.querySelector('dialog')?.open,
        'the dialog opens',
      );
      await page.keyboard.press('Escape');
      await page.evaluate(() => {
        const root = document.querySelector('aloud-player')?.shadowRoot;
        root?.querySelector<HTMLButtonElement>('#more-button')?.click();
        root?.querySelector<HTMLButtonElement>('.more-menu .menu-item')?.click();
      });
      await until(
        page,
        () => Boolean(document.querySelector('aloud-player')?.shadowRoot?.querySelector('#settings-panel select')),
        'the settings open',
      );
      // Focus moved into the panel's voice select, where letters are typing: Escape closes it
      // and puts focus back on More, where the shortcuts work.
      await page.keyboard.press('Escape');
      await page.keyboard.press('>'); // writes a preference
      await page.keyboard.press('k');
      await until(
        page,
        () =>
          document
            .querySelector('aloud-player')
            ?.shadowRoot?.querySelector('[role=status]')
            ?.textContent?.includes('Paused'),
        'paused',
      );
      // Leaving saves the place: the second write path.
      await page.evaluate(() => {
        document.querySelector('aloud-player')?.next();
        window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
      });

      const problems = await built.problems();
      assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], failedRequests: [], cspViolations: [] });
      const origin = new URL(built.url).origin;
      const foreign = built.requests.filter((url) => new URL(url).origin !== origin);
      assert.deepEqual(foreign, [], 'no request leaves the origin');
      assert.ok(
        built.requests.some((url) => url.endsWith('/aloud.js')),
        'requests were recorded',
      );

      const stored = await page.evaluate(() => ({
        local: Object.keys(localStorage),
        session: sessionStorage.length,
        cookie: document.cookie,
      }));
      assert.deepEqual(
        stored.local.filter((key) => !key.startsWith('aloud:')),
        [],
      );
      assert.deepEqual([...stored.local].sort(), [POSITION_KEY, PREFERENCES_KEY]);
      assert.equal(stored.session, 0);
      assert.equal(stored.cookie, '');
    } finally {
      await built.close();
    }
  });

  const hostile: Array<{ name: string; preferences: string; position: string }> = [
    {
      name: 'rate 1e9, voiceId an object, paragraph -5',
      preferences: '{"rate":1e9,"voiceId":{"id":"x"},"highlight":"yes"}',
      position: '{"paragraphIndex":-5}',
    },
    {
      name: '__proto__ keys, paragraph "2"',
      preferences: '{"__proto__":{"rate":2,"polluted":true}}',
      position: '{"paragraphIndex":"2","__proto__":{"paragraphIndex":3}}',
    },
    {
      name: 'constructor.prototype, paragraph 1e12',
      preferences: '{"constructor":{"prototype":{"polluted":true}},"rate":-1}',
      position: '{"paragraphIndex":1e12}',
    },
    { name: 'not JSON, paragraph NaN-like', preferences: '{"rate":', position: '{"paragraphIndex":null}' },
  ];

  for (const { name, preferences, position } of hostile) {
    it(`ignores hostile stored values: ${name}`, async () => {
      const built = await open(browser, { [PREFERENCES_KEY]: preferences, [POSITION_KEY]: position });
      const { page } = built;
      try {
        await until(
          page,
          () => Boolean(document.querySelector('aloud-player')?.shadowRoot?.querySelector('button.primary')),
          'the player renders',
        );
        const view = await page.evaluate(() => {
          const player = document.querySelector('aloud-player');
          return {
            rate: player?.playbackRate,
            offer: Boolean(player?.shadowRoot?.querySelector('.offer')),
            paragraph: player?.currentParagraph,
            polluted:
              ({} as Record<string, unknown>)['polluted'] ?? ({} as Record<string, unknown>)['paragraphIndex'] ?? null,
          };
        });
        assert.deepEqual(view, { rate: 1, offer: false, paragraph: 0, polluted: null });
        await page.keyboard.press('k');
        await until(page, () => (window as unknown as PageWindow).__fakeSpeech.spoken.length === 1, 'K speaks');
        const spoken = await page.evaluate(() => (window as unknown as PageWindow).__fakeSpeech.spoken[0]);
        assert.equal(spoken?.rate, 1);
        assert.equal(
          spoken?.voice?.name,
          'Test English',
          'the default voice for the language, not one named by a corrupt id',
        );
        await page.evaluate(startSpeech);
        await until(page, () => Boolean(document.querySelector('[data-aloud-current]')), 'highlighting stays on');
        const problems = await built.problems();
        assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], failedRequests: [], cspViolations: [] });
      } finally {
        await built.close();
      }
    });
  }
});

/**
 * The player on the built page (run `npm run build` first), in the system
 * Chromium under the strict CSP, with a recording fake speechSynthesis.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { formatViolations, launchBrowser, openBuiltPage, runAxe, type BuiltPage } from '../helpers/browser.ts';
import { injectFakeSpeech } from '../helpers/inject-fake-speech.ts';
import { plainTypography, readSeed } from '../helpers/seed.ts';
import { estimateSpeechSeconds } from '../../src/core/playback/timing.ts';

const seed = readSeed();
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

interface FakeHandle {
  spoken: Array<{ text: string; rate: number; lang: string }>;
  start(): void;
  boundary(charIndex: number, charLength: number): void;
  end(): void;
}
declare global {
  interface Window {
    __fakeSpeech: FakeHandle;
    __events: string[];
  }
}

/** What the player shows, read through its shadow root. */
const playerView = (page: Page) =>
  page.evaluate(() => {
    const player = document.querySelector('aloud-player');
    const root = player?.shadowRoot;
    return {
      status: root?.querySelector('[role="status"]')?.textContent?.trim() ?? '',
      playLabel: root?.querySelector('button.primary')?.textContent?.trim() ?? '',
      captions: root?.querySelector('.captions')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      mark: root?.querySelector('.captions mark')?.textContent ?? '',
      dialogOpen: root?.querySelector('dialog')?.open ?? false,
      current: Array.from(
        document.querySelectorAll('[data-aloud-current]'),
        (element) => element.textContent?.trim() ?? '',
      ),
      spoken: window.__fakeSpeech.spoken.map((utterance) => utterance.text),
      rates: window.__fakeSpeech.spoken.map((utterance) => utterance.rate),
      events: window.__events,
    };
  });

async function until(
  page: Page,
  check: (view: Awaited<ReturnType<typeof playerView>>) => boolean,
  what: string,
  timeoutMs = 10_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = await playerView(page);
    if (check(view)) return view;
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting until ${what}: ${JSON.stringify(view).slice(0, 600)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function openWithFake(browser: Browser, mode: 'auto' | 'manual'): Promise<BuiltPage> {
  return openBuiltPage(browser, {
    viewport: { width: 1280, height: 900 },
    beforeLoad: async (page) => {
      await injectFakeSpeech(page, {
        mode,
        stepMs: 1,
        voices: [{ name: 'Test English', lang: 'en-US', default: true }],
      });
      await page.evaluateOnNewDocument(() => {
        window.__events = [];
        for (const type of ['play', 'pause', 'ended', 'ratechange', 'paragraphchange', 'error']) {
          document.addEventListener(type, () => window.__events.push(type), true);
        }
      });
    },
  });
}

async function expectNoAxeViolations(page: Page, state: string) {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `axe while ${state}:\n${formatViolations(violations)}`);
}

describe('the player on the built page', { timeout: 240_000 }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('reads the headline, then all 19 paragraphs in order, and fires ended', async () => {
    const built = await openWithFake(browser, 'auto');
    try {
      await built.page.evaluate(() =>
        document.querySelector('aloud-player')?.shadowRoot?.querySelector<HTMLButtonElement>('button.primary')?.click(),
      );
      // With its pauses between sentences and paragraphs, the whole article takes some 25 s even at the fake's speed.
      const view = await until(built.page, (state) => state.events.includes('ended'), 'reading ends', 90_000);
      // The engine hears the front matter's pronunciations; the words are otherwise the seed's.
      const said = (text: string) => text.replace(/RFE\/RL/g, 'R F E R L').replace(/\bShbib\b/g, 'shbeeb');
      assert.equal(
        plainTypography(squash(view.spoken.join(' '))),
        said(plainTypography(squash([seed.headline, ...seed.paragraphs].join(' ')))),
      );
      assert.ok(
        view.spoken.every((text) => estimateSpeechSeconds(text, 1) <= 10),
        'every utterance fits what Chrome speaks without cutting it off',
      );
      assert.ok(!view.spoken.some((text) => /Accessibility links|Breaking News|16x9|About the author/.test(text)));
      assert.equal(view.status, 'Finished reading');
      const problems = await built.problems();
      assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], failedRequests: [], cspViolations: [] });
    } finally {
      await built.close();
    }
  });

  it('answers K, J, L, <, > and ? page-wide, with captions and highlight following the speech', async () => {
    const built = await openWithFake(browser, 'manual');
    const { page } = built;
    try {
      await expectNoAxeViolations(page, 'idle');
      await page.keyboard.press('k');
      let view = await until(page, (state) => state.spoken.length === 1, 'K asks the engine to speak');
      assert.notEqual(view.status, 'Playing', 'not playing before the engine confirms start');
      await page.evaluate(() => window.__fakeSpeech.start());
      view = await until(page, (state) => state.status === 'Playing', 'the engine starts');
      assert.equal(view.playLabel, 'Pause');
      assert.deepEqual(view.current, [seed.headline]);

      // "'We Are Being Killed'": the word "Are" starts at 4.
      await page.evaluate(() => window.__fakeSpeech.boundary(4, 3));
      view = await until(page, (state) => state.mark === 'Are', 'the caption marks the spoken word');
      assert.ok(view.captions.includes(seed.headline));
      await expectNoAxeViolations(page, 'playing');

      await page.keyboard.press('l');
      view = await until(page, (state) => state.spoken.length === 2, 'L skips to the next paragraph');
      assert.ok(seed.paragraphs[0]?.startsWith(view.spoken[1] ?? '-'));
      assert.ok(view.current[0]?.startsWith('Some of the tens of thousands'));

      await page.keyboard.press('j');
      view = await until(page, (state) => state.spoken.length === 3, 'J goes back');
      assert.equal(view.spoken[2], seed.headline);

      await page.keyboard.press('>');
      view = await until(page, (state) => state.rates.at(-1) === 1.25, 'faster reaches the engine');
      assert.equal(view.status, 'Speed 1.25×');
      await page.keyboard.press('<');
      await until(page, (state) => state.rates.at(-1) === 1, 'slower reaches the engine');

      await page.keyboard.press('k');
      view = await until(page, (state) => state.status === 'Paused', 'K pauses');
      assert.equal(view.playLabel, 'Play');
      await expectNoAxeViolations(page, 'paused');

      await page.keyboard.press('?');
      await until(page, (state) => state.dialogOpen, '? opens the shortcuts dialog');
      await expectNoAxeViolations(page, 'the dialog is open');
      await page.keyboard.press('Escape');
      await until(page, (state) => !state.dialogOpen, 'Escape closes the dialog');
    } finally {
      await built.close();
    }
  });
});

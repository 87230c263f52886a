/**
 * dist/embed-demo.html: a page that is not Aloud's, using only the public
 * snippet, with a themed and a default player side by side. Run
 * `npm run build` first.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { formatViolations, launchBrowser, openBuiltPage, runAxe } from '../helpers/browser.ts';
import { injectFakeSpeech } from '../helpers/inject-fake-speech.ts';

interface Recorded {
  spoken: Array<{ text: string }>;
}

/** What the test puts on the page's window (not declared globally: other suites type it differently). */
interface Probe {
  __fakeSpeech: Recorded;
  __endedPlayers: string[];
}

describe('the embed demo page', { timeout: 120_000 }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('uses only the public snippet: one script tag for aloud.js, no inline script or style', async () => {
    const page = await readFile('dist/embed-demo.html', 'utf8');
    const scripts = page.match(/<script\b[^>]*>/g) ?? [];
    assert.deepEqual(
      scripts.map((tag) => tag.replace(/\s+>/, '>')),
      ['<script type="module" src="./aloud.js">'],
    );
    assert.doesNotMatch(page, /<style|\sstyle=/);
    assert.equal((page.match(/<aloud-player\b/g) ?? []).length, 2);
  });

  it('shows a themed and a default player that each read their own article, under a strict CSP', async () => {
    const built = await openBuiltPage(browser, {
      path: 'embed-demo.html',
      viewport: { width: 1280, height: 900 },
      beforeLoad: async (page) => {
        await injectFakeSpeech(page, {
          mode: 'auto',
          stepMs: 1,
          voices: [{ name: 'Test English', lang: 'en-US', default: true }],
        });
        await page.evaluateOnNewDocument(() => {
          (window as unknown as Probe).__endedPlayers = [];
          document.addEventListener('ended', (event) =>
            (window as unknown as Probe).__endedPlayers.push((event.target as HTMLElement).getAttribute('for') ?? ''),
          );
        });
      },
    });
    const { page } = built;
    try {
      await page.waitForFunction(() =>
        Array.from(document.querySelectorAll('aloud-player')).every((player) =>
          player.shadowRoot?.querySelector('#progress'),
        ),
      );
      const looks = await page.evaluate(() =>
        Array.from(document.querySelectorAll('aloud-player'), (player) => {
          const play = player.shadowRoot?.querySelector('button.primary');
          const region = player.shadowRoot?.querySelector('[part="region"]');
          return {
            play: play ? getComputedStyle(play).backgroundColor : '',
            radius: region ? getComputedStyle(region).borderTopLeftRadius : '',
            name: region?.getAttribute('aria-label'),
          };
        }),
      );
      assert.equal(looks.length, 2);
      assert.notEqual(looks[0]?.play, looks[1]?.play, 'the themed player has its own accent');
      assert.equal(looks[0]?.radius, '0px', 'and its own shape');
      assert.notEqual(looks[1]?.radius, '0px');
      assert.notEqual(looks[0]?.name, looks[1]?.name);

      const violations = await runAxe(page);
      assert.equal(violations.length, 0, formatViolations(violations));

      for (const [index, id] of ['soil', 'seeds'].entries()) {
        await page.evaluate(
          (at) =>
            document
              .querySelectorAll('aloud-player')
              [at]?.shadowRoot?.querySelector<HTMLButtonElement>('button.primary')
              ?.click(),
          index,
        );
        await page.waitForFunction(
          (player) => (window as unknown as Probe).__endedPlayers.includes(player),
          { timeout: 10_000 },
          id,
        );
      }
      const spoken = await page.evaluate(() =>
        (window as unknown as Probe).__fakeSpeech.spoken.map((utterance) => utterance.text).join(' '),
      );
      assert.match(spoken, /^Why the best compost heap/);
      assert.match(spoken, /Saving tomato seeds in five small steps/);
      assert.match(spoken, /Store them in a labelled paper envelope/);
      assert.doesNotMatch(
        spoken,
        /Themed player|Default player|Tip from the committee|Filed under|Allotment Weekly|Sections/,
      );
      const problems = await built.problems();
      assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], failedRequests: [], cspViolations: [] });
    } finally {
      await built.close();
    }
  });
});

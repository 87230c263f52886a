/**
 * The built page (run `npm run build` first), served from a sub-path under a
 * strict CSP, in the system Chromium.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { formatViolations, launchBrowser, openBuiltPage, runAxe, type BuiltPage } from '../helpers/browser.ts';
import { plainTypography, readSeed } from '../helpers/seed.ts';

const seed = readSeed();

// No named helpers inside evaluate(): tsx wraps them in a `__name` call that does not exist in the page.
const pageFacts = (page: Page) =>
  page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    headings1: Array.from(document.querySelectorAll('h1'), (element) => element.textContent ?? ''),
    paragraphs: Array.from(
      document.querySelectorAll('article p[data-aloud-paragraph]'),
      (element) => element.textContent ?? '',
    ),
    captions: Array.from(document.querySelectorAll('figcaption'), (element) => element.textContent ?? ''),
    times: Array.from(document.querySelectorAll('time'), (time) => time.getAttribute('datetime')),
  }));

interface AccessibilityNode {
  readonly role?: string;
  readonly children?: readonly AccessibilityNode[];
}

function landmarkRoles(node: AccessibilityNode | null): string[] {
  if (!node) return [];
  const own = ['banner', 'main', 'contentinfo'].includes(node.role ?? '') ? [node.role ?? ''] : [];
  return [...own, ...(node.children ?? []).flatMap(landmarkRoles)];
}

describe('the built article page', { timeout: 180_000 }, () => {
  let browser: Browser;

  before(async () => {
    assert.ok(existsSync('dist/index.html'), 'dist/index.html is missing: run `npm run build` first');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('ships no inline scripts or styles (so a strict CSP needs no exceptions)', () => {
    const html = readFileSync('dist/index.html', 'utf8');
    assert.ok(!/<script(?![^>]*\ssrc=)[^>]*>/i.test(html), 'no inline <script>');
    assert.ok(!/<style[\s>]/i.test(html), 'no <style>');
    assert.ok(!/\sstyle\s*=/i.test(html), 'no style= attributes');
    assert.ok(!/\s(src|href)="\/(?!\/)/.test(html), 'no root-absolute URLs: the build must work under any base path');
  });

  describe('with JavaScript', () => {
    let built: BuiltPage;
    before(async () => {
      built = await openBuiltPage(browser, { viewport: { width: 1280, height: 900 } });
    });
    after(async () => {
      await built?.close();
    });

    it('has one banner, one main and one contentinfo landmark', async () => {
      // Roles as Chromium computes them: the article's own <header> must not count as a banner.
      const roles = landmarkRoles(await built.page.accessibility.snapshot({ interestingOnly: false }));
      assert.equal(roles.filter((role) => role === 'banner').length, 1);
      assert.equal(roles.filter((role) => role === 'main').length, 1);
      assert.equal(roles.filter((role) => role === 'contentinfo').length, 1);
    });

    it('has the headline as its only h1, the language and a title naming the article', async () => {
      const facts = await pageFacts(built.page);
      assert.deepEqual(facts.headings1, [seed.headline]);
      assert.equal(facts.lang, 'en');
      assert.equal(facts.title, `${seed.headline} — Aloud`);
    });

    it('shows all 19 paragraphs of the seed in order, both captions and the dateline', async () => {
      const facts = await pageFacts(built.page);
      assert.deepEqual(facts.paragraphs.map(plainTypography), seed.paragraphs.map(plainTypography));
      assert.deepEqual(facts.captions, [...seed.captions]);
      assert.deepEqual(facts.times, ['2016-12-13']);
    });

    it('shows a figure without a photo as its caption alone, with no empty picture box', async () => {
      const figures = await built.page.evaluate(() =>
        Array.from(document.querySelectorAll('article figure'), (figure) => {
          const caption = figure.querySelector('figcaption');
          return {
            children: Array.from(figure.children, (child) => child.tagName.toLowerCase()),
            height: figure.getBoundingClientRect().height,
            captionHeight: caption?.getBoundingClientRect().height ?? 0,
          };
        }),
      );
      assert.equal(figures.length, 2);
      for (const figure of figures) {
        assert.deepEqual(figure.children, ['figcaption']);
        // The caption and a little padding: the old hatched 608×340 box is gone.
        assert.ok(figure.captionHeight > 0 && figure.height - figure.captionHeight <= 24, JSON.stringify(figure));
      }
    });

    it('starts keyboard navigation at the skip link, which moves focus to main', async () => {
      const { page } = built;
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => ({
        className: document.activeElement?.className,
        text: document.activeElement?.textContent,
      }));
      assert.deepEqual(first, { className: 'skip-link', text: 'Skip to article' });
      // It slides in (unless reduced motion is preferred); wait until it is fully on screen.
      await page.waitForFunction(
        () => {
          const box = document.activeElement?.getBoundingClientRect();
          return Boolean(box && box.width > 0 && box.top >= 0 && box.bottom <= window.innerHeight);
        },
        { timeout: 2000 },
      );
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main', { timeout: 5000 });
    });

    it('upgrades <aloud-article> without moving the article out of the light DOM', async () => {
      const adopted = await built.page.evaluate(async () => {
        await customElements.whenDefined('aloud-article');
        const host = document.querySelector('aloud-article');
        return {
          slots: host?.shadowRoot?.querySelectorAll('slot').length,
          shadowText: host?.shadowRoot?.textContent?.trim(),
          articleIsChild: host?.querySelector(':scope > article#story') !== null,
          paragraphs: document.querySelectorAll('aloud-article article p[data-aloud-paragraph]').length,
        };
      });
      assert.deepEqual(adopted, { slots: 1, shadowText: '', articleIsChild: true, paragraphs: 19 });
    });

    it('logs no console errors, CSP violations or failed requests', async () => {
      const problems = await built.problems();
      assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], cspViolations: [], failedRequests: [] });
    });
  });

  it('shows the headline and every paragraph with JavaScript disabled', async () => {
    const built = await openBuiltPage(browser, { javaScriptEnabled: false });
    try {
      const facts = await pageFacts(built.page);
      assert.deepEqual(facts.headings1, [seed.headline]);
      assert.deepEqual(facts.paragraphs.map(plainTypography), seed.paragraphs.map(plainTypography));
      const { failedRequests, cspViolations } = await built.problems();
      // With scripts off Chromium cancels the module preload of aloud.js; everything else must load.
      const failedOther = failedRequests.filter((request) => !/\.js: /.test(request));
      assert.deepEqual({ failedOther, cspViolations }, { failedOther: [], cspViolations: [] });
      assert.ok(await built.page.evaluate(() => document.styleSheets.length >= 1), 'the stylesheet loaded');
    } finally {
      await built.close();
    }
  });

  for (const width of [1280, 320]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`passes axe (WCAG 2.2 AA, best practices, target-size) at ${width}px in ${colorScheme}`, async () => {
        const built = await openBuiltPage(browser, { viewport: { width, height: 900 }, colorScheme });
        try {
          const violations = await runAxe(built.page);
          assert.equal(violations.length, 0, formatViolations(violations));
          const { scrollWidth, clientWidth } = await built.page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            clientWidth: document.documentElement.clientWidth,
          }));
          assert.ok(scrollWidth <= clientWidth, `no horizontal scroll: ${scrollWidth} > ${clientWidth}`);
          const problems = await built.problems();
          assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], cspViolations: [], failedRequests: [] });
        } finally {
          await built.close();
        }
      });
    }
  }

  it('is served from a sub-path, so it does not assume it lives at /', async () => {
    const built = await openBuiltPage(browser, { basePath: '/deeply/nested/base/' });
    try {
      assert.match(built.url, /\/deeply\/nested\/base\/$/);
      const stylesheets = await built.page.evaluate(() => document.styleSheets.length);
      assert.ok(stylesheets >= 1, 'the stylesheet loaded');
      assert.deepEqual((await built.problems()).failedRequests, []);
    } finally {
      await built.close();
    }
  });
});

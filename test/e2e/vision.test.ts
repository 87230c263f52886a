/**
 * Zoom and reflow, focus not obscured, forced colours, dark mode and reduced
 * motion, on the built pages (run `npm run build` first).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { formatViolations, launchBrowser, runAxe } from '../helpers/browser.ts';
import { clickInPlayer, openSettingsIn, focusedElement, openPlayerPage, startReading } from '../helpers/player-page.ts';
import { controlProblems, obscuredFocus, pageOverflow } from '../helpers/layout-probes.ts';

async function playerComplete(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.querySelector('aloud-player')?.shadowRoot?.querySelector('input[type=range]'),
  );
  // updateComplete also waits for the lazily loaded half of the player.
  await page.evaluate(async () => {
    await document.querySelector('aloud-player')?.updateComplete;
  });
}

describe('vision and motion on the built pages', { timeout: 240_000 }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  for (const path of ['', 'rtl-demo.html']) {
    it(`reflows at 320 CSS px with every control usable (${path || 'index.html'})`, async () => {
      const built = await openPlayerPage(browser, { path, viewport: { width: 320, height: 640 } });
      const { page } = built;
      try {
        await playerComplete(page);
        await openSettingsIn(page);
        await playerComplete(page);
        assert.deepEqual(await pageOverflow(page), { scrollWidth: 320, viewport: 320 }, 'no horizontal scrolling');
        const { checked, problems } = await controlProblems(page);
        assert.ok(checked >= 9, `checked ${checked} controls`);
        assert.deepEqual(problems, []);
      } finally {
        await built.close();
      }
    });
  }

  for (const width of [320, 1280]) {
    it(`never hides the focused element while reading, tabbing through the whole page at ${width} px`, async () => {
      const built = await openPlayerPage(browser, { viewport: { width, height: 640 } });
      const { page } = built;
      try {
        await playerComplete(page);
        await startReading(page, true);
        const visited: string[] = [];
        for (let press = 0; press < 40; press++) {
          await page.keyboard.press('Tab');
          const focused = await focusedElement(page);
          if (focused === 'body' || focused === visited[0]) break;
          visited.push(focused);
          assert.equal(await obscuredFocus(page), null, `at ${width} px`);
          // Reading moves on between presses: the next sentence, highlight and captions change.
          if (press % 3 === 2) {
            const spoken = await page.evaluate(() => {
              const before = window.__speech.spoken.length;
              window.__speech.end();
              return before;
            });
            await page.waitForFunction((count: number) => window.__speech.spoken.length > count, {}, spoken);
            await page.evaluate(() => window.__speech.start());
          }
        }
        // Skip link, byline link, the toolbar (one stop), the slider.
        assert.ok(visited.length >= 4, `tabbed through ${visited.join(' | ')}`);
        assert.ok(visited.some((stop) => stop.startsWith('aloud-player > button')));
        assert.ok(visited.some((stop) => stop.includes('input#progress')));
      } finally {
        await built.close();
      }
    });
  }

  it('keeps highlights, focus rings and icons visible in forced colours', async () => {
    const built = await openPlayerPage(browser, { media: [{ name: 'forced-colors', value: 'active' }] });
    const { page } = built;
    try {
      await playerComplete(page);
      await startReading(page, true);
      await page.evaluate(() => window.__speech.boundary(4, 3));
      await page.waitForFunction(() =>
        document.querySelector('aloud-player')?.shadowRoot?.querySelector('.captions mark'),
      );
      const view = await page.evaluate(() => {
        const probe = document.createElement('div');
        probe.style.setProperty('forced-color-adjust', 'none');
        probe.style.setProperty('background-color', 'Highlight');
        probe.style.setProperty('color', 'Mark');
        document.body.append(probe);
        const system = { highlight: getComputedStyle(probe).backgroundColor, mark: getComputedStyle(probe).color };
        probe.remove();
        const paragraph = document.querySelector('[data-aloud-current]');
        const style = paragraph ? getComputedStyle(paragraph) : null;
        const word = paragraph ? getComputedStyle(paragraph, '::highlight(aloud-word)') : null;
        const root = document.querySelector('aloud-player')?.shadowRoot;
        const mark = root?.querySelector('.captions mark');
        const icons = Array.from(root?.querySelectorAll('button svg path') ?? [], (path) => {
          const button = path.closest('button');
          const buttonStyle = button ? getComputedStyle(button) : null;
          return {
            fill: getComputedStyle(path).fill,
            color: buttonStyle?.color,
            background: buttonStyle?.backgroundColor,
          };
        });
        return {
          forced: matchMedia('(forced-colors: active)').matches,
          system,
          paragraph: style && {
            outline: `${style.outlineStyle} ${style.outlineWidth}`,
            edge: style.borderInlineStartWidth,
            background: style.backgroundColor,
          },
          word: word && { background: word.backgroundColor, size: CSS.highlights.get('aloud-word')?.size ?? 0 },
          mark: mark && getComputedStyle(mark).backgroundColor,
          icons,
        };
      });
      assert.equal(view.forced, true);
      assert.deepEqual(view.paragraph, { outline: 'solid 2px', edge: '4px', background: view.system.mark });
      assert.deepEqual(view.word, { background: view.system.highlight, size: 1 });
      assert.equal(view.mark, view.system.highlight);
      assert.ok(view.icons.length >= 4);
      for (const icon of view.icons) {
        assert.equal(icon.fill, icon.color, 'icons draw in the button text colour (currentColor)');
        assert.notEqual(icon.fill, icon.background, 'and stand out from the button');
      }
      for (const stop of [/button "Pause"/, /input#progress/]) {
        for (let press = 0; press < 10 && !stop.test(await focusedElement(page)); press++)
          await page.keyboard.press('Tab');
        const ring = await page.evaluate(() => {
          let active = document.activeElement;
          while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
          const style = active ? getComputedStyle(active) : null;
          return style ? { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) } : null;
        });
        assert.ok(
          ring && ring.style !== 'none' && ring.width >= 2,
          `focus ring on ${String(stop)}: ${JSON.stringify(ring)}`,
        );
      }
    } finally {
      await built.close();
    }
  });

  for (const path of ['', 'rtl-demo.html']) {
    it(`passes axe colour contrast in dark mode with the highlight showing (${path || 'index.html'})`, async () => {
      const built = await openPlayerPage(browser, { path, media: [{ name: 'prefers-color-scheme', value: 'dark' }] });
      const { page } = built;
      try {
        await playerComplete(page);
        await startReading(page, true);
        await page.evaluate(() => window.__speech.boundary(0, 3));
        const violations = await runAxe(page);
        assert.equal(violations.length, 0, formatViolations(violations));
        // axe cannot see ::highlight(): check the word's colours ourselves (WCAG 1.4.3, 4.5:1).
        const ratio = await page.evaluate(() => {
          const paragraph = document.querySelector('[data-aloud-current]');
          if (!paragraph) return 0;
          const word = getComputedStyle(paragraph, '::highlight(aloud-word)');
          // Methods, not named arrows: tsx's keepNames helper does not exist in the page.
          const contrast = {
            luminance(color: string): number {
              const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((value) => {
                const c = Number(value) / 255;
                return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
              });
              return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            },
          };
          const [light, dark] = [contrast.luminance(word.color), contrast.luminance(word.backgroundColor)].sort(
            (a, b) => b - a,
          );
          return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
        });
        assert.ok(ratio >= 4.5, `word highlight contrast ${ratio.toFixed(2)}:1`);
      } finally {
        await built.close();
      }
    });
  }

  for (const reduce of [true, false]) {
    it(`${reduce ? 'uses no smooth scrolling, animation or transition' : 'scrolls smoothly'} when reduced motion is ${reduce ? '' : 'not '}asked for`, async () => {
      const built = await openPlayerPage(browser, {
        mode: 'auto',
        viewport: { width: 1280, height: 500 },
        media: [{ name: 'prefers-reduced-motion', value: reduce ? 'reduce' : 'no-preference' }],
        beforeLoad: async (page) => {
          await page.evaluateOnNewDocument(() => {
            const calls: string[] = [];
            Object.assign(window, { __scrolls: calls });
            const original = Element.prototype.scrollIntoView;
            Element.prototype.scrollIntoView = function (this: Element, options?: boolean | ScrollIntoViewOptions) {
              calls.push(typeof options === 'object' ? (options.behavior ?? 'auto') : 'auto');
              original.call(this, options);
            };
          });
        },
      });
      const { page } = built;
      try {
        await playerComplete(page);
        await clickInPlayer(page, 'button.primary');
        await page.waitForFunction(() => window.__paragraphChanges >= 12, { timeout: 20_000 });
        const motion = await page.evaluate(() => {
          const root = document.querySelector('aloud-player')?.shadowRoot;
          const elements = [
            ...Array.from(document.querySelectorAll('*')),
            ...Array.from(root?.querySelectorAll('*') ?? []),
          ];
          const moving = elements.filter((element) => {
            const style = getComputedStyle(element);
            const durations = `${style.transitionDuration},${style.animationDuration}`
              .split(',')
              .map((value) => Number.parseFloat(value));
            return style.animationName !== 'none' || durations.some((value) => value > 0);
          });
          return {
            scrolls: (window as unknown as { __scrolls: string[] }).__scrolls,
            scrollBehavior: getComputedStyle(document.documentElement).scrollBehavior,
            animations: document.getAnimations().length + (root?.getAnimations().length ?? 0),
            moving: moving.map(
              (element) => element.localName + (element.className ? `.${String(element.className)}` : ''),
            ),
          };
        });
        assert.ok(motion.scrolls.length >= 2, `follow-along scrolled: ${motion.scrolls.join(', ')}`);
        if (reduce) {
          assert.deepEqual([...new Set(motion.scrolls)], ['auto']);
          assert.equal(motion.scrollBehavior, 'auto');
          assert.equal(motion.animations, 0);
          assert.deepEqual(motion.moving, []);
        } else {
          assert.ok(motion.scrolls.includes('smooth'));
        }
      } finally {
        await built.close();
      }
    });
  }
});

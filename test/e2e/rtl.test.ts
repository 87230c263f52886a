/**
 * Right to left and localisation on the built pages (run `npm run build`
 * first): the Arabic demo gets an Arabic, mirrored player that speaks Arabic
 * with an Arabic voice; a Persian article on the same page gets a Persian
 * player beside it (each player has its own language); `ui-lang` overrides.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { launchBrowser } from '../helpers/browser.ts';
import { clickInPlayer, focusedElement, openPlayerPage, textInPlayer } from '../helpers/player-page.ts';

const ARABIC_HEADLINE = 'حين تُصغي إلى الصفحة: القراءة بصوتٍ عالٍ تفتح الويب لمزيد من القرّاء';
const PERSIAN_HEADLINE = 'گوش دادن به خبرها';

/** What a player shows and how it is laid out, read through its shadow root. */
function playerView(page: Page, index: number) {
  return page.evaluate((which) => {
    const root = document.querySelectorAll('aloud-player')[which]?.shadowRoot;
    const section = root?.querySelector('section');
    const buttons = Array.from(root?.querySelectorAll<HTMLElement>('[role=toolbar] button') ?? []);
    const [, previous, next] = buttons.map((button) => button.getBoundingClientRect().left);
    const icon = root?.querySelector('[role=toolbar] button svg.directional');
    return {
      region: section?.getAttribute('aria-label') ?? '',
      lang: section?.lang ?? '',
      direction: section ? getComputedStyle(section).direction : '',
      play: root?.querySelector('button.primary')?.textContent?.trim() ?? '',
      slider: root?.querySelector('input[type=range]')?.getAttribute('aria-valuetext') ?? '',
      sliderDirection: getComputedStyle(root?.querySelector('input[type=range]') ?? document.body).direction,
      previousRightOfNext: previous !== undefined && next !== undefined && previous > next,
      iconMirrored: icon ? getComputedStyle(icon).transform === 'matrix(-1, 0, 0, 1, 0, 0)' : false,
    };
  }, index);
}

async function untilLocalised(page: Page, index: number, lang: string): Promise<void> {
  await page.waitForFunction(
    (which, wanted) =>
      document
        .querySelectorAll('aloud-player')
        [which]?.shadowRoot?.querySelector(`section[lang^="${wanted}"] input[type=range]`),
    {},
    index,
    lang,
  );
}

/** A Persian article and its player, added to the Arabic demo page after load. */
async function addPersianArticle(page: Page, uiLang?: string): Promise<void> {
  await page.evaluate(
    (headline, override) => {
      const article = document.createElement('article');
      article.id = 'fa-story';
      article.lang = 'fa';
      article.innerHTML = `<h2>${headline}</h2><p>بسیاری از مردم خبرها را در راه خانه می‌شنوند.</p><p>این پخش‌کننده متن را بند به بند می‌خواند.</p>`;
      const player = document.createElement('aloud-player');
      player.setAttribute('for', 'fa-story');
      if (override) player.setAttribute('ui-lang', override);
      document.querySelector('main')?.append(article, player);
    },
    PERSIAN_HEADLINE,
    uiLang ?? '',
  );
}

describe('right to left: Arabic and Persian players on the built demo', { timeout: 180_000 }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('gives the Arabic page an Arabic, mirrored player that speaks Arabic with an Arabic voice', async () => {
    const built = await openPlayerPage(browser, { path: 'rtl-demo.html', mode: 'auto' });
    const { page } = built;
    try {
      await untilLocalised(page, 0, 'ar');
      const digits = await page.evaluate(() => [1, 6].map((value) => new Intl.NumberFormat('ar').format(value)));
      assert.deepEqual(await playerView(page, 0), {
        region: `استمع: ${ARABIC_HEADLINE}`,
        lang: 'ar',
        direction: 'rtl',
        play: 'تشغيل',
        slider: `الفقرة ${digits[0]} من ${digits[1]}: ${ARABIC_HEADLINE.split(' ').slice(0, 8).join(' ')}…`,
        sliderDirection: 'rtl',
        previousRightOfNext: true,
        iconMirrored: true,
      });
      await clickInPlayer(page, 'button.primary');
      await page.waitForFunction(
        () =>
          document.querySelector('aloud-player')?.shadowRoot?.querySelector('[role=status]')?.textContent ===
          'انتهت القراءة',
        { timeout: 20_000 },
      );
      const spoken = await page.evaluate(() =>
        window.__speech.spoken.map((utterance) => `${utterance.lang}/${utterance.voice?.name ?? '-'}`),
      );
      assert.ok(spoken.length >= 6);
      assert.deepEqual([...new Set(spoken)], ['ar/Test Arabic']);
      assert.deepEqual(await built.problems(), {
        consoleErrors: [],
        pageErrors: [],
        failedRequests: [],
        cspViolations: [],
      });
    } finally {
      await built.close();
    }
  });

  it('moves through the toolbar along the reading direction, and K works on an Arabic keyboard layout', async () => {
    const built = await openPlayerPage(browser, { path: 'rtl-demo.html' });
    const { page } = built;
    try {
      await untilLocalised(page, 0, 'ar');
      await page.evaluate(async () => {
        await document.querySelector('aloud-player')?.updateComplete;
      });
      for (let press = 0; press < 6 && !(await focusedElement(page)).includes('تشغيل'); press++)
        await page.keyboard.press('Tab');
      assert.match(await focusedElement(page), /button "تشغيل"/);
      // In right-to-left text the next button is to the left.
      await page.keyboard.press('ArrowLeft');
      assert.match(await focusedElement(page), /button "الفقرة السابقة"/);
      await page.keyboard.press('ArrowLeft');
      assert.match(await focusedElement(page), /button "الفقرة التالية"/);
      await page.keyboard.press('ArrowRight');
      assert.match(await focusedElement(page), /button "الفقرة السابقة"/);

      // The K key on an Arabic layout types ن; the shortcut follows the key, not the letter.
      const cdp = await page.createCDPSession();
      for (const type of ['keyDown', 'keyUp'] as const) {
        await cdp.send('Input.dispatchKeyEvent', {
          type,
          key: 'ن',
          code: 'KeyK',
          text: type === 'keyDown' ? 'ن' : '',
          windowsVirtualKeyCode: 75,
        });
      }
      await page.waitForFunction(() => window.__speech.spoken.length === 1);
    } finally {
      await built.close();
    }
  });

  it('gives a Persian article on the same page its own Persian player, speaking Persian', async () => {
    const built = await openPlayerPage(browser, { path: 'rtl-demo.html', mode: 'auto' });
    const { page } = built;
    try {
      await untilLocalised(page, 0, 'ar');
      await addPersianArticle(page);
      await untilLocalised(page, 1, 'fa');
      const persian = await playerView(page, 1);
      const digits = await page.evaluate(() => [1, 3].map((value) => new Intl.NumberFormat('fa').format(value)));
      assert.equal(persian.region, `بشنوید: ${PERSIAN_HEADLINE}`);
      assert.equal(persian.play, 'پخش');
      assert.equal(persian.direction, 'rtl');
      assert.equal(persian.slider, `بند ${digits[0]} از ${digits[1]}: ${PERSIAN_HEADLINE}`);
      assert.equal(
        await textInPlayer(page, 'select[part="speed"] option:checked', 1),
        `${digits[0]}×`,
        'the speed in Persian digits',
      );
      // The Arabic player beside it is unchanged.
      assert.equal((await playerView(page, 0)).play, 'تشغيل');

      await clickInPlayer(page, 'button.primary', 1);
      await page.waitForFunction(
        () =>
          document.querySelectorAll('aloud-player')[1]?.shadowRoot?.querySelector('[role=status]')?.textContent ===
          'خواندن به پایان رسید',
        { timeout: 20_000 },
      );
      const spoken = await page.evaluate(() =>
        window.__speech.spoken.map((utterance) => `${utterance.lang}/${utterance.voice?.name ?? '-'}`),
      );
      assert.deepEqual([...new Set(spoken)], ['fa/Test Persian']);
    } finally {
      await built.close();
    }
  });

  it('lets ui-lang override the article language: an English, left-to-right player for an Arabic article', async () => {
    const built = await openPlayerPage(browser, { path: 'rtl-demo.html' });
    const { page } = built;
    try {
      await untilLocalised(page, 0, 'ar');
      await page.evaluate(() => document.querySelector('aloud-player')?.setAttribute('ui-lang', 'en'));
      await untilLocalised(page, 0, 'en');
      const view = await playerView(page, 0);
      assert.equal(view.region, `Listen: ${ARABIC_HEADLINE}`);
      assert.equal(view.play, 'Play');
      assert.equal(view.direction, 'ltr');
      assert.equal(view.iconMirrored, false);
      assert.equal(view.previousRightOfNext, false);
    } finally {
      await built.close();
    }
  });
});

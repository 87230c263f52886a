/**
 * What a screen reader says on the built pages (run `npm run build` first):
 * the virtual screen reader walks the page by landmarks, by headings and
 * line by line, over a light-DOM copy of the composed tree (it cannot enter
 * the player's shadow root itself). The phrase logs are asserted, not just
 * found non-empty.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { launchBrowser } from '../helpers/browser.ts';
import { clickInPlayer, openSettingsIn, openPlayerPage } from '../helpers/player-page.ts';
import { flattenComposedTree, inOrder, startScreenReader, walk } from '../helpers/screen-reader.ts';
import { plainTypography, readSeed } from '../helpers/seed.ts';

const seed = readSeed();
const ARABIC_HEADLINE = 'حين تُصغي إلى الصفحة: القراءة بصوتٍ عالٍ تفتح الويب لمزيد من القرّاء';

async function playerReady(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.querySelector('aloud-player')?.shadowRoot?.querySelector('input[type=range]'),
  );
}

/** Flattens the page and walks it with `command`, returning the phrase log. */
async function read(page: Page, command: string): Promise<string[]> {
  await flattenComposedTree(page);
  await startScreenReader(page);
  return walk(page, command);
}

function assertInOrder(log: readonly string[], expected: readonly (string | RegExp)[]): void {
  const problem = inOrder(log, expected);
  assert.equal(problem, null, problem ?? '');
}

describe('the built pages through a virtual screen reader', { timeout: 180_000 }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('lists the landmarks in order: banner, main, the player region, figures, the author box, contentinfo', async () => {
    const built = await openPlayerPage(browser);
    try {
      await playerReady(built.page);
      const log = await read(built.page, 'moveToNextLandmark');
      assert.deepEqual(log, [
        'banner',
        'main',
        `region, Listen: ${seed.headline}`,
        'figure',
        'figure',
        'region, About the author',
        'contentinfo',
      ]);
    } finally {
      await built.close();
    }
  });

  it('has one level-1 heading, the headline, and the player adds none', async () => {
    const built = await openPlayerPage(browser);
    try {
      await playerReady(built.page);
      const log = await read(built.page, 'moveToNextHeading');
      assert.deepEqual(log, [`heading, ${seed.headline}, level 1`, 'heading, About the author, level 2']);
    } finally {
      await built.close();
    }
  });

  it('reads line by line in a sensible order, naming every control with its role and state', async () => {
    const built = await openPlayerPage(browser);
    try {
      await playerReady(built.page);
      // Body paragraphs are set with typographic quotes and dashes; the seed has the keyboard's.
      const log = (await read(built.page, 'next')).map(plainTypography);
      assertInOrder(log, [
        'link, Skip to article',
        'banner',
        'end of banner',
        'main',
        `heading, ${seed.headline}, level 1`,
        `region, Listen: ${seed.headline}`,
        'toolbar, Player controls, orientated horizontally',
        'button, Play, key shortcuts K',
        'button, Previous paragraph, key shortcuts J',
        'button, Next paragraph, key shortcuts L',
        'end of toolbar',
        /^slider, Paragraph, orientated horizontally, max value 20, min value 1, current value Paragraph 1 of 20: 'We Are Being Killed': Desperate Calls/,
        /^Remaining \d+:\d\d$/,
        'combobox, Speed, 1, has popup listbox, not expanded, key shortcuts < >',
        'button, More, 1 control, not expanded',
        'status',
        'alert',
        `end of region, Listen: ${seed.headline}`,
        'figure',
        'caption',
        'A man carries a child with an IV drip',
        'end of figure',
        plainTypography(seed.paragraphs[0] ?? '-'),
        'figure',
        'caption',
        'Syrian residents fleeing violence',
        'end of figure',
        plainTypography(seed.paragraphs.at(-1) ?? '-'),
        'region, About the author',
        'contentinfo',
        'end of contentinfo',
        'end of document',
      ]);
      // Every control is named: no bare role, and no nameless button or slider.
      const controls = log.filter((phrase) => /^(button|slider|checkbox|combobox|link)\b/.test(phrase));
      assert.ok(controls.length >= 8, `${controls.length} controls`);
      for (const phrase of controls) assert.match(phrase, /^\w+, \S/, `unnamed control: ${phrase}`);
      // The closed shortcuts dialog is not read.
      assert.ok(!log.some((phrase) => phrase.includes('Play or pause')));
    } finally {
      await built.close();
    }
  });

  it('reports state while reading: Pause, the current paragraph, an expanded settings group', async () => {
    const built = await openPlayerPage(browser);
    const { page } = built;
    try {
      await playerReady(page);
      await clickInPlayer(page, 'button.primary');
      await page.waitForFunction(() => window.__speech.spoken.length === 1);
      await page.evaluate(() => window.__speech.start());
      await page.keyboard.press('l');
      await page.waitForFunction(() => window.__speech.spoken.length === 2);
      await page.evaluate(() => window.__speech.start());
      await openSettingsIn(page);
      await page.waitForFunction(() =>
        document.querySelector('aloud-player')?.shadowRoot?.querySelector('#settings-panel'),
      );
      const log = await read(page, 'next');
      assertInOrder(log, [
        'button, Pause, key shortcuts K',
        /^slider, Paragraph, .*current value Paragraph 2 of 20: Some of the tens of thousands of citizens…$/,
        'Now reading',
        'status',
        'Playing',
        'end of status',
        'alert',
        'group, Settings',
        'combobox, Voice',
        'option, Default voice, selected',
        'checkbox, Read image captions, not checked',
        'checkbox, Highlight the words being read, checked',
        'checkbox, Scroll to follow the reading, checked',
        'checkbox, Keyboard shortcuts work anywhere on the page, checked',
      ]);
    } finally {
      await built.close();
    }
  });

  it('reads the right-to-left demo with Arabic names for the region and every control', async () => {
    const built = await openPlayerPage(browser, { path: 'rtl-demo.html' });
    const { page } = built;
    try {
      await playerReady(page);
      await page.waitForFunction(() =>
        document.querySelector('aloud-player')?.shadowRoot?.querySelector('section[lang^="ar"]'),
      );
      const { one, six } = await page.evaluate(() => ({
        one: new Intl.NumberFormat('ar').format(1),
        six: new Intl.NumberFormat('ar').format(6),
      }));
      const landmarks = await read(page, 'moveToNextLandmark');
      assert.deepEqual(landmarks, ['banner', 'main', `region, استمع: ${ARABIC_HEADLINE}`, 'figure', 'contentinfo']);
      await startScreenReader(page);
      const log = await walk(page, 'next');
      assertInOrder(log, [
        'link, انتقل إلى المقال',
        `heading, ${ARABIC_HEADLINE}, level 1`,
        `region, استمع: ${ARABIC_HEADLINE}`,
        'toolbar, عناصر التحكم في المشغّل',
        'button, تشغيل, key shortcuts K',
        'button, الفقرة السابقة, key shortcuts J',
        'button, الفقرة التالية, key shortcuts L',
        `current value الفقرة ${one} من ${six}: ${ARABIC_HEADLINE.split(' ').slice(0, 8).join(' ')}…`,
        'combobox, السرعة',
        'button, المزيد, 1 control, not expanded',
        'figure',
        'caption',
        'contentinfo',
        'end of document',
      ]);
    } finally {
      await built.close();
    }
  });
});

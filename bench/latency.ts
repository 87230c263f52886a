/**
 * Latency in the browser with a recording fake speechSynthesis: a key press
 * (K, L) or a click on Play to the `speechSynthesis.speak()` call, and the
 * cost of indexing and highlighting, on the seed and on a generated
 * 10,000-paragraph article. Medians and p95; nothing here is a test.
 */
import type { Browser, Page } from 'puppeteer-core';
import { openBuiltPage } from '../test/helpers/browser.ts';
import { injectFakeSpeech } from '../test/helpers/inject-fake-speech.ts';
import { summarise, type Summary } from './stats.ts';

interface PageTimes {
  keys: number[];
  clicks: number[];
  speaks: number[];
}
/** The page's globals, typed here only: tests declare their own view of the fake. */
type BenchWindow = {
  __times: PageTimes;
  __fakeSpeech: { start(): void; boundary(index: number, length: number): void; spoken: Array<{ at: number }> };
};

async function recordInputTimes(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(() => {
    (window as unknown as BenchWindow).__times = { keys: [], clicks: [], speaks: [] };
    // Capture on window runs before the player's own listeners: the event's timestamp is the start.
    window.addEventListener(
      'keydown',
      (event) => (window as unknown as BenchWindow).__times.keys.push(event.timeStamp),
      { capture: true },
    );
    window.addEventListener(
      'click',
      (event) => (window as unknown as BenchWindow).__times.clicks.push(event.timeStamp),
      { capture: true },
    );
  });
}

const spokenCount = (page: Page) => page.evaluate(() => (window as unknown as BenchWindow).__fakeSpeech.spoken.length);

async function untilSpoken(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (expected: number) => (window as unknown as BenchWindow).__fakeSpeech.spoken.length >= expected,
    { timeout: 5000 },
    count,
  );
}

/** Latency of the last input of `kind` to the last speak() call. */
const lastLatency = (page: Page, kind: 'keys' | 'clicks') =>
  page.evaluate((which: 'keys' | 'clicks') => {
    const input = (window as unknown as BenchWindow).__times[which].at(-1) ?? Number.NaN;
    const speak = (window as unknown as BenchWindow).__fakeSpeech.spoken.at(-1)?.at ?? Number.NaN;
    return speak - input;
  }, kind);

/** K alternates play (speaks) and pause (cancels before start): every other press speaks. */
async function keyToSpeak(page: Page, key: 'k', presses: number): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < presses; index += 1) {
    const before = await spokenCount(page);
    await page.keyboard.press(key);
    await untilSpoken(page, before + 1);
    samples.push(await lastLatency(page, 'keys'));
    await page.keyboard.press(key);
  }
  return samples;
}

/** While playing, L and J each cancel and speak; alternating keeps us off the article's ends. */
async function skipToSpeak(page: Page, presses: number): Promise<number[]> {
  const samples: number[] = [];
  await page.keyboard.press('k');
  await page.evaluate(() => (window as unknown as BenchWindow).__fakeSpeech.start());
  for (let index = 0; index < presses * 2; index += 1) {
    const before = await spokenCount(page);
    await page.keyboard.press(index % 2 === 0 ? 'l' : 'j');
    await untilSpoken(page, before + 1);
    if (index % 2 === 0) samples.push(await lastLatency(page, 'keys'));
    await page.evaluate(() => (window as unknown as BenchWindow).__fakeSpeech.start());
  }
  await page.keyboard.press('k');
  // Moving while paused drops the natively paused utterance, so the next Play speaks afresh.
  await page.keyboard.press('l');
  return samples;
}

async function clickToSpeak(page: Page, clicks: number): Promise<number[]> {
  const samples: number[] = [];
  const button = await page.waitForSelector('aloud-player >>> button.primary');
  if (!button) throw new Error('no Play button');
  for (let index = 0; index < clicks; index += 1) {
    const before = await spokenCount(page);
    await button.click();
    await untilSpoken(page, before + 1);
    samples.push(await lastLatency(page, 'clicks'));
    await button.click();
  }
  return samples;
}

export interface IndexCost {
  /** Upgrade until indexed and rendered: ready to play. */
  readonly player: Summary;
  readonly baseline: Summary;
  readonly ratio: number;
}

/** Upgrade and index a second player on the same article, against a plain walk of the same DOM. */
async function indexCost(page: Page, runs: number): Promise<IndexCost> {
  const player: number[] = [];
  const baseline: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const [withPlayer, plain] = await page.evaluate(async () => {
      const article = document.getElementById('story') as HTMLElement;
      // Repeated, because one walk of a short article is below the timer's resolution.
      const repeats = 50;
      const t0 = performance.now();
      let characters = 0;
      for (let repeat = 0; repeat < repeats; repeat += 1) {
        for (const element of article.querySelectorAll('h1, h2, h3, p, li, blockquote'))
          characters += element.textContent?.length ?? 0;
      }
      const plainMs = (performance.now() - t0) / repeats;
      const element = document.createElement('aloud-player') as HTMLElement & {
        paragraphCount: number;
        updateComplete: Promise<boolean>;
      };
      element.setAttribute('for', 'story');
      const t1 = performance.now();
      document.querySelector('main')?.append(element);
      while (element.paragraphCount === 0) await element.updateComplete;
      await element.updateComplete;
      const playerMs = performance.now() - t1;
      element.remove();
      return [playerMs, characters > 0 ? plainMs : Number.NaN];
    });
    player.push(withPlayer ?? Number.NaN);
    baseline.push(plain ?? Number.NaN);
  }
  const p = summarise(player);
  const b = summarise(baseline);
  return { player: p, baseline: b, ratio: p.median / b.median };
}

/** Cost of one word boundary: state transition, highlight range and the captions re-render. */
async function boundaryCost(page: Page, events: number): Promise<number> {
  await page.keyboard.press('k');
  await page.evaluate(() => (window as unknown as BenchWindow).__fakeSpeech.start());
  const perEvent = await page.evaluate(async (count: number) => {
    const player = document.querySelector('aloud-player') as HTMLElement & { updateComplete: Promise<boolean> };
    const t0 = performance.now();
    for (let index = 0; index < count; index += 1) {
      (window as unknown as BenchWindow).__fakeSpeech.boundary(index % 20, 4);
      await player.updateComplete;
    }
    return (performance.now() - t0) / count;
  }, events);
  await page.keyboard.press('k');
  return perEvent;
}

export interface LatencyResult {
  readonly keyK: Summary;
  readonly keyL: Summary;
  readonly clickPlay: Summary;
  readonly index: IndexCost;
  readonly boundaryMs: number;
}

export async function measureLatency(
  browser: Browser,
  options: { root?: string; path?: string; presses: number },
): Promise<LatencyResult> {
  const built = await openBuiltPage(browser, {
    ...(options.root ? { root: options.root } : {}),
    ...(options.path ? { path: options.path } : {}),
    viewport: { width: 1280, height: 900 },
    beforeLoad: async (page) => {
      // A voice, so the fallback engine keeps to (fake) Web Speech instead of loading the built-in one.
      await injectFakeSpeech(page, {
        mode: 'manual',
        voices: [{ name: 'Bench English', lang: 'en-US', default: true }],
      });
      await recordInputTimes(page);
    },
  });
  try {
    const { page } = built;
    await page.waitForFunction(
      () => ((document.querySelector('aloud-player') as { paragraphCount?: number } | null)?.paragraphCount ?? 0) > 0,
    );
    // The shortcuts live in the lazy chunk with the reading: wait for it (its slider shows it arrived).
    await page.waitForSelector('aloud-player >>> input[type="range"]');
    await page.focus('body');
    const keyK = summarise(await keyToSpeak(page, 'k', options.presses));
    const keyL = summarise(await skipToSpeak(page, options.presses));
    const clickPlay = summarise(await clickToSpeak(page, options.presses));
    const boundaryMs = await boundaryCost(page, 200);
    const index = await indexCost(page, 7);
    return { keyK, keyL, clickPlay, index, boundaryMs };
  } finally {
    await built.close();
  }
}

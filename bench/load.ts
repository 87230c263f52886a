/**
 * Load benchmark: the built player on a generated 10,000-paragraph
 * article, with a recording fake speechSynthesis that speaks instantly.
 * Medians and p95 of in-page timings, plus the heap, listeners and DOM after
 * reading the whole article three times. Numbers only: nothing here passes or
 * fails (the tests assert the O(1) structure instead, see
 * test/browser/aloud-player.load.test.ts).
 *
 *   npm run build && node --import tsx bench/load.ts     # prints JSON
 *   BENCH_PARAGRAPHS=2000 BENCH_SAMPLES=20 …              # smaller, faster
 *
 * `measureLoad()` is exported for bench/run.ts. latency.ts measures input
 * events (trusted key presses, clicks) to speak(); this measures the player's
 * own work from the call, and what a long listen leaves behind.
 */
import { pathToFileURL } from 'node:url';
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import type { AloudPlayer } from '../src/elements/aloud-player/aloud-player.ts';
import { launchBrowser, openBuiltPage } from '../test/helpers/browser.ts';
import type { FakeSpeechSynthesis } from '../test/helpers/fake-speech.ts';
import { injectFakeSpeech } from '../test/helpers/inject-fake-speech.ts';
import { PAUSE_MS } from '../src/core/playback/pauses.ts';
import { generatedSite } from './generated-article.ts';
import { round, summarise, type Summary } from './stats.ts';

/** The page's fake, typed here only (test files declare their own views of `window`). */
type BenchWindow = { __fakeSpeech: FakeSpeechSynthesis };

export interface Leftovers {
  readonly heapMB: number;
  readonly listeners: number;
  readonly nodes: number;
  /** Registered custom highlights, and ranges in ours (bounded: 1 and ≤ 1). */
  readonly highlights: number;
  readonly highlightRanges: number;
  readonly currentMarked: number;
}

export interface LoadResult {
  readonly paragraphs: number;
  /** Navigation to the player having indexed the article. */
  readonly readyMs: number;
  /** Play button click() to speechSynthesis.speak(), from paused at a random paragraph. */
  readonly playToSpeak: Summary;
  /** next() while playing to speak(), and to the player's re-render done. */
  readonly nextToSpeak: Summary;
  readonly nextToRendered: Summary;
  /** One word boundary to the word highlight set, and to the captions re-rendered. */
  readonly boundaryToHighlight: Summary;
  readonly boundaryToRendered: Summary;
  /** DOM mutations in the article per paragraph change (2 = one attribute off, one on). */
  readonly articleMutationsPerNext: Summary;
  readonly articleMutationsPerBoundary: Summary;
  /** Wall time of each full read (start+end per utterance, instantly). */
  readonly fullReadMs: readonly number[];
  readonly utterancesPerRead: number;
  readonly loaded: Leftovers;
  readonly afterRead: readonly Leftovers[];
}

async function leftovers(page: Page, cdp: CDPSession): Promise<Leftovers> {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const metrics = await page.metrics();
  const dom = await page.evaluate(() => {
    const ours = CSS.highlights.get('aloud-word');
    return {
      highlights: CSS.highlights.size,
      highlightRanges: ours?.size ?? 0,
      currentMarked: document.querySelectorAll('[data-aloud-current]').length,
    };
  });
  return {
    heapMB: round(heap.usedSize / 1e6, 2),
    listeners: metrics.JSEventListeners ?? -1,
    nodes: metrics.Nodes ?? -1,
    ...dom,
  };
}

/** Everything timed runs inside the page, so no DevTools round trip is measured. */
async function timings(page: Page, samples: number) {
  return page.evaluate(async (count: number) => {
    const player = document.querySelector('aloud-player') as AloudPlayer;
    const fake = (window as unknown as BenchWindow).__fakeSpeech;
    const article = document.getElementById('story') as HTMLElement;
    const button = player.shadowRoot?.querySelector<HTMLButtonElement>('button.primary');
    if (!button) throw new Error('no Play button');
    const total = player.paragraphCount;
    const play: number[] = [];
    const next: number[] = [];
    const nextRendered: number[] = [];
    const boundary: number[] = [];
    const boundaryRendered: number[] = [];
    const mutationsPerNext: number[] = [];
    const mutationsPerBoundary: number[] = [];
    // No named helpers in here: tsx would wrap them in a `__name()` the page does not have.
    let mutations = 0;
    const observer = new MutationObserver((records) => {
      mutations += records.length;
    });
    const watched = { subtree: true, attributes: true, childList: true, characterData: true };

    for (let index = 0; index < count; index += 1) {
      // Seeking while paused drops the paused utterance, so Play speaks afresh.
      player.currentParagraph = 1 + ((index * 7919) % (total - 2));
      await player.updateComplete;
      let t0 = performance.now();
      button.click();
      play.push((fake.spoken.at(-1)?.at ?? Number.NaN) - t0);
      fake.start();
      await player.updateComplete;

      observer.observe(article, watched);
      mutations = 0;
      t0 = performance.now();
      player.next();
      next.push((fake.spoken.at(-1)?.at ?? Number.NaN) - t0);
      fake.start();
      await player.updateComplete;
      nextRendered.push(performance.now() - t0);
      mutationsPerNext.push(mutations + observer.takeRecords().length);
      mutations = 0;

      const text = fake.spoken.at(-1)?.text ?? '';
      const word = /\S+/g.exec(text.slice(Math.min(10, text.length - 1))) ?? /\S+/.exec(text);
      const offset = word ? text.indexOf(word[0], Math.min(10, text.length - 1)) : 0;
      t0 = performance.now();
      fake.boundary(Math.max(0, offset), word?.[0].length ?? 1);
      boundary.push(performance.now() - t0);
      await player.updateComplete;
      boundaryRendered.push(performance.now() - t0);
      mutationsPerBoundary.push(mutations + observer.takeRecords().length);
      observer.disconnect();

      player.pause();
      await player.updateComplete;
    }
    return { play, next, nextRendered, boundary, boundaryRendered, mutationsPerNext, mutationsPerBoundary };
  }, samples);
}

/**
 * The silences between utterances (src/core/playback/pauses.ts), which Web
 * Speech waits out with a timer, taken out of the page: three reads of 2,000
 * paragraphs would otherwise wait half an hour each, and this benchmark
 * measures the player's memory and work, not the pauses. Timers of any other
 * length run as written.
 */
function WITHOUT_PAUSES(pauses: number[]): void {
  const setTimer = window.setTimeout.bind(window);
  window.setTimeout = ((handler: TimerHandler, timeout?: number, ...rest: unknown[]) =>
    setTimer(handler, pauses.includes(timeout ?? 0) ? 0 : timeout, ...rest)) as typeof window.setTimeout;
}

/** Reads the article from the top to `ended`, one instant utterance at a time; yields so Lit renders. */
async function readWholeArticle(page: Page): Promise<{ ms: number; utterances: number }> {
  return page.evaluate(async () => {
    const player = document.querySelector('aloud-player') as AloudPlayer;
    const fake = (window as unknown as BenchWindow).__fakeSpeech;
    player.currentParagraph = 0;
    await player.updateComplete;
    // The fake records every utterance it is given (and so their listeners):
    // drop its records, or the heap measured is the recorder's, not the player's.
    fake.spoken.length = 0;
    fake.calls.length = 0;
    const before = fake.spoken.length;
    const t0 = performance.now();
    void player.play().catch(() => undefined);
    for (let step = 1; player.store.snapshot.playback.status !== 'ended'; step += 1) {
      // Between utterances, the (shortened) pause's timer runs first.
      for (let wait = 0; !fake.current && wait < 20; wait += 1) await new Promise((resolve) => setTimeout(resolve, 0));
      if (!fake.current)
        throw new Error(`nothing to speak at step ${step} (status ${player.store.snapshot.playback.status})`);
      fake.start();
      fake.end();
      // A macrotask now and then: Lit renders, timers fire and the GC can run, as in a real listen.
      if (step % 25 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await player.updateComplete;
    const ms = performance.now() - t0;
    const utterances = fake.spoken.length - before;
    fake.spoken.length = 0;
    fake.calls.length = 0;
    return { ms, utterances };
  });
}

export async function measureLoad(
  browser: Browser,
  options: { paragraphs?: number; samples?: number } = {},
): Promise<LoadResult> {
  const paragraphs = options.paragraphs ?? 10_000;
  const site = generatedSite([paragraphs]);
  const started = Date.now();
  const built = await openBuiltPage(browser, {
    root: site.root,
    path: site.page(paragraphs),
    viewport: { width: 1280, height: 900 },
    // A voice, so the fallback engine keeps to (fake) Web Speech instead of loading the built-in one.
    beforeLoad: async (page) => {
      await injectFakeSpeech(page, {
        mode: 'manual',
        voices: [{ name: 'Bench English', lang: 'en-US', default: true }],
      });
      await page.evaluateOnNewDocument(WITHOUT_PAUSES, Object.values(PAUSE_MS));
    },
  });
  try {
    const { page } = built;
    await page.waitForFunction(
      () => ((document.querySelector('aloud-player') as AloudPlayer | null)?.paragraphCount ?? 0) > 0,
      { timeout: 60_000 },
    );
    const readyMs = Date.now() - started;
    const cdp = await page.createCDPSession();
    const loaded = await leftovers(page, cdp);
    const times = await timings(page, options.samples ?? 50);
    const fullReadMs: number[] = [];
    const afterRead: Leftovers[] = [];
    let utterancesPerRead = 0;
    for (let read = 0; read < 3; read += 1) {
      const { ms, utterances } = await readWholeArticle(page);
      fullReadMs.push(Math.round(ms));
      utterancesPerRead = utterances;
      afterRead.push(await leftovers(page, cdp));
    }
    return {
      paragraphs,
      readyMs,
      playToSpeak: summarise(times.play),
      nextToSpeak: summarise(times.next),
      nextToRendered: summarise(times.nextRendered),
      boundaryToHighlight: summarise(times.boundary),
      boundaryToRendered: summarise(times.boundaryRendered),
      articleMutationsPerNext: summarise(times.mutationsPerNext),
      articleMutationsPerBoundary: summarise(times.mutationsPerBoundary),
      fullReadMs,
      utterancesPerRead,
      loaded,
      afterRead,
    };
  } finally {
    await built.close();
    site.remove();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const browser = await launchBrowser();
  try {
    const result = await measureLoad(browser, {
      paragraphs: Number(process.env['BENCH_PARAGRAPHS'] ?? 10_000),
      samples: Number(process.env['BENCH_SAMPLES'] ?? 50),
    });
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await browser.close();
  }
}

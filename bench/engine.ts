/**
 * The built-in voice (eSpeak-NG) on the built page, with `speechSynthesis`
 * deleted so that it takes over: cold load (engine import to ready), Play to
 * first audio cold and warm, real-time factor on the whole article, and the
 * lazy download's size. Medians of several runs; nothing here is a test.
 *
 * `measureEngine(browser)` is for bench/run.ts; `node --import tsx
 * bench/engine.ts` runs it alone and prints a table. Expects `npm run build`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'puppeteer-core';
import { launchBrowser, openBuiltPage, type BuiltPage } from '../test/helpers/browser.ts';
import { STRICT_CSP } from '../test/helpers/static-server.ts';
import { countWords } from '../src/core/playback/timing.ts';
import { round, summarise, type Summary } from './stats.ts';

export interface EngineBenchOptions {
  /** Fresh pages for the cold figures. */
  readonly coldRuns?: number;
  /** Next-paragraph presses for the warm figure. */
  readonly warmRuns?: number;
  /** Whole-article renders for the real-time factor. */
  readonly renderRuns?: number;
}

export interface EngineBenchResult {
  /** Request of the engine chunk to the worker's `ready` (fetch, parse, data, init), ms. */
  readonly coldLoad: Summary;
  /** Click on Play to the moment the first audio is scheduled to sound, engine not loaded, ms. */
  readonly firstAudioCold: Summary;
  /** L (next paragraph) while playing to the new sentence's first audio, engine loaded, ms. */
  readonly firstAudioWarm: Summary;
  /** Seconds of synthesis (and WAV encoding) per second of audio, whole article. */
  readonly realTimeFactor: Summary;
  readonly articleAudioSeconds: number;
  /** Words of the article per minute of its rendered audio at 1×, pauses included. */
  readonly wordsPerMinute: number;
  /** gzip bytes of what the engine downloads on first use. */
  readonly lazyDownloadGzip: { readonly total: number; readonly files: Readonly<Record<string, number>> };
}

/** Page-side probes, as source text (functions would carry tsx's `__name` helper into the page). */
const PROBES = `
  Object.defineProperty(window, 'speechSynthesis', { configurable: true, get: () => undefined });
  window.__bench = { inputs: [], audio: [], ready: [], audioAtKey: [] };
  addEventListener('click', (event) => window.__bench.inputs.push(event.timeStamp), { capture: true });
  addEventListener('keydown', (event) => {
    window.__bench.inputs.push(event.timeStamp);
    // Audio scheduled before this instant belongs to the utterance the key cancels.
    window.__bench.audioAtKey.push(window.__bench.audio.length);
  }, { capture: true });
  const start = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function (when = 0, ...rest) {
    const lead = Math.max(0, when - this.context.currentTime) * 1000;
    window.__bench.audio.push(performance.now() + lead + (this.context.baseLatency || 0) * 1000);
    return start.call(this, when, ...rest);
  };
  const NativeWorker = Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (event.data && event.data.type === 'ready') window.__bench.ready.push(performance.now());
      });
    }
  };`;

interface Probe {
  __bench: { inputs: number[]; audio: number[]; ready: number[]; audioAtKey: number[] };
}

const probe = (page: Page) => page.evaluate(() => (window as unknown as Probe).__bench);

async function until<T>(
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The strict CSP, plus blob: in connect-src so the bench can read back the rendered captions. */
const BENCH_CSP = STRICT_CSP.replace("connect-src 'self'", "connect-src 'self' blob:");

async function openPage(browser: Browser): Promise<BuiltPage> {
  return openBuiltPage(browser, {
    csp: BENCH_CSP,
    beforeLoad: (page) => page.evaluateOnNewDocument(PROBES).then(() => undefined),
  });
}

async function clickInPlayer(page: Page, selector: string): Promise<void> {
  const handle = await page.waitForSelector(`aloud-player >>> ${selector}`);
  await handle?.click();
}

/** One fresh page: the cold figures, then `warmRuns` next-paragraph presses. */
async function coldAndWarm(
  browser: Browser,
  warmRuns: number,
): Promise<{ load: number; cold: number; warm: number[] }> {
  const built = await openPage(browser);
  const { page } = built;
  try {
    await clickInPlayer(page, 'button.primary');
    const first = await until(
      () => probe(page),
      (bench) => bench.audio.length > 0 && bench.ready.length > 0,
      'first audio',
    );
    const engineRequest = await page.evaluate(
      () =>
        performance.getEntriesByType('resource').find((entry) => /builtin-engine-[\w-]+\.js$/.test(entry.name))
          ?.startTime ?? Number.NaN,
    );
    const clicked = first.inputs.at(-1) ?? Number.NaN;
    const warm: number[] = [];
    // "Warm" means L while the listener hears speech: wait for the player to be playing before each press.
    const playing = () =>
      until(
        () =>
          page.evaluate(() => !(document.querySelector('aloud-player') as HTMLElement & { paused: boolean }).paused),
        Boolean,
        'playing',
      );
    for (let run = 0; run < warmRuns; run++) {
      await playing();
      await page.keyboard.press('l');
      // Counted from the keydown itself, not from a read before it: the old
      // utterance's pieces, queued seconds ahead, keep arriving until then.
      const scheduledAtKey = (bench: Probe['__bench']) => bench.audioAtKey[run] ?? Number.POSITIVE_INFINITY;
      const after = await until(
        () => probe(page),
        (bench) => bench.audio.length > scheduledAtKey(bench),
        'audio after L',
      );
      warm.push((after.audio[scheduledAtKey(after)] ?? Number.NaN) - (after.inputs.at(-1) ?? Number.NaN));
    }
    return {
      load: (first.ready[0] ?? Number.NaN) - engineRequest,
      cold: (first.audio[0] ?? Number.NaN) - clicked,
      warm,
    };
  } finally {
    await built.close();
  }
}

/** Whole article through "Download audio", engine already loaded: render seconds per audio second. */
async function renderArticle(
  browser: Browser,
  runs: number,
): Promise<{ factors: number[]; audioSeconds: number; words: number }> {
  const built = await openPage(browser);
  const { page } = built;
  const shadow = (selector: string) =>
    page.evaluate(
      (query) => Boolean(document.querySelector('aloud-player')?.shadowRoot?.querySelector(query)),
      selector,
    );
  const factors: number[] = [];
  let audioSeconds = 0;
  let words = 0;
  try {
    // Load the engine first (as after a listener pressed Play), so the figure is synthesis alone.
    await clickInPlayer(page, 'button.primary');
    await until(
      () => probe(page),
      (bench) => bench.audio.length > 0,
      'the engine',
    );
    await clickInPlayer(page, 'button.primary');
    // More, then its "Download audio", which opens the settings at the download.
    await clickInPlayer(page, '#more-button');
    await clickInPlayer(page, '.more-menu .menu-item:last-child');
    for (let run = 0; run < runs; run++) {
      await clickInPlayer(page, '#download-start');
      const started = Date.now();
      await until(() => shadow('#download-audio-link'), Boolean, 'the rendered article', 120_000);
      const seconds = (Date.now() - started) / 1000;
      const label = await page.evaluate(
        () =>
          document
            .querySelector('aloud-player')
            ?.shadowRoot?.querySelector('#download-captions-link')
            ?.getAttribute('href') ?? '',
      );
      const vtt = await page.evaluate(async (url) => (await fetch(url)).text(), label);
      const last = [...vtt.matchAll(/--> (\d\d):(\d\d):(\d\d\.\d{3})/g)].at(-1);
      audioSeconds = last ? Number(last[1]) * 3600 + Number(last[2]) * 60 + Number(last[3]) : audioSeconds;
      // Each cue is one sentence as written: its text is the line after the timing.
      words = [...vtt.matchAll(/--> [\d:.]+\n(.+)\n/g)].reduce((sum, cue) => sum + countWords(cue[1] ?? ''), 0);
      if (audioSeconds > 0) factors.push(seconds / audioSeconds);
    }
  } finally {
    await built.close();
  }
  return { factors, audioSeconds, words };
}

export function lazyDownloadSize(dist = 'dist'): { total: number; files: Record<string, number> } {
  const assets = join(dist, 'assets');
  const files: Record<string, number> = {};
  for (const name of readdirSync(assets)) {
    // As the size-limit entry counts it: Arabic data comes later, only for an Arabic voice.
    if (
      /^(builtin-engine-[\w-]+\.js|create-speech-synthesis-[\w-]+\.js|espeak\.worker-[\w-]+\.js|espeak-ng-en-[\w-]+\.data)$/.test(
        name,
      )
    ) {
      files[name] = gzipSync(readFileSync(join(assets, name)), { level: 9 }).byteLength;
    }
  }
  return { total: Object.values(files).reduce((sum, bytes) => sum + bytes, 0), files };
}

export async function measureEngine(browser: Browser, options: EngineBenchOptions = {}): Promise<EngineBenchResult> {
  const loads: number[] = [];
  const colds: number[] = [];
  const warms: number[] = [];
  for (let run = 0; run < (options.coldRuns ?? 5); run++) {
    const { load, cold, warm } = await coldAndWarm(browser, run === 0 ? (options.warmRuns ?? 10) : 0);
    loads.push(load);
    colds.push(cold);
    warms.push(...warm);
  }
  const render = await renderArticle(browser, options.renderRuns ?? 3);
  return {
    coldLoad: summarise(loads),
    firstAudioCold: summarise(colds),
    firstAudioWarm: summarise(warms),
    realTimeFactor: summarise(render.factors),
    articleAudioSeconds: round(render.audioSeconds, 1),
    wordsPerMinute: render.audioSeconds > 0 ? round(render.words / (render.audioSeconds / 60), 1) : Number.NaN,
    lazyDownloadGzip: lazyDownloadSize(),
  };
}

/** Rows for a table: measure, median, detail, goal, status. */
export function engineRows(result: EngineBenchResult): string[][] {
  const ms = (summary: Summary) => `${round(summary.median, 0)} ms`;
  const spread = (summary: Summary, unit = ' ms', digits = 1) =>
    `${summary.runs} runs, ${round(summary.min, digits)}–${round(summary.max, digits)}${unit}`;
  const kb = round(result.lazyDownloadGzip.total / 1000, 1);
  return [
    ['built-in: cold load (import → ready)', ms(result.coldLoad), spread(result.coldLoad), '', ''],
    [
      'built-in: Play → first audio, cold',
      ms(result.firstAudioCold),
      spread(result.firstAudioCold),
      '≤ 600 ms',
      result.firstAudioCold.median <= 600 ? 'met' : 'NOT met',
    ],
    [
      'built-in: Play → first audio, warm',
      ms(result.firstAudioWarm),
      spread(result.firstAudioWarm),
      '≤ 300 ms',
      result.firstAudioWarm.median <= 300 ? 'met' : 'NOT met',
    ],
    [
      'built-in: real-time factor',
      String(round(result.realTimeFactor.median, 4)),
      `${spread(result.realTimeFactor, '', 4)}, ${result.articleAudioSeconds} s of audio`,
      '≤ 0.01',
      result.realTimeFactor.median <= 0.01 ? 'met' : 'NOT met',
    ],
    [
      'built-in: words a minute at 1×',
      String(result.wordsPerMinute),
      `the whole article, pauses included, ${result.articleAudioSeconds} s`,
      '155–165',
      result.wordsPerMinute >= 155 && result.wordsPerMinute <= 165 ? 'met' : 'NOT met',
    ],
    [
      'built-in: lazy download gzip',
      `${kb} kB`,
      Object.keys(result.lazyDownloadGzip.files).join(', '),
      '≤ 700 kB',
      kb <= 700 ? 'met' : 'NOT met',
    ],
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const browser = await launchBrowser();
  try {
    const rows = [
      ['measure', 'median / value', 'detail', 'goal', 'status'],
      ...engineRows(await measureEngine(browser)),
    ];
    const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
    for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));
  } finally {
    await browser.close();
  }
}

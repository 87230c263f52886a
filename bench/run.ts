/**
 * `npm run bench`: size, latency, scale and (when present) the built-in
 * engine, load and Lighthouse figures, measured in one run on this machine.
 * Prints a table and writes bench/results.json. Expects `npm run build` first.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { launchBrowser } from '../test/helpers/browser.ts';
import { engineRows, measureEngine, type EngineBenchResult } from './engine.ts';
import { generatedSite } from './generated-article.ts';
import { runLighthouse, type LighthouseSummary } from './lighthouse.ts';
import { measureLoad, type LoadResult } from './load.ts';
import { measureLatency, type LatencyResult } from './latency.ts';
import { measurePublishers, publisherRows, type PublisherBenchResult } from './publishers.ts';
import { runSize, type Bytes } from './size.ts';
import { measureSegmentation, segmentationRows } from './segmentation.ts';
import { round } from './stats.ts';

const PRESSES = Number(process.env['BENCH_PRESSES'] ?? 60);
/** Three full reads of 10,000 paragraphs take minutes; the heap check uses a shorter article. */
const LOAD_PARAGRAPHS = Number(process.env['BENCH_LOAD_PARAGRAPHS'] ?? 2000);

/** `indexGoal`: the indexing goal (≤ 3× a DOM walk) is set for 10,000 paragraphs, where indexing outweighs the player's own start-up. */
function latencyRows(label: string, result: LatencyResult, indexGoal = false): string[][] {
  const ms = (value: number) => `${round(value, 2)} ms`;
  return [
    [
      `${label}: K → speak()`,
      ms(result.keyK.median),
      ms(result.keyK.p95),
      '≤ 16 ms p95',
      result.keyK.p95 <= 16 ? 'met' : 'NOT met',
    ],
    [
      `${label}: L → speak()`,
      ms(result.keyL.median),
      ms(result.keyL.p95),
      '≤ 16 ms p95',
      result.keyL.p95 <= 16 ? 'met' : 'NOT met',
    ],
    [
      `${label}: click Play → speak()`,
      ms(result.clickPlay.median),
      ms(result.clickPlay.p95),
      '≤ 16 ms p95',
      result.clickPlay.p95 <= 16 ? 'met' : 'NOT met',
    ],
    [
      `${label}: upgrade + index`,
      ms(result.index.player.median),
      `×${round(result.index.ratio, 1)} of a plain DOM walk (${ms(result.index.baseline.median)})`,
      indexGoal ? '≤ 3× a DOM walk' : '',
      indexGoal ? (result.index.ratio <= 3 ? 'met' : 'NOT met') : '',
    ],
    [`${label}: one word boundary`, ms(result.boundaryMs), '', '', ''],
  ];
}

function loadRows(load: LoadResult): string[][] {
  const mb = (value: number) => `${round(value, 2)} MB`;
  const heaps = load.afterRead.map((after) => mb(after.heapMB)).join(' / ');
  const listeners = load.afterRead.map((after) => after.listeners).join(' / ');
  return [
    [
      `${load.paragraphs} paragraphs: heap after load`,
      mb(load.loaded.heapMB),
      `${load.loaded.listeners} listeners`,
      '',
      '',
    ],
    [
      `${load.paragraphs} paragraphs: heap after reads 1/2/3`,
      heaps,
      `listeners ${listeners}`,
      'bounded',
      boundedHeap(load) ? 'met' : 'NOT met',
    ],
    [
      `${load.paragraphs} paragraphs: mutations per paragraph change`,
      String(load.articleMutationsPerNext.median),
      'one attribute off, one on',
      '2 (O(1))',
      load.articleMutationsPerNext.median <= 2 ? 'met' : 'NOT met',
    ],
  ];
}

/** Bounded: the third read leaves no more than the first plus 10 % (GC noise). */
function boundedHeap(load: LoadResult): boolean {
  const first = load.afterRead[0]?.heapMB ?? 0;
  const third = load.afterRead[2]?.heapMB ?? Number.POSITIVE_INFINITY;
  return third <= first * 1.1;
}

function printTable(rows: string[][]): void {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));
}

async function main(): Promise<void> {
  if (!existsSync('dist/aloud.js')) throw new Error('dist/ is missing: run `npm run build` first');
  const started = Date.now();
  const size = await runSize();
  const site = generatedSite([1000, 10_000]);
  const browser = await launchBrowser();
  let seed: LatencyResult;
  let large: LatencyResult;
  let thousand: LatencyResult;
  let load: LoadResult;
  let engine: EngineBenchResult;
  let publishers: PublisherBenchResult;
  try {
    seed = await measureLatency(browser, { presses: PRESSES });
    thousand = await measureLatency(browser, { root: site.root, path: site.page(1000), presses: 10 });
    large = await measureLatency(browser, { root: site.root, path: site.page(10_000), presses: PRESSES });
    load = await measureLoad(browser, { paragraphs: LOAD_PARAGRAPHS, samples: 50 });
    engine = await measureEngine(browser);
    publishers = await measurePublishers(browser);
  } finally {
    await browser.close();
    site.remove();
  }
  const lighthouse: LighthouseSummary = await runLighthouse();

  const kb = (bytes: number) => `${round(bytes / 1000, 2)} kB`;
  const bytesRow = (label: string, bytes: Bytes) => [label, kb(bytes.gzip), `brotli ${kb(bytes.brotli)}`, '', ''];
  const segmentation = measureSegmentation();
  const rows: string[][] = [
    ['measure', 'median / value', 'p95 / detail', 'goal', 'status'],
    [
      'dist/aloud.js gzip',
      kb(size.aloudJs.gzip),
      `brotli ${kb(size.aloudJs.brotli)}`,
      '≤ 15 kB',
      size.goal.met ? 'met' : 'NOT met',
    ],
    bytesRow('reading chunk and its imports gzip', size.readingChunk),
    bytesRow('late chunk (and imports Play did not load) gzip', size.lateChunk),
    bytesRow('before Play: aloud.js, reading chunk, their imports gzip', size.beforePlay),
    [
      'article page, all requests gzip',
      kb(size.articlePage.bytes.gzip),
      `${size.articlePage.requests} requests`,
      '',
      '',
    ],
    ...Object.entries(size.peers).map(([name, bytes]) => bytesRow(name, bytes)),
    ['aloud.js / media-chrome (gzip)', `×${size.ratios.aloudToMediaChromeGzip}`, '', '', ''],
    ['aloud.js / easy-speech (gzip)', `×${size.ratios.aloudToEasySpeechGzip}`, '', '', ''],
    ...latencyRows('seed', seed),
    ...latencyRows('1,000 paragraphs', thousand).slice(3, 4),
    ...latencyRows('10,000 paragraphs', large, true),
    ...loadRows(load),
    ...engineRows(engine),
    ...segmentationRows(segmentation),
    ...publisherRows(publishers),
    ...lighthouse.pages.map((page) => [
      `Lighthouse ${page.page}`,
      `${page.scores.performance} / ${page.scores.accessibility} / ${page.scores['best-practices']}`,
      `perf. / a11y / best pr.; LCP ${Math.round(page.metrics.lcpMs)} ms, TBT ${Math.round(page.metrics.tbtMs)} ms, CLS ${page.metrics.cls}`,
      '100 / 100 / 100',
      page.scores.performance === 100 && page.scores.accessibility === 100 && page.scores['best-practices'] === 100
        ? 'met'
        : 'NOT met',
    ]),
  ];
  printTable(rows);

  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? '',
      memoryGiB: round(totalmem() / 2 ** 30, 1),
      node: process.version,
    },
    presses: PRESSES,
    size,
    latency: { seed, paragraphs1000: thousand, paragraphs10000: large },
    load,
    engine,
    segmentation,
    publishers,
    lighthouse,
    seconds: round((Date.now() - started) / 1000, 1),
  };
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWrote bench/results.json in ${results.seconds} s`);
}

await main();

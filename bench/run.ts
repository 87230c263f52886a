/**
 * `npm run bench`: size, latency, scale and (when present) the built-in
 * engine, load and Lighthouse figures, measured in one run on this machine.
 * Prints a table and writes bench/results.json. Expects `npm run build` first.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { launchBrowser } from '../test/helpers/browser.ts';
import { generatedSite } from './generated-article.ts';
import { measureLatency, type LatencyResult } from './latency.ts';
import { runSize } from './size.ts';
import { round } from './stats.ts';

const PRESSES = Number(process.env['BENCH_PRESSES'] ?? 60);

function latencyRows(label: string, result: LatencyResult): string[][] {
  const ms = (value: number) => `${round(value, 2)} ms`;
  return [
    [`${label}: K → speak()`, ms(result.keyK.median), ms(result.keyK.p95), '≤ 16 ms p95', result.keyK.p95 <= 16 ? 'met' : 'NOT met'],
    [`${label}: L → speak()`, ms(result.keyL.median), ms(result.keyL.p95), '≤ 16 ms p95', result.keyL.p95 <= 16 ? 'met' : 'NOT met'],
    [`${label}: click Play → speak()`, ms(result.clickPlay.median), ms(result.clickPlay.p95), '≤ 16 ms p95', result.clickPlay.p95 <= 16 ? 'met' : 'NOT met'],
    [`${label}: upgrade + index`, ms(result.index.player.median), `×${round(result.index.ratio, 1)} of a plain DOM walk (${ms(result.index.baseline.median)})`, '', ''],
    [`${label}: one word boundary`, ms(result.boundaryMs), '', '', ''],
  ];
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
  try {
    seed = await measureLatency(browser, { presses: PRESSES });
    thousand = await measureLatency(browser, { root: site.root, path: site.page(1000), presses: 10 });
    large = await measureLatency(browser, { root: site.root, path: site.page(10_000), presses: PRESSES });
  } finally {
    await browser.close();
    site.remove();
  }

  const kb = (bytes: number) => `${round(bytes / 1000, 2)} kB`;
  const rows: string[][] = [
    ['measure', 'median / value', 'p95 / detail', 'goal', 'status'],
    ['dist/aloud.js gzip', kb(size.aloudJs.gzip), `brotli ${kb(size.aloudJs.brotli)}`, '≤ 15 kB', size.goal.met ? 'met' : 'NOT met'],
    ['article page, all requests gzip', kb(size.articlePage.bytes.gzip), `${size.articlePage.requests} requests`, '', ''],
    ...Object.entries(size.peers).map(([name, bytes]) => [name, kb(bytes.gzip), `brotli ${kb(bytes.brotli)}`, '', '']),
    ['aloud.js / media-chrome (gzip)', `×${size.ratios.aloudToMediaChromeGzip}`, '', '', ''],
    ['aloud.js / easy-speech (gzip)', `×${size.ratios.aloudToEasySpeechGzip}`, '', '', ''],
    ...latencyRows('seed', seed),
    ...latencyRows('1,000 paragraphs', thousand).slice(3, 4),
    ...latencyRows('10,000 paragraphs', large),
  ];
  printTable(rows);

  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', memoryGiB: round(totalmem() / 2 ** 30, 1), node: process.version },
    presses: PRESSES,
    size,
    latency: { seed, paragraphs1000: thousand, paragraphs10000: large },
    seconds: round((Date.now() - started) / 1000, 1),
  };
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWrote bench/results.json in ${results.seconds} s`);
}

await main();

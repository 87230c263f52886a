/**
 * Word recall and precision of the built player on the invented publisher
 * pages (test/fixtures/publishers/), read end to end under the strict CSP:
 * medians and the lowest page. Part of `npm run bench`; runnable alone with
 * `node --import tsx bench/publishers.ts` after `npm run build`.
 */
import type { Browser } from 'puppeteer-core';
import { readPublisherPages } from '../test/helpers/publisher-built.ts';
import { median } from '../test/helpers/word-scores.ts';
import { round } from './stats.ts';

export interface PublisherBenchResult {
  readonly pages: number;
  readonly medianRecall: number;
  readonly medianPrecision: number;
  readonly lowest: { readonly name: string; readonly recall: number; readonly precision: number };
  /** Pages where the headline was read first and exactly once. */
  readonly headlineOnce: number;
  readonly perPage: ReadonlyArray<{ name: string; recall: number; precision: number; choice: string }>;
}

export async function measurePublishers(browser: Browser): Promise<PublisherBenchResult> {
  const results = await readPublisherPages(browser);
  const lowest = results.reduce((low, page) =>
    Math.min(page.recall, page.precision) < Math.min(low.recall, low.precision) ? page : low,
  );
  return {
    pages: results.length,
    medianRecall: round(median(results.map((page) => page.recall)), 3),
    medianPrecision: round(median(results.map((page) => page.precision)), 3),
    lowest: { name: lowest.name, recall: round(lowest.recall, 3), precision: round(lowest.precision, 3) },
    headlineOnce: results.filter((page) => page.headlineFirst && page.headlineReads === 1).length,
    perPage: results.map((page) => ({
      name: page.name,
      recall: round(page.recall, 3),
      precision: round(page.precision, 3),
      choice: page.choice,
    })),
  };
}

export function publisherRows(result: PublisherBenchResult): string[][] {
  const met = (value: number, goal: number) => (value >= goal ? 'met' : 'NOT met');
  const low = Math.min(result.lowest.recall, result.lowest.precision);
  return [
    [
      `publisher pages (${result.pages}): median word recall`,
      String(result.medianRecall),
      '',
      '≥ 0.97',
      met(result.medianRecall, 0.97),
    ],
    [
      'publisher pages: median word precision',
      String(result.medianPrecision),
      '',
      '≥ 0.97',
      met(result.medianPrecision, 0.97),
    ],
    [
      'publisher pages: lowest page',
      `${result.lowest.recall} / ${result.lowest.precision}`,
      `recall / precision, ${result.lowest.name}`,
      '≥ 0.9',
      met(low, 0.9),
    ],
    [
      'publisher pages: headline read first, once',
      `${result.headlineOnce} / ${result.pages}`,
      '',
      'all',
      result.headlineOnce === result.pages ? 'met' : 'NOT met',
    ],
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { launchBrowser } = await import('../test/helpers/browser.ts');
  const browser = await launchBrowser();
  try {
    const result = await measurePublishers(browser);
    for (const row of publisherRows(result)) console.log(row.join('  '));
    for (const page of result.perPage)
      console.log(`  ${page.name}: ${page.recall} / ${page.precision}  ${page.choice}`);
  } finally {
    await browser.close();
  }
}

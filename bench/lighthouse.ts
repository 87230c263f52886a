/**
 * `npm run lighthouse`: Lighthouse 12 against the built pages (run
 * `npm run build` first; this script builds nothing). It serves dist/ with
 * `vite preview` on 127.0.0.1 at a fixed, unusual port with strictPort (a busy
 * default port once made Lighthouse audit some other page), drives the system
 * Chromium, and keeps the reports in the repo:
 *
 * - bench/lighthouse/summary.json: scores and the audits that lost points;
 * - bench/lighthouse/<page>.html: the full report of each page.
 *
 * `runLighthouse()` is exported so the benchmark can include the scores.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { preview } from 'vite';
import { CHROME_FLAGS } from '../test/helpers/browser.ts';

/** Fixed and unusual, so it is never some other project's server. */
export const LIGHTHOUSE_PORT = 4873;

export const LIGHTHOUSE_PAGES = [
  { name: 'index', path: '' },
  { name: 'rtl-demo', path: 'rtl-demo.html' },
] as const;

const CATEGORIES = ['accessibility', 'best-practices', 'performance', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];

export interface PageScores {
  readonly page: string;
  readonly url: string;
  /** 0–100 per category. */
  readonly scores: Readonly<Record<Category, number>>;
  /** Audits that cost points, as `category: audit id (score)`. */
  readonly lostPoints: readonly string[];
  /** Largest Contentful Paint and Total Blocking Time in ms, Cumulative Layout Shift unitless. */
  readonly metrics: { readonly lcpMs: number; readonly tbtMs: number; readonly cls: number };
}

export interface LighthouseSummary {
  readonly lighthouseVersion: string;
  readonly chromium: string;
  readonly when: string;
  readonly pages: readonly PageScores[];
}

interface AuditRef {
  readonly id: string;
  readonly weight: number;
}

export async function runLighthouse(outputDir = 'bench/lighthouse'): Promise<LighthouseSummary> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first');
  mkdirSync(outputDir, { recursive: true });
  const server = await preview({
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: LIGHTHOUSE_PORT, strictPort: true, open: false },
  });
  const browser = await puppeteer.launch({
    executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROME_FLAGS],
  });
  try {
    // Lighthouse drives the browser puppeteer started, through its DevTools port.
    const port = Number(new URL(browser.wsEndpoint()).port);
    const pages: PageScores[] = [];
    let lighthouseVersion = '';
    for (const { name, path } of LIGHTHOUSE_PAGES) {
      const url = `http://127.0.0.1:${LIGHTHOUSE_PORT}/${path}`;
      const result = await lighthouse(url, {
        port,
        output: 'html',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
      lighthouseVersion = lhr.lighthouseVersion;
      const html = Array.isArray(result.report) ? (result.report[0] ?? '') : result.report;
      writeFileSync(join(outputDir, `${name}.html`), html);
      const scores = {} as Record<Category, number>;
      const lostPoints: string[] = [];
      for (const category of CATEGORIES) {
        const entry = lhr.categories[category];
        scores[category] = Math.round((entry?.score ?? 0) * 100);
        for (const ref of (entry?.auditRefs ?? []) as readonly AuditRef[]) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
            lostPoints.push(`${category}: ${ref.id} (${audit.score})`);
          }
        }
      }
      const metric = (id: string) => Math.round((lhr.audits[id]?.numericValue ?? Number.NaN) * 1000) / 1000;
      const metrics = {
        lcpMs: metric('largest-contentful-paint'),
        tbtMs: metric('total-blocking-time'),
        cls: metric('cumulative-layout-shift'),
      };
      pages.push({ page: name, url: `/${path}`, scores, lostPoints, metrics });
    }
    const summary = { lighthouseVersion, chromium: await browser.version(), when: new Date().toISOString(), pages };
    // The summary is kept beside the HTML reports, whoever ran Lighthouse (this script or the bench).
    writeFileSync(join(outputDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    return summary;
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

async function main(): Promise<void> {
  const outputDir = 'bench/lighthouse';
  const summary = await runLighthouse(outputDir);
  console.log(`Lighthouse ${summary.lighthouseVersion}, ${summary.chromium}`);
  for (const page of summary.pages) {
    const scores = CATEGORIES.map((category) => `${category} ${page.scores[category]}`).join(', ');
    console.log(`${page.page.padEnd(9)} ${scores}`);
    for (const lost of page.lostPoints) console.log(`          lost points: ${lost}`);
  }
  console.log(
    `Reports in ${outputDir}/ (summary.json, ${summary.pages.map((page) => `${page.page}.html`).join(', ')})`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

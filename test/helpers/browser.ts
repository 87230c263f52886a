/**
 * Puppeteer helpers for end-to-end tests of the built page: launch the system
 * Chromium, open `dist/` from a static server under a sub-path with a strict
 * CSP, record every console error, CSP violation and failed request, and run
 * axe.
 */
import type Axe from 'axe-core';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults, Result as AxeViolation } from 'axe-core';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startStaticServer, type StaticServerOptions } from './static-server.ts';
import chromeFlags from './chrome-flags.json' with { type: 'json' };

export type { AxeViolation };

/** Without the background-networking flags Chromium floods the closed network. */
export const CHROME_FLAGS: readonly string[] = chromeFlags;

export const DEFAULT_BASE_PATH = '/some/base/';

/** `extraArgs` e.g. `--js-flags=--expose-gc` for heap measurements in the benchmark. */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return puppeteer.launch({
    executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROME_FLAGS, ...extraArgs],
  });
}

export interface OpenBuiltPageOptions extends StaticServerOptions {
  /** Page to open, relative to the base path; defaults to the index. */
  readonly path?: string;
  readonly javaScriptEnabled?: boolean;
  readonly viewport?: { readonly width: number; readonly height: number };
  readonly colorScheme?: 'light' | 'dark';
  /** Runs before navigation, e.g. to install a fake speechSynthesis with evaluateOnNewDocument. */
  readonly beforeLoad?: (page: Page) => Promise<void>;
  /** When navigation counts as done; `domcontentloaded` for pages whose requests a test holds back. */
  readonly waitUntil?: 'networkidle0' | 'domcontentloaded';
}

export interface PageProblems {
  readonly consoleErrors: readonly string[];
  readonly pageErrors: readonly string[];
  readonly cspViolations: readonly string[];
  readonly failedRequests: readonly string[];
}

export interface BuiltPage {
  readonly page: Page;
  /** URL of the opened page. */
  readonly url: string;
  /** Everything that went wrong so far, including CSP violations reported in the page. */
  problems(): Promise<PageProblems>;
  /** Closes the page and its server. */
  close(): Promise<void>;
}

declare global {
  interface Window {
    __aloudCspViolations?: string[];
  }
}

export async function openBuiltPage(browser: Browser, options: OpenBuiltPageOptions = {}): Promise<BuiltPage> {
  const server = await startStaticServer({ basePath: DEFAULT_BASE_PATH, ...options });
  const page = await browser.newPage();
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const failedRequests: string[] = [];
  const loggedViolations: string[] = [];

  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error instanceof Error ? error.message : String(error)));
  page.on('requestfailed', (request) =>
    failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
  });
  // The browser's own log catches what scripts cannot, e.g. CSP blocks with JavaScript off.
  const cdp = await page.createCDPSession();
  await cdp.send('Log.enable');
  cdp.on('Log.entryAdded', ({ entry }) => {
    if (entry.level !== 'error') return;
    if (entry.source === 'security' || /Content Security Policy/i.test(entry.text)) loggedViolations.push(entry.text);
    else consoleErrors.push(`[${entry.source}] ${entry.text}`);
  });

  await page.evaluateOnNewDocument(() => {
    window.__aloudCspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__aloudCspViolations?.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  await page.setJavaScriptEnabled(options.javaScriptEnabled ?? true);
  if (options.viewport) await page.setViewport(options.viewport);
  if (options.colorScheme)
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: options.colorScheme }]);

  await options.beforeLoad?.(page);
  const url = new URL(options.path ?? '', server.url).href;
  await page.goto(url, { waitUntil: options.waitUntil ?? 'networkidle0' });

  return {
    page,
    url,
    async problems() {
      const reported =
        (options.javaScriptEnabled ?? true) ? await page.evaluate(() => window.__aloudCspViolations ?? []) : [];
      return { consoleErrors, pageErrors, failedRequests, cspViolations: [...reported, ...loggedViolations] };
    },
    async close() {
      await page.close();
      await server.close();
    },
  };
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

let axeSource: Promise<string> | undefined;

/**
 * Runs axe with WCAG 2.2 AA and best practices, plus `target-size` (off by
 * default, but Lighthouse checks it). The source is evaluated through the
 * DevTools protocol rather than a <script> tag, which the page's CSP would block.
 */
export async function runAxe(page: Page, context?: string): Promise<AxeViolation[]> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(await axeSource);
  const results = await page.evaluate(
    (selector, tags) => {
      const axe = (window as unknown as { axe: typeof Axe }).axe;
      return axe.run(selector ?? document, {
        runOnly: { type: 'tag', values: tags },
        rules: { 'target-size': { enabled: true } },
        resultTypes: ['violations'],
      });
    },
    context,
    AXE_TAGS,
  );
  return (results as AxeResults).violations;
}

/** A readable failure message: rule, impact, and where. */
export function formatViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((violation) => {
      const targets = violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary ?? ''}`);
      return `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}\n${targets.join('\n')}`;
    })
    .join('\n');
}

/**
 * The embed as a publisher uses it: a host page on one origin, with hostile
 * CSS and its own CSP, loads the built `aloud.js` through the public snippet
 * from another origin (a CDN stand-in that sends CORS headers). Run
 * `npm run build` first.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { formatViolations, launchBrowser, openBuiltPage, runAxe, type BuiltPage } from '../helpers/browser.ts';
import { injectFakeSpeech } from '../helpers/inject-fake-speech.ts';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';
import { waitFor } from '../helpers/wait.ts';

const FIXTURES = new URL('../fixtures/embed-host/', import.meta.url);

/**
 * The lazy chunks `aloud.js` fetches when a player connects (the reading and the late parts);
 * not the small chunk it imports statically, without which it would not run at all.
 */
const LAZY_CHUNK = /\/assets\/(reading|late)-[^/]*\.js$/;

/** What the host must allow: its own files, plus the script origin. Nothing else (README, "CSP"). */
const hostCsp = (assets: string) =>
  [
    "default-src 'self'",
    `script-src 'self' ${assets}`,
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
  ].join('; ');

interface Recorded {
  spoken: Array<{ text: string; rate: number }>;
  start(): void;
}

/** What the test puts on the page's window (not declared globally: other suites type it differently). */
interface Probe {
  __fakeSpeech: Recorded;
  __ended: number;
  __play?: Promise<string>;
}

/** The player's public API, as a host page script uses it. */
interface HostPlayer extends HTMLElement {
  play(): Promise<void>;
  playbackRate: number;
  paused: boolean;
}

/** Layout-dependent values change when a player takes space; they are not "style". */
const LAYOUT = new Set(['width', 'height', 'inline-size', 'block-size', 'transform-origin', 'perspective-origin']);

/** Every computed style of every host element (not the player), keyed by position and tag. */
function hostStyles(page: Page): Promise<Record<string, string>> {
  return page.evaluate(
    (layout) => {
      const skip = new Set(layout);
      const styles: Record<string, string> = {};
      document.body.querySelectorAll('*').forEach((element, index) => {
        if (element.localName === 'aloud-player') return;
        const computed = getComputedStyle(element);
        const values = Array.from(computed).filter((name) => !skip.has(name));
        styles[`${index}:${element.localName}`] = values
          .map((name) => `${name}:${computed.getPropertyValue(name)}`)
          .join(';');
      });
      return styles;
    },
    [...LAYOUT],
  );
}

function shadowButton(page: Page, index: number, selector = 'button.primary') {
  return page.evaluate(
    (at, query) =>
      document.querySelectorAll('aloud-player')[at]?.shadowRoot?.querySelector<HTMLButtonElement>(query)?.click(),
    index,
    selector,
  );
}

describe('the embed on another origin, under hostile CSS', { timeout: 240_000 }, () => {
  let browser: Browser;
  let assets: StaticServer;
  let hostDir: string;

  before(async () => {
    browser = await launchBrowser();
    assets = await startStaticServer({
      root: 'dist',
      basePath: '/cdn/aloud/',
      csp: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
    });
    // The host's pages, with the asset server's URL in the snippet.
    hostDir = await mkdtemp(join(tmpdir(), 'aloud-host-'));
    for (const name of ['host.html', 'two-players.html', 'host.css', 'favicon.svg']) {
      const text = await readFile(new URL(name, FIXTURES), 'utf8');
      await writeFile(join(hostDir, name), text.replaceAll('%ASSETS%', assets.url));
    }
    const host = await readFile(join(hostDir, 'host.html'), 'utf8');
    await writeFile(join(hostDir, 'host-plain.html'), host.replace(/<script[^>]*aloud\.js[^>]*><\/script>/, ''));
  });

  after(async () => {
    await browser?.close();
    await assets?.close();
    if (hostDir) await rm(hostDir, { recursive: true, force: true });
  });

  /** `lazyChunk` decides what happens to the request for the player's lazy chunk; by default it is served. */
  async function openHost(
    path: string,
    mode: 'auto' | 'manual',
    lazyChunk?: (request: HTTPRequest) => void,
  ): Promise<BuiltPage> {
    const assetOrigin = new URL(assets.url).origin;
    return openBuiltPage(browser, {
      root: hostDir,
      basePath: '/',
      csp: hostCsp(assetOrigin),
      path,
      viewport: { width: 1280, height: 900 },
      ...(lazyChunk ? { waitUntil: 'domcontentloaded' as const } : {}),
      beforeLoad: async (page) => {
        if (lazyChunk) {
          await page.setRequestInterception(true);
          page.on('request', (request) =>
            LAZY_CHUNK.test(request.url()) ? lazyChunk(request) : void request.continue(),
          );
        }
        await injectFakeSpeech(page, {
          mode,
          stepMs: 1,
          voices: [{ name: 'Test English', lang: 'en-US', default: true }],
        });
        await page.evaluateOnNewDocument(() => {
          (window as unknown as Probe).__ended = 0;
          document.addEventListener('ended', () => (window as unknown as Probe).__ended++);
        });
      },
    });
  }

  it('reads exactly the host article, keeps its controls and the host styles intact, and fails no request', async () => {
    const plain = await openHost('host-plain.html', 'manual');
    const baseline = await hostStyles(plain.page);
    await plain.close();

    const built = await openHost('host.html', 'auto');
    const { page } = built;
    try {
      await page.waitForFunction(() =>
        document.querySelector('aloud-player')?.shadowRoot?.querySelector('[role="toolbar"]'),
      );
      await page.waitForFunction(() => document.querySelector('aloud-player')?.shadowRoot?.querySelector('#progress'));

      const sizes = await page.evaluate(() =>
        Array.from(document.querySelector('aloud-player')?.shadowRoot?.querySelectorAll('button, input, select') ?? [])
          .filter((control) => !control.closest('dialog:not([open]), [hidden]'))
          .map((control) => {
            const box = control.getBoundingClientRect();
            return { name: control.textContent?.trim() || control.id, width: box.width, height: box.height };
          }),
      );
      assert.ok(sizes.length >= 6, `controls: ${JSON.stringify(sizes)}`);
      for (const size of sizes) assert.ok(size.width >= 24 && size.height >= 24, `too small: ${JSON.stringify(size)}`);

      const violations = await runAxe(page, 'aloud-player');
      assert.equal(violations.length, 0, formatViolations(violations));

      await shadowButton(page, 0);
      await page.waitForFunction(() => (window as unknown as Probe).__ended === 1, { timeout: 10_000 });
      const spoken = await page.evaluate(() =>
        (window as unknown as Probe).__fakeSpeech.spoken.map((utterance) => utterance.text),
      );
      assert.deepEqual(spoken, [
        'Bridge repairs finish early',
        'Work on the old stone bridge ended two weeks ahead of schedule.',
        'Traffic returns to both lanes on Friday.',
      ]);

      assert.deepEqual(await hostStyles(page), baseline, 'no host element changed style');
      const problems = await built.problems();
      assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], failedRequests: [], cspViolations: [] });
      // Resource timing sees every fetch since navigation, lazy chunks included.
      const requests = await page.evaluate(() => [
        location.href,
        ...performance.getEntriesByType('resource').map((entry) => entry.name),
      ]);
      const hostOrigin = new URL(built.url).origin;
      const assetOrigin = new URL(assets.url).origin;
      const elsewhere = requests.filter((url) => ![hostOrigin, assetOrigin].includes(new URL(url).origin));
      assert.deepEqual(elsewhere, [], 'no network beyond the host and the player’s own files');
      assert.ok(
        requests.some((url) => url.startsWith(assets.url) && /\/assets\/reading-/.test(url)),
        'the lazy chunk came from the asset origin',
      );
    } finally {
      await built.close();
    }
  });

  it('with two players (and the script loaded twice), starting the second pauses the first', async () => {
    const built = await openHost('two-players.html', 'manual');
    const { page } = built;
    try {
      await page.waitForFunction(() =>
        Array.from(document.querySelectorAll('aloud-player')).every(
          (player) => (player as HTMLElement & { paragraphCount: number }).paragraphCount > 0,
        ),
      );
      const state = () =>
        page.evaluate(() =>
          Array.from(
            document.querySelectorAll('aloud-player'),
            (player) => (player as HTMLElement & { paused: boolean }).paused,
          ),
        );
      await shadowButton(page, 0);
      await page.evaluate(() => (window as unknown as Probe).__fakeSpeech.start());
      await page.waitForFunction(
        () => !(document.querySelector('aloud-player') as HTMLElement & { paused: boolean }).paused,
      );
      assert.deepEqual(await state(), [false, true]);

      await shadowButton(page, 1);
      await page.evaluate(() => (window as unknown as Probe).__fakeSpeech.start());
      await page.waitForFunction(
        () => !(document.querySelectorAll('aloud-player')[1] as HTMLElement & { paused: boolean }).paused,
      );
      assert.deepEqual(await state(), [true, false]);
      const spoken = await page.evaluate(() =>
        (window as unknown as Probe).__fakeSpeech.spoken.map((utterance) => utterance.text),
      );
      assert.deepEqual(spoken, ['First story', 'Second story']);

      const names = await page.evaluate(() =>
        Array.from(document.querySelectorAll('aloud-player'), (player) =>
          player.shadowRoot?.querySelector('[part="region"]')?.getAttribute('aria-label'),
        ),
      );
      assert.deepEqual(names, ['Listen: First story', 'Listen: Second story']);
      const problems = await built.problems();
      assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], failedRequests: [], cspViolations: [] });
    } finally {
      await built.close();
    }
  });

  /** What the listener sees of the first player: Play's state, the status line and the error line. */
  function playerView(page: Page) {
    return page.evaluate(() => {
      const root = document.querySelector('aloud-player')?.shadowRoot;
      return {
        playDisabled: root?.querySelector<HTMLButtonElement>('button.primary')?.disabled ?? null,
        status: root?.querySelector('[role="status"]')?.textContent?.trim() ?? null,
        alert: root?.querySelector('[role="alert"]')?.textContent?.trim() ?? null,
      };
    });
  }

  it('on a slow connection, shows the player at once and keeps what the host asked for until the lazy chunk arrives', async () => {
    const held: HTTPRequest[] = [];
    let released = false;
    // Held until released; what the chunks import after that goes through at once.
    const built = await openHost('host.html', 'auto', (request) =>
      released ? void request.continue() : held.push(request),
    );
    const { page } = built;
    try {
      await page.waitForFunction(() =>
        document.querySelector('aloud-player')?.shadowRoot?.querySelector('[role="toolbar"]'),
      );
      await waitFor(() => held.length > 0, 'the page asks for the lazy chunk', 10_000);
      // Nothing is indexed yet: Play is disabled, not a button that does nothing.
      assert.deepEqual(await playerView(page), { playDisabled: true, status: '', alert: '' });
      const loading = await runAxe(page, 'aloud-player');
      assert.equal(loading.length, 0, formatViolations(loading));

      // The host's own script calls the API before the chunk is there.
      await page.evaluate(() => {
        const player = document.querySelector('aloud-player') as HostPlayer;
        player.playbackRate = 1.5;
        (window as unknown as Probe).__play = player.play().then(
          () => 'played',
          (error: Error) => `rejected: ${error.message}`,
        );
      });
      assert.equal(await page.evaluate(() => (document.querySelector('aloud-player') as HostPlayer).playbackRate), 1.5);
      assert.equal(
        await page.evaluate(() => (window as unknown as Probe).__fakeSpeech.spoken.length),
        0,
        'nothing spoken before the chunk',
      );

      released = true;
      for (const request of held) void request.continue();
      assert.equal(await page.evaluate(() => (window as unknown as Probe).__play), 'played');
      const first = await page.evaluate(() => (window as unknown as Probe).__fakeSpeech.spoken[0]);
      assert.deepEqual(first, { ...first, text: 'Bridge repairs finish early', rate: 1.5 });
      await page.waitForFunction(
        () =>
          document.querySelector('aloud-player')?.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim() ===
          'Playing',
      );
      const problems = await built.problems();
      assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], failedRequests: [], cspViolations: [] });
    } finally {
      await built.close();
    }
  });

  it('when the lazy chunk cannot be fetched, says so in words and play() rejects with that reason', async () => {
    const built = await openHost('host.html', 'auto', (request) => void request.abort('failed'));
    const { page } = built;
    const message = "Couldn't load the player. Check your connection, then reload the page.";
    try {
      await page.waitForFunction(() =>
        document.querySelector('aloud-player')?.shadowRoot?.querySelector('[role="alert"] p'),
      );
      assert.deepEqual(await playerView(page), { playDisabled: true, status: '', alert: message });
      const outcome = await page.evaluate(() =>
        (document.querySelector('aloud-player') as HostPlayer).play().then(
          () => 'played',
          (error: Error) => error.message,
        ),
      );
      assert.equal(outcome, message);
      const violations = await runAxe(page, 'aloud-player');
      assert.equal(violations.length, 0, formatViolations(violations));
      const problems = await built.problems();
      // The aborted request is the only thing that went wrong: no exception reached the page.
      assert.deepEqual(problems.pageErrors, []);
      assert.ok(
        problems.failedRequests.length > 0 &&
          problems.failedRequests.every((line) => /\/assets\/(reading|late)-/.test(line)),
        problems.failedRequests.join('\n'),
      );
      assert.ok(
        problems.consoleErrors.every((line) => /\/assets\/(reading|late)-|Failed to load resource/.test(line)),
        problems.consoleErrors.join('\n'),
      );
    } finally {
      await built.close();
    }
  });
});

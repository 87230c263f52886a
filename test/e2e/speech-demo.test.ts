/**
 * dist/speech-demo.html: a plain Web Speech page (MDN's speech synthesiser,
 * written here) that imports the built polyfill.js and changes nothing
 * else, in the system Chromium, whose own speechSynthesis lists no voices
 * here. Run `npm run build` first. Also: the polyfill imported by another
 * origin's page, under the CSP the README documents.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { formatViolations, launchBrowser, openBuiltPage, runAxe } from '../helpers/browser.ts';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';
import { cdnCsp, MINIMAL_CSP, PROBE_WEB_AUDIO, type AudioProbeWindow } from '../helpers/audio-probe.ts';

const ENGINE_FILES = /espeak\.worker-[\w-]+\.js|espeak-ng-\w+-[\w-]+\.data|builtin-engine/;

const view = (page: Page) =>
  page.evaluate(() => ({
    voices: Array.from(document.querySelectorAll('#voice option'), (option) => option.textContent ?? ''),
    status: document.querySelector('#status')?.textContent ?? '',
    events: Array.from(document.querySelectorAll('#events li'), (item) => item.textContent ?? ''),
    peaks: (window as unknown as AudioProbeWindow).__buffers.map((buffer) => buffer.peak),
  }));

async function until(page: Page, check: (state: Awaited<ReturnType<typeof view>>) => boolean, what: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const state = await view(page);
    if (check(state)) return state;
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}: ${JSON.stringify(state)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the plain Web Speech demo page, with the polyfill', { timeout: 180_000 }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('is an ordinary page: its one script imports polyfill.js; no inline script or style', async () => {
    const html = await readFile('dist/speech-demo.html', 'utf8');
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.deepEqual(
      scripts.map((tag) => tag.replace(/\s+>/, '>')),
      ['<script type="module" src="./speech-demo.js">'],
    );
    assert.doesNotMatch(html, /<style|\sstyle=/);
    const script = await readFile('dist/speech-demo.js', 'utf8');
    assert.deepEqual(script.match(/^import .*$/gm), ["import { install } from './polyfill.js';"]);
  });

  it('fills the voice list, speaks aloud with start, word and sentence boundaries and end, then Arabic', async () => {
    const requests: string[] = [];
    const built = await openBuiltPage(browser, {
      path: 'speech-demo.html',
      csp: MINIMAL_CSP,
      beforeLoad: async (page) => {
        page.on('request', (request) => requests.push(request.url()));
        await page.evaluateOnNewDocument(PROBE_WEB_AUDIO);
      },
    });
    const { page } = built;
    try {
      const ready = await until(page, (state) => state.voices.length > 0, 'the voice list fills');
      assert.ok(ready.voices.includes('English, America (built-in) (en-US) — default'), ready.voices.join(' | '));
      assert.ok(ready.voices.includes('Arabic (built-in) (ar)'));
      assert.deepEqual(
        requests.filter((url) => ENGINE_FILES.test(url)),
        [],
        'nothing of the engine before Speak',
      );
      assert.equal(formatViolations(await runAxe(page)), '');

      await page.click('#speak');
      const done = await until(page, (state) => state.events.includes('end'), 'the utterance ends');
      assert.equal(done.events[0], 'start');
      const words = done.events
        .filter((event) => event.startsWith('boundary (word)'))
        .map((event) => event.split(': ')[1]);
      assert.deepEqual(words.slice(0, 4), ['The', 'quick', 'brown', 'fox']);
      assert.equal(done.events.filter((event) => event.startsWith('boundary (sentence)')).length, 2);
      assert.match(done.status, /^Finished, after \d+\.\d seconds\.$/);
      assert.ok(
        done.peaks.some((peak) => peak > 0.1),
        'audible audio was played',
      );
      assert.equal(formatViolations(await runAxe(page)), '');
      assert.ok(requests.some((url) => /espeak-ng-en-[\w-]+\.data$/.test(url)));
      assert.ok(!requests.some((url) => /espeak-ng-ar-/.test(url)), 'no Arabic data for English');

      await page.select(
        '#voice',
        await page.$eval('#voice', (select) => {
          const arabic = Array.from((select as HTMLSelectElement).options).find((option) =>
            option.text.startsWith('Arabic'),
          );
          return arabic?.value ?? '';
        }),
      );
      await page.$eval('#text', (text) => ((text as HTMLTextAreaElement).value = 'صباح الخير للجميع.'));
      const heard = done.peaks.length;
      await page.click('#speak');
      const arabic = await until(
        page,
        (state) => state.events.filter((event) => event === 'end').length === 2,
        'Arabic ends',
      );
      assert.ok(
        arabic.peaks.slice(heard).some((peak) => peak > 0.1),
        'Arabic was heard',
      );
      assert.equal(requests.filter((url) => /espeak-ng-ar-[\w-]+\.data$/.test(url)).length, 1);
      assert.deepEqual(await built.problems(), {
        consoleErrors: [],
        pageErrors: [],
        failedRequests: [],
        cspViolations: [],
      });
    } finally {
      await built.close();
    }
  });

  describe('polyfill.js imported from another origin', () => {
    let assets: StaticServer;
    let hostDir: string;
    before(async () => {
      assets = await startStaticServer({
        root: 'dist',
        basePath: '/cdn/aloud/',
        csp: false,
        headers: { 'Access-Control-Allow-Origin': '*' },
      });
      hostDir = await mkdtemp(join(tmpdir(), 'aloud-polyfill-host-'));
      await writeFile(
        join(hostDir, 'host.html'),
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>' +
          '<link rel="icon" href="./favicon.svg" type="image/svg+xml">' +
          '<script type="module" src="./host.js"></script></head>' +
          '<body><main><button id="say" type="button">Say it</button><ol id="events"></ol></main></body></html>',
      );
      await writeFile(join(hostDir, 'favicon.svg'), await readFile('public/favicon.svg', 'utf8'));
      await writeFile(
        join(hostDir, 'host.js'),
        `import { install } from '${assets.url}polyfill.js';
install({ when: 'always' });
document.querySelector('#say').addEventListener('click', () => {
  const utterance = new SpeechSynthesisUtterance('Hello from another origin.');
  for (const type of ['start', 'boundary', 'end', 'error'])
    utterance.addEventListener(type, (event) => {
      const item = document.createElement('li');
      item.textContent = type === 'error' ? 'error ' + event.error : type;
      document.querySelector('#events').append(item);
    });
  speechSynthesis.speak(utterance);
});
`,
      );
    });
    after(async () => {
      await assets?.close();
      if (hostDir) await rm(hostDir, { recursive: true, force: true });
    });

    it('speaks, with its worker started through blob: and its data from the CDN, under the documented CSP', async () => {
      const origin = new URL(assets.url).origin;
      const requests: string[] = [];
      const built = await openBuiltPage(browser, {
        root: hostDir,
        basePath: '/',
        path: 'host.html',
        csp: cdnCsp(origin),
        beforeLoad: async (page) => {
          page.on('request', (request) => requests.push(request.url()));
          await page.evaluateOnNewDocument(PROBE_WEB_AUDIO);
        },
      });
      const { page } = built;
      try {
        await page.click('#say');
        const done = await until(
          page,
          (state) => state.events.includes('end') || state.events.some((e) => e.startsWith('error')),
          'it ends',
        );
        assert.deepEqual([done.events[0], done.events.at(-1)], ['start', 'end']);
        assert.ok(done.events.includes('boundary'));
        assert.ok(done.peaks.some((peak) => peak > 0.1));
        assert.ok(requests.some((url) => url.startsWith(origin) && /espeak\.worker-/.test(url)));
        assert.ok(requests.some((url) => url.startsWith(origin) && /espeak-ng-en-/.test(url)));
        assert.deepEqual(await built.problems(), {
          consoleErrors: [],
          pageErrors: [],
          failedRequests: [],
          cspViolations: [],
        });
      } finally {
        await built.close();
      }
    });
  });
});

/**
 * The built-in voice on the built page (run `npm run build` first), in the
 * system Chromium, where the browser has no voice of its own: with
 * `speechSynthesis` deleted, with headless Chromium's real one (no voices:
 * every utterance fails), from another origin, and "Download audio".
 * Pressing Play is a real (trusted) click, as a listener's is.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { splitSentences } from '../../src/core/content/sentences.ts';
import { launchBrowser, openBuiltPage, type BuiltPage } from '../helpers/browser.ts';
import { plainTypography, readSeed } from '../helpers/seed.ts';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';
import { cdnCsp, DELETE_SPEECH, MINIMAL_CSP, PROBE_WEB_AUDIO, type AudioProbeWindow } from '../helpers/audio-probe.ts';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

const view = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('aloud-player')?.shadowRoot;
    return {
      status: root?.querySelector('[role="status"]')?.textContent?.trim() ?? '',
      alert: root?.querySelector('[role="alert"]')?.textContent?.trim() ?? '',
      mark: root?.querySelector('[part="captions"] mark')?.textContent ?? '',
      buffers: (window as unknown as AudioProbeWindow).__buffers,
    };
  });

/** Polls the page until `check` holds, collecting every caption mark seen on the way. */
async function watch(
  page: Page,
  check: (state: Awaited<ReturnType<typeof view>>) => boolean,
  what: string,
  marks: string[] = [],
  timeoutMs = 20_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await view(page);
    if (state.mark && marks.at(-1) !== state.mark) marks.push(state.mark);
    if (check(state)) return state;
    if (Date.now() > deadline)
      throw new Error(
        `Timed out waiting until ${what}: ${JSON.stringify({ ...state, buffers: state.buffers.length, marks })}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

async function pressPlay(page: Page): Promise<void> {
  const play = await page.waitForSelector('aloud-player >>> button.primary');
  await play?.click();
}

/** Plays, then checks real audio went out and the captions followed several words. */
async function expectBuiltInReading(
  built: BuiltPage,
  requests: string[],
  firstWords = ['We', 'Are', 'Being'],
): Promise<void> {
  const { page } = built;
  assert.ok(!requests.some((url) => /espeak|builtin-engine/.test(url)), 'nothing of the engine loads before Play');
  await pressPlay(page);
  const marks: string[] = [];
  const state = await watch(
    page,
    (current) => current.status === 'Playing, with the built-in voice',
    'the built-in voice plays',
    marks,
  );
  await watch(page, () => marks.length >= 6, 'the captions follow several words', marks);
  assert.equal(state.alert, '');
  // The first words, in order (a busy machine may skip showing one).
  assert.ok(firstWords.includes(marks[0] ?? ''), `captions: ${marks.join(' ')}`);
  assert.ok(marks.slice(0, 3).filter((mark) => firstWords.includes(mark)).length >= 2, `captions: ${marks.join(' ')}`);
  const audible = state.buffers.filter((buffer) => buffer.peak > 0.1);
  assert.ok(audible.length > 0, `audible buffers: ${JSON.stringify(state.buffers)}`);
  assert.ok(
    requests.some((url) => /espeak\.worker-[\w-]+\.js$/.test(url)) &&
      requests.some((url) => /espeak-ng-en-[\w-]+\.data$/.test(url)),
  );
  const problems = await built.problems();
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], failedRequests: [], cspViolations: [] });
}

describe('the built-in voice on the built page', { timeout: 240_000 }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('keeps the engine out of aloud.js and ships its licence and source pointer beside it', async () => {
    const embed = await readFile('dist/aloud.js', 'utf8');
    assert.ok(!/eSpeakNGWorker|espeak-ng\.data/.test(embed), 'no eSpeak code in aloud.js');
    const source = await readFile('dist/assets/espeak-ng-SOURCE.txt', 'utf8');
    assert.match(source, /GPL-3\.0/);
    assert.match(source, /github\.com\/espeak-ng\/espeak-ng/);
    assert.match(await readFile('dist/assets/espeak-ng-LICENSE.txt', 'utf8'), /GNU GENERAL PUBLIC LICENSE\s+Version 3/);
  });

  it('with speechSynthesis deleted: Play reads through Web Audio, captions follow, under a CSP without wasm-unsafe-eval', async () => {
    const requests: string[] = [];
    const built = await openBuiltPage(browser, {
      csp: MINIMAL_CSP,
      beforeLoad: async (page) => {
        page.on('request', (request) => requests.push(request.url()));
        await page.evaluateOnNewDocument(PROBE_WEB_AUDIO);
        await page.evaluateOnNewDocument(DELETE_SPEECH);
      },
    });
    try {
      await expectBuiltInReading(built, requests);
    } finally {
      await built.close();
    }
  });

  it("with headless Chromium's own speechSynthesis (no voices, every utterance fails): switches and reads", async () => {
    const requests: string[] = [];
    const built = await openBuiltPage(browser, {
      beforeLoad: async (page) => {
        page.on('request', (request) => requests.push(request.url()));
        await page.evaluateOnNewDocument(PROBE_WEB_AUDIO);
      },
    });
    try {
      await expectBuiltInReading(built, requests);
    } finally {
      await built.close();
    }
  });

  describe('aloud.js from another origin', () => {
    let assets: StaticServer;
    let hostDir: string;
    before(async () => {
      assets = await startStaticServer({
        root: 'dist',
        basePath: '/cdn/aloud/',
        csp: false,
        headers: { 'Access-Control-Allow-Origin': '*' },
      });
      // The embed suite's host page, its snippet pointing at the asset server.
      hostDir = await mkdtemp(join(tmpdir(), 'aloud-builtin-host-'));
      for (const name of ['host.html', 'host.css', 'favicon.svg']) {
        const text = await readFile(new URL(`../fixtures/embed-host/${name}`, import.meta.url), 'utf8');
        await writeFile(join(hostDir, name), text.replaceAll('%ASSETS%', assets.url));
      }
    });
    after(async () => {
      await assets?.close();
      if (hostDir) await rm(hostDir, { recursive: true, force: true });
    });

    it("starts the worker through a blob: module worker and fetches its data from the script's origin", async () => {
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
          await page.evaluateOnNewDocument(DELETE_SPEECH);
        },
      });
      try {
        await expectBuiltInReading(built, requests, ['Bridge', 'repairs', 'finish']);
        assert.ok(
          requests.some((url) => url.startsWith(origin) && /espeak\.worker-/.test(url)),
          'the worker script comes from the CDN',
        );
      } finally {
        await built.close();
      }
    });
  });

  it('"Download audio" gives a WAV file and WebVTT captions whose cues are the article\'s sentences', async () => {
    const built = await openBuiltPage(browser, {
      beforeLoad: async (page) => {
        await page.evaluateOnNewDocument(DELETE_SPEECH);
      },
    });
    const { page } = built;
    try {
      // More, then its "Download audio", which opens the settings at the download.
      await (await page.waitForSelector('aloud-player >>> #more-button'))?.click();
      await (await page.waitForSelector('aloud-player >>> .more-menu .menu-item:last-child'))?.click();
      await (await page.waitForSelector('aloud-player >>> #download-start'))?.click();
      // Polled: waitForSelector watches the document's mutations, not the player's shadow root.
      const deadline = Date.now() + 60_000;
      while (
        !(await page.evaluate(() =>
          Boolean(document.querySelector('aloud-player')?.shadowRoot?.querySelector('#download-captions-link')),
        ))
      ) {
        if (Date.now() > deadline) throw new Error('the download never finished');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // Saved the way a listener saves them: clicking the links, into a folder.
      const downloads = await mkdtemp(join(tmpdir(), 'aloud-downloads-'));
      const cdp = await browser.target().createCDPSession();
      await cdp.send('Browser.setDownloadBehavior', {
        behavior: 'allow',
        downloadPath: downloads,
        eventsEnabled: true,
      });
      let completed = 0;
      cdp.on('Browser.downloadProgress', (event) => {
        if (event.state === 'completed') completed++;
      });
      const names = await page.evaluate(() => {
        const root = document.querySelector('aloud-player')?.shadowRoot;
        return ['#download-audio-link', '#download-captions-link'].map(
          (id) => root?.querySelector<HTMLAnchorElement>(id)?.download ?? '',
        );
      });
      assert.deepEqual(names, [
        'we-are-being-killed-desperate-calls-from-aleppo-as-assad.wav',
        'we-are-being-killed-desperate-calls-from-aleppo-as-assad.vtt',
      ]);
      for (const id of ['#download-audio-link', '#download-captions-link'])
        await (await page.$(`aloud-player >>> ${id}`))?.click();
      const until = Date.now() + 20_000;
      while (completed < 2 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
      const wav = await readFile(join(downloads, names[0] ?? ''));
      const files = {
        wavHeader: [...wav.subarray(0, 44)],
        wavBytes: wav.byteLength,
        vtt: await readFile(join(downloads, names[1] ?? ''), 'utf8'),
      };
      await cdp.detach();
      await rm(downloads, { recursive: true, force: true });
      const header = Buffer.from(files.wavHeader);
      assert.equal(header.toString('ascii', 0, 4), 'RIFF');
      assert.equal(header.toString('ascii', 8, 16), 'WAVEfmt ');
      assert.equal(header.readUInt32LE(24), 22050);
      assert.equal(header.readUInt32LE(40), files.wavBytes - 44);
      const seconds = (files.wavBytes - 44) / 2 / 22050;
      assert.ok(seconds > 60, `${seconds} s of audio`);

      const seed = readSeed();
      const sentences = [seed.headline, ...seed.paragraphs].flatMap((text) =>
        splitSentences(squash(text), 'en').map((sentence) => sentence.text),
      );
      assert.match(files.vtt, /^WEBVTT\n/);
      const cues = [...files.vtt.matchAll(/\n(\d\d):(\d\d):(\d\d\.\d{3}) --> (\d\d):(\d\d):(\d\d\.\d{3})\n(.+)\n/g)];
      assert.deepEqual(
        cues.map((cue) => plainTypography(squash(cue[7] ?? '').replace(/&amp;/g, '&'))),
        sentences.map((sentence) => plainTypography(squash(sentence))),
      );
      const at = (hours = '0', minutes = '0', secs = '0') => Number(hours) * 3600 + Number(minutes) * 60 + Number(secs);
      const last = cues.at(-1);
      assert.ok(last && Math.abs(at(last[4], last[5], last[6]) - seconds) < 0.01, 'the last cue ends with the audio');
      const problems = await built.problems();
      assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], failedRequests: [], cspViolations: [] });
    } finally {
      await built.close();
    }
  });
});

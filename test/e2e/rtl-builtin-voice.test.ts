/**
 * The Arabic demo (dist/rtl-demo.html) where the browser has no speech at
 * all: the player reads Arabic with the built-in eSpeak-NG voice, whose
 * Arabic data is fetched only then. Run `npm run build` first. Play is a
 * real (trusted) click, as a listener's is.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { launchBrowser, openBuiltPage } from '../helpers/browser.ts';
import { DELETE_SPEECH, PROBE_WEB_AUDIO, type AudioProbeWindow } from '../helpers/audio-probe.ts';

describe('the Arabic demo with no speech in the browser', { timeout: 120_000 }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('reads Arabic aloud with the built-in voice, its captions following Arabic words', async () => {
    const requests: string[] = [];
    const built = await openBuiltPage(browser, {
      path: 'rtl-demo.html',
      beforeLoad: async (page) => {
        page.on('request', (request) => requests.push(request.url()));
        await page.evaluateOnNewDocument(PROBE_WEB_AUDIO);
        await page.evaluateOnNewDocument(DELETE_SPEECH);
      },
    });
    const { page } = built;
    try {
      assert.ok(!requests.some((url) => /espeak/.test(url)), 'nothing of the voice before Play');
      await (await page.waitForSelector('aloud-player >>> button.primary'))?.click();
      const marks: string[] = [];
      const deadline = Date.now() + 30_000;
      let state = { alert: '', mark: '', peaks: [] as number[] };
      while (marks.length < 4) {
        state = await page.evaluate(() => {
          const root = document.querySelector('aloud-player')?.shadowRoot;
          return {
            alert: root?.querySelector('[role="alert"]')?.textContent?.trim() ?? '',
            mark: root?.querySelector('[part="captions"] mark')?.textContent ?? '',
            peaks: (window as unknown as AudioProbeWindow).__buffers.map((buffer) => buffer.peak),
          };
        });
        if (state.mark && marks.at(-1) !== state.mark) marks.push(state.mark);
        if (Date.now() > deadline) throw new Error(`no Arabic reading: ${JSON.stringify({ ...state, marks })}`);
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
      assert.equal(state.alert, '');
      assert.ok(
        marks.every((mark) => /[\u0600-\u06ff]/.test(mark)),
        `captions: ${marks.join(' ')}`,
      );
      assert.ok(
        state.peaks.some((peak) => peak > 0.1),
        'audible Arabic',
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
});

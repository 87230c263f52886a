/**
 * The built page (`dist/`, run `npm run build` first) in WebKitGTK, the
 * nearest to Safari that runs on Linux, driven over W3C WebDriver with real
 * clicks and key presses, and listened to on PulseAudio's null sink: what
 * the test hears is what a listener would. Its own voices are Flite's (no
 * word boundaries, rate ignored, `start` fired inside `speak()`); the
 * built-in voice is eSpeak-NG through Web Audio. Needs test/webkit/setup.sh.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { performance } from 'node:perf_hooks';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';
import { SinkRecorder } from './sink-recorder.ts';
import { startWebKitServices, type WebKitServices } from './services.ts';
import { WebDriverSession } from './webdriver.ts';

/** What the listener sees, read from the page; `said` is every text the status line showed, in order. */
interface View {
  readonly status: string;
  readonly alert: string;
  readonly paused: boolean;
  readonly paragraph: number;
  readonly said: readonly string[];
  readonly plays: number;
}

/**
 * Keeps a log of the status line and of `play` events from the moment the
 * page is ready. Source text: it runs in the page, not in Node.
 */
const WATCH = `
  const player = document.querySelector('aloud-player');
  const status = player.shadowRoot.querySelector('[role="status"]');
  window.__said = [];
  window.__plays = 0;
  player.addEventListener('play', () => window.__plays++);
  new MutationObserver(() => {
    const text = status.textContent.trim();
    if (window.__said.at(-1) !== text) window.__said.push(text);
  }).observe(status, { childList: true, subtree: true, characterData: true });`;

const VIEW = `
  const player = document.querySelector('aloud-player');
  const root = player.shadowRoot;
  return {
    status: root.querySelector('[role="status"]')?.textContent.trim() ?? '',
    alert: root.querySelector('[role="alert"]')?.textContent.trim() ?? '',
    paused: player.paused,
    paragraph: player.currentParagraph,
    said: window.__said ?? [],
    plays: window.__plays ?? 0,
  };`;

/** "Using the built-in voice", "Playing, with the built-in voice": the switch, not the speed notice that names it. */
const BUILT_IN = /(Using|with) the built-in voice/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(
  'WebKitGTK: the built page, its own voice and the built-in voice, heard on the sink',
  { timeout: 240_000 },
  () => {
    let services: WebKitServices;
    let server: StaticServer;
    let session: WebDriverSession;
    let ears: SinkRecorder;

    const view = () => session.execute<View>(VIEW);

    async function until(check: (seen: View) => boolean, what: string, timeoutMs = 15_000): Promise<View> {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const seen = await view();
        if (check(seen)) return seen;
        if (performance.now() > deadline)
          throw new Error(`${what}: not within ${timeoutMs} ms (${JSON.stringify(seen)})`);
        await sleep(100);
      }
    }

    /** Opens the article with `engine` on the player, and clicks Play as a listener does; returns when. */
    async function openAndPlay(engine: 'auto' | 'built-in', rate = 1): Promise<number> {
      // MiniBrowser keeps localStorage from run to run: forget the speed and place remembered there.
      await session.navigate(server.url);
      await session.execute('localStorage.clear();');
      await session.navigate(server.url);
      await session.execute(
        `const player = document.querySelector('aloud-player');
         return player.updateComplete.then(() => {
           player.setAttribute('engine', arguments[0]);
           player.playbackRate = arguments[1];
         });`,
        engine,
        rate,
      );
      await until((seen) => seen.status !== undefined && seen.paragraph === 0, 'the player renders');
      await session.execute(WATCH);
      const play = await session.execute<Parameters<WebDriverSession['click']>[0]>(
        `return document.querySelector('aloud-player').shadowRoot.querySelector('button.primary')`,
      );
      const clickedAt = performance.now();
      await session.click(play);
      return clickedAt;
    }

    /** K, then K again: the sink must go quiet within 500 ms and sound again. Returns the silence's latency. */
    async function pauseAndResumeByEar(): Promise<number> {
      await ears.soundAfter(performance.now() - 100, 10_000);
      const pressedAt = performance.now();
      await session.keys('k');
      const quietAt = await ears.silenceAfter(pressedAt, 1500, 5000);
      const seen = await until((state) => state.paused, 'K pauses');
      assert.equal(seen.status, 'Paused');
      const resumedAt = performance.now();
      await session.keys('k');
      const soundAt = await ears.soundAfter(resumedAt, 10_000);
      await until((state) => !state.paused && state.status === 'Playing', 'the second K plays again');
      console.log(
        `# K: quiet ${Math.round(quietAt - pressedAt)} ms after; second K: sound ${Math.round(soundAt - resumedAt)} ms after`,
      );
      return quietAt - pressedAt;
    }

    before(async () => {
      services = await startWebKitServices();
      server = await startStaticServer({ basePath: '/news/' });
      session = await WebDriverSession.start(services.driverUrl);
      ears = new SinkRecorder(services.env);
    });

    after(async () => {
      ears?.stop();
      await session?.close();
      await server?.close();
      await services?.stop();
    });

    beforeEach(async () => {
      // Each test starts from a page that says nothing: no speech left over from the last one.
      await session.navigate('about:blank');
      await ears.silenceAfter(performance.now(), 300, 10_000);
    });

    it('Play reaches "playing" with the Flite voice, and the sink hears it', async () => {
      const clickedAt = await openAndPlay('auto');
      const soundAt = await ears.soundAfter(clickedAt, 10_000);
      const seen = await until((state) => state.status === 'Playing', 'the status says Playing');
      assert.equal(seen.paused, false);
      assert.equal(seen.plays, 1, 'one play event');
      assert.equal(seen.alert, '');
      assert.ok(
        !seen.said.some((text) => BUILT_IN.test(text)),
        `the browser's own voice, not the built-in one: ${seen.said.join(' | ')}`,
      );
      assert.equal(await session.execute('return speechSynthesis.speaking'), true);
      console.log(`# Flite: first sound ${Math.round(soundAt - clickedAt)} ms after the click`);
    });

    it('K silences the Flite voice within 500 ms, from the second sentence on too, and the second K brings it back', async () => {
      await openAndPlay('auto');
      await until((state) => state.paragraph >= 1, 'reading reaches the second paragraph', 40_000);
      assert.ok((await pauseAndResumeByEar()) <= 500);
      // And once more, later, after more sentences have ended and started.
      await sleep(4000);
      assert.ok((await pauseAndResumeByEar()) <= 500);
      const seen = await view();
      assert.equal(seen.alert, '');
    });

    it('at 3× the Flite voice reads on without a false timeout, and the listener is told it cannot change speed', async () => {
      const clickedAt = await openAndPlay('auto', 1);
      await until((state) => state.paragraph >= 1, 'two sentences at 1×', 40_000);
      await session.execute(`document.querySelector('aloud-player').playbackRate = 3;`);
      const fastFrom = await view();
      // Long enough for the sentences that used to be cut off after about 13 s.
      await sleep(30_000);
      const seen = await view();
      assert.equal(seen.alert, '', 'no error');
      assert.ok(
        !seen.said.some((text) => BUILT_IN.test(text)),
        `no switch to the built-in voice: ${seen.said.join(' | ')}`,
      );
      assert.ok(
        seen.paragraph > fastFrom.paragraph,
        `reading went on (paragraph ${fastFrom.paragraph} → ${seen.paragraph})`,
      );
      assert.ok(
        seen.said.includes('This voice cannot change speed. The built-in voice, in Settings, can.'),
        seen.said.join(' | '),
      );
      assert.ok(ears.soundBetween(performance.now() - 10_000, performance.now()) > 3000, 'still heard');
      console.log(`# 3×: paragraph ${seen.paragraph} after ${Math.round((performance.now() - clickedAt) / 1000)} s`);
    });

    it('the built-in voice (engine="built-in") plays, pauses within 500 ms and resumes, by ear', async () => {
      const clickedAt = await openAndPlay('built-in');
      const soundAt = await ears.soundAfter(clickedAt, 15_000);
      await until((state) => state.status.startsWith('Playing'), 'the status says Playing');
      console.log(`# built-in: first sound ${Math.round(soundAt - clickedAt)} ms after the click`);
      assert.ok((await pauseAndResumeByEar()) <= 500);
      const seen = await view();
      assert.equal(seen.alert, '');
      assert.equal(await session.execute('return speechSynthesis.speaking'), false, 'Flite is not speaking');
    });

    it('when the Flite voice stops answering mid-article, the built-in voice takes over from a timer and is heard', async () => {
      await openAndPlay('auto');
      await until((state) => state.paragraph >= 1, 'reading reaches the second paragraph', 40_000);
      // From now on the browser takes utterances and never speaks them: the watchdog's case.
      await session.execute(`speechSynthesis.speak = () => undefined;`);
      const brokeAt = performance.now();
      const seen = await until(
        (state) => state.said.some((text) => BUILT_IN.test(text)),
        'the switch is announced',
        30_000,
      );
      assert.equal(seen.alert, '', 'no "the browser blocked speech"');
      // The sentence Flite was speaking ends; the next one is never spoken; then the built-in voice.
      const quietAt = await ears.silenceAfter(brokeAt, 1500, 20_000);
      const soundAt = await ears.soundAfter(quietAt + 1500, 20_000);
      await sleep(3000);
      assert.ok(ears.soundBetween(soundAt, performance.now()) > 1000, 'the built-in voice goes on being heard');
      const after = await view();
      assert.equal(after.alert, '');
      assert.equal(after.paused, false);
      console.log(`# fallback: built-in voice heard ${Math.round(soundAt - brokeAt)} ms after Flite stopped answering`);
    });
  },
);

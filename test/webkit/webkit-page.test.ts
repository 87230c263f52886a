/**
 * The built page in WebKitGTK, beyond speech: the slider thumb takes
 * `--aloud-accent` (WebKit ignores `accent-color` for it), and audio that the
 * browser keeps blocked is said in words, with the place kept for the next
 * Play. Needs test/webkit/setup.sh and `npm run build`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { performance } from 'node:perf_hooks';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';
import { SinkRecorder } from './sink-recorder.ts';
import { startWebKitServices, type WebKitServices } from './services.ts';
import { WebDriverSession, type ElementRef } from './webdriver.ts';

/** A red no theme would give by chance. */
const ACCENT = { css: '#c0182b', rgb: [192, 24, 43] } as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('WebKitGTK: the slider theme, and blocked audio', { timeout: 120_000 }, () => {
  let services: WebKitServices;
  let server: StaticServer;
  let session: WebDriverSession;
  let ears: SinkRecorder;

  const inPlayer = (selector: string) =>
    session.execute<ElementRef>(
      `return document.querySelector('aloud-player').shadowRoot.querySelector(arguments[0])`,
      selector,
    );

  async function until<T>(script: string, check: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const value = await session.execute<T>(script);
      if (check(value)) return value;
      if (performance.now() > deadline)
        throw new Error(`${what}: not within ${timeoutMs} ms (${JSON.stringify(value)})`);
      await sleep(100);
    }
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

  it('the slider thumb is painted in --aloud-accent', async () => {
    await session.navigate(server.url);
    await session.execute(
      `document.querySelector('aloud-player').style.setProperty('--aloud-accent', arguments[0]);`,
      ACCENT.css,
    );
    await until<boolean>(
      `return !!document.querySelector('aloud-player').shadowRoot.querySelector('input[type=range]')`,
      Boolean,
      'the slider renders',
    );
    // The viewport, cropped to the slider: WebKitGTK's element screenshots come out black inside a shadow root.
    await session.execute(
      `document.querySelector('aloud-player').shadowRoot.querySelector('input[type=range]').scrollIntoView({ block: 'center' });
       return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));`,
    );
    await sleep(300);
    const png = await session.pageScreenshot();
    // Decoded by the page itself (data: images are allowed by its CSP): how many pixels are the accent.
    const painted = await session.execute<{ accent: number; total: number }>(
      `const [png, [r, g, b]] = arguments;
       const box = document.querySelector('aloud-player').shadowRoot.querySelector('input[type=range]').getBoundingClientRect();
       const image = new Image();
       image.src = 'data:image/png;base64,' + png;
       return image.decode().then(() => {
         const canvas = document.createElement('canvas');
         canvas.width = image.width;
         canvas.height = image.height;
         const context = canvas.getContext('2d');
         context.drawImage(image, 0, 0);
         const scale = image.width / window.innerWidth;
         const data = context.getImageData(box.x * scale, box.y * scale, box.width * scale, box.height * scale).data;
         let accent = 0;
         for (let i = 0; i < data.length; i += 4) {
           if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 60) accent++;
         }
         return { accent, total: data.length / 4 };
       });`,
      png,
      ACCENT.rgb,
    );
    // The thumb is a 20 px disc with a 2 px ring: about 150 px of accent at 1× scale.
    assert.ok(painted.accent >= 100, `accent pixels in the slider: ${painted.accent} of ${painted.total}`);
    console.log(`# slider: ${painted.accent} of ${painted.total} pixels in the accent`);
  });

  it('built-in voice with audio blocked (Play outside a gesture): says what to do, keeps the place, and the next Play is heard', async () => {
    // MiniBrowser keeps localStorage from run to run: forget the place and speed remembered there.
    await session.navigate(server.url);
    await session.execute('localStorage.clear();');
    await session.navigate(server.url);
    await session.execute(`document.querySelector('aloud-player').setAttribute('engine', 'built-in');`);
    await until<number>(
      `return document.querySelector('aloud-player').paragraphCount`,
      (count) => count > 2,
      'indexed',
    );
    // From script, not a click: WebKit keeps the AudioContext suspended.
    await session.execute(
      `const player = document.querySelector('aloud-player');
       player.currentParagraph = 2;
       player.play().catch(() => undefined);`,
    );
    const alert = await until<string>(
      `return document.querySelector('aloud-player').shadowRoot.querySelector('[role="alert"]')?.textContent.trim() ?? ''`,
      (text) => text !== '',
      'the player says audio is blocked',
    );
    assert.match(alert, /The browser blocked speech\. Press Play to start\./);
    const place = await session.execute<number>(`return document.querySelector('aloud-player').currentParagraph`);
    assert.equal(place, 2, 'the place is kept');

    const clickedAt = performance.now();
    await session.click(await inPlayer('button.primary'));
    const soundAt = await ears.soundAfter(clickedAt, 15_000);
    const status = await until<string>(
      `return document.querySelector('aloud-player').shadowRoot.querySelector('[role="status"]').textContent.trim()`,
      (text) => text.startsWith('Playing'),
      'Play after the notice plays',
    );
    assert.match(status, /^Playing/);
    assert.equal(await session.execute<number>(`return document.querySelector('aloud-player').currentParagraph`), 2);
    console.log(`# blocked audio: "${alert}"; the next click heard after ${Math.round(soundAt - clickedAt)} ms`);
  });
});

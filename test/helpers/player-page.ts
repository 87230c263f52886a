/**
 * The built page with a recording fake speechSynthesis, and small probes into
 * the player's shadow root, for the accessibility and right-to-left e2e tests.
 */
import type { Browser, Page } from 'puppeteer-core';
import { openBuiltPage, type BuiltPage, type OpenBuiltPageOptions } from './browser.ts';
import type { FakeSpeechMode } from './fake-speech.ts';
import { injectFakeSpeech } from './inject-fake-speech.ts';

export interface SpokenRecord {
  readonly text: string;
  readonly lang: string;
  readonly rate: number;
  readonly voice: { readonly name: string; readonly lang: string } | null;
}

interface FakeHandle {
  readonly spoken: SpokenRecord[];
  start(): void;
  boundary(charIndex: number, charLength: number): void;
  end(): void;
}

declare global {
  interface Window {
    /**
     * The fake speechSynthesis under a name of its own: other e2e files declare
     * `__fakeSpeech` with their own types, and global declarations must agree.
     */
    __speech: FakeHandle;
    __paragraphChanges: number;
  }
}

/** One voice per language the demo pages use; English is the engine's default. */
export const TEST_VOICES = [
  { name: 'Test English', lang: 'en-US', default: true },
  { name: 'Test Arabic', lang: 'ar-SA' },
  { name: 'Test Persian', lang: 'fa-IR' },
];

export interface PlayerPageOptions extends Omit<OpenBuiltPageOptions, 'beforeLoad'> {
  readonly mode?: FakeSpeechMode;
  readonly stepMs?: number;
  /** Media features to emulate (prefers-color-scheme, prefers-reduced-motion, forced-colors). */
  readonly media?: ReadonlyArray<{ name: string; value: string }>;
  readonly beforeLoad?: (page: Page) => Promise<void>;
}

export async function openPlayerPage(browser: Browser, options: PlayerPageOptions = {}): Promise<BuiltPage> {
  const { mode = 'manual', stepMs = 1, media, beforeLoad, ...rest } = options;
  return openBuiltPage(browser, {
    viewport: { width: 1280, height: 900 },
    ...rest,
    beforeLoad: async (page) => {
      await injectFakeSpeech(page, { mode, stepMs, voices: TEST_VOICES });
      // A string: tsx would wrap a function property here in a `__name` helper the page lacks.
      await page.evaluateOnNewDocument(
        "Object.defineProperty(window, '__speech', { get() { return window.__fakeSpeech; } });",
      );
      await page.evaluateOnNewDocument(() => {
        window.__paragraphChanges = 0;
        document.addEventListener('paragraphchange', () => (window.__paragraphChanges += 1), true);
      });
      // Through the protocol: puppeteer's emulateMediaFeatures refuses forced-colors.
      if (media) await (await page.createCDPSession()).send('Emulation.setEmulatedMedia', { features: [...media] });
      await beforeLoad?.(page);
    },
  });
}

/** Clicks a control inside the n-th player's shadow root. */
export async function clickInPlayer(page: Page, selector: string, player = 0): Promise<void> {
  await page.evaluate(
    (css, index) => {
      const root = document.querySelectorAll('aloud-player')[index]?.shadowRoot;
      const control = root?.querySelector<HTMLElement>(css);
      if (!control) throw new Error(`no ${css} in player ${index}`);
      control.click();
    },
    selector,
    player,
  );
}

/** Opens the settings as a listener does: More, then its first item, Settings. */
export async function openSettingsIn(page: Page, player = 0): Promise<void> {
  await clickInPlayer(page, '#more-button', player);
  await clickInPlayer(page, '.more-menu .menu-item', player);
  await page.waitForFunction(
    (index) => document.querySelectorAll('aloud-player')[index]?.shadowRoot?.querySelector('#settings-panel'),
    {},
    player,
  );
}

/** Text of an element inside the n-th player's shadow root, whitespace squashed. */
export async function textInPlayer(page: Page, selector: string, player = 0): Promise<string> {
  return page.evaluate(
    (css, index) =>
      document
        .querySelectorAll('aloud-player')
        [index]?.shadowRoot?.querySelector(css)
        ?.textContent?.replace(/\s+/g, ' ')
        .trim() ?? '',
    selector,
    player,
  );
}

/** Starts reading with the Play button and, for the manual fake, confirms the start. */
export async function startReading(page: Page, manual: boolean): Promise<void> {
  await clickInPlayer(page, 'button.primary');
  await page.waitForFunction(() => window.__speech.spoken.length > 0);
  if (manual) await page.evaluate(() => window.__speech.start());
  // `paused` turns false only once the engine confirmed speech (the player is pessimistic).
  await page.waitForFunction(() => document.querySelector('aloud-player')?.paused === false);
}

/**
 * Describes the deeply focused element (through shadow roots) as a stable
 * string, e.g. `aloud-player > button "Play"`, for comparing focus over time.
 */
export async function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    const hosts: string[] = [];
    while (active?.shadowRoot?.activeElement) {
      hosts.push(active.localName);
      active = active.shadowRoot.activeElement;
    }
    if (!active || active === document.body) return 'body';
    // The name as assistive tech hears it: tooltips are aria-hidden.
    const copy = active.cloneNode(true) as Element;
    for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
    const name = (active.getAttribute('aria-label') ?? copy.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return [...hosts, `${active.localName}${active.id ? `#${active.id}` : ''} "${name}"`].join(' > ');
  });
}

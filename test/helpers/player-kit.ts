/**
 * Shared pieces of the <aloud-player> browser suites: the fake engine's
 * lifecycle, queries into the player's shadow root, and the texts the fixture
 * article must be read as.
 */
import { fixtureCleanup } from '@open-wc/testing';
import { installFakeSpeech, type FakeSpeechOptions, type InstalledFakeSpeech } from './fake-speech.ts';
import { waitFor } from './player-fixture.ts';

/** What the fixture article is spoken as: the headline, then one utterance per sentence. */
export const SPOKEN_IN_ORDER = [
  'Test headline',
  'First paragraph, with two sentences.',
  'Here is the second one.',
  'Second paragraph is short.',
  'Third paragraph closes the story.',
];

export const POSITION_KEY = `aloud:position:v1:${location.pathname}#story`;
export const PREFERENCES_KEY = 'aloud:preferences:v1';

/**
 * Installs a fake `speechSynthesis` for one test; call it *before* building
 * the fixture, since each player creates its engine on construction. Cleans
 * up after the test: the players leave the page first (which must silence
 * them), then the fake goes, then everything the players saved.
 */
export function useFakeSpeech(): (options?: FakeSpeechOptions) => InstalledFakeSpeech {
  let fake: InstalledFakeSpeech | undefined;
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    fixtureCleanup();
    fake?.uninstall();
    fake = undefined;
    localStorage.clear();
  });
  return (options = {}) => {
    fake?.uninstall();
    fake = installFakeSpeech({ stepMs: 2, ...options });
    return fake;
  };
}

export function query<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`Nothing matches ${selector}`);
  return found;
}

/** A button's name from its text, visible or visually hidden, leaving out what is `aria-hidden` (tooltips). */
export function nameOf(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A button found the way a listener finds it: by its name. */
export function button(root: ParentNode, name: string): HTMLButtonElement {
  const all = Array.from(root.querySelectorAll('button'));
  const found = all.find((candidate) => nameOf(candidate) === name);
  if (!found) throw new Error(`No button named "${name}" (have: ${all.map(nameOf).join(' | ')})`);
  return found;
}

/** Opens the settings as a listener does: More, then Settings. */
export async function openSettings(player: { updateComplete: Promise<boolean> }, shadow: ShadowRoot): Promise<void> {
  query(shadow, '#more-button').click();
  await player.updateComplete;
  button(shadow, 'Settings').click();
  await player.updateComplete;
}

/** The speed select's value, as a number. */
export function speedShown(shadow: ShadowRoot): number {
  return Number(query<HTMLSelectElement>(shadow, 'select[part="speed"]').value);
}

export function statusText(shadow: ShadowRoot): string {
  return query(shadow, '[role="status"]').textContent?.trim() ?? '';
}

export function spokenTexts(fake: InstalledFakeSpeech): string[] {
  return fake.spoken.map((utterance) => utterance.text);
}

/** Waits until the fake has been asked to speak `count` utterances in all. */
export async function untilSpoken(fake: InstalledFakeSpeech, count: number): Promise<void> {
  await waitFor(() => fake.spoken.length >= count, `${count} utterances were spoken (got ${fake.spoken.length})`);
}

/** The last utterance handed to the fake. */
export function lastSpoken(fake: InstalledFakeSpeech) {
  const last = fake.spoken.at(-1);
  if (!last) throw new Error('Nothing was spoken');
  return last;
}

/** Lets queued timers, microtasks and Lit renders run. */
export async function settle(ms = 20): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

export function currentElements(): Element[] {
  return Array.from(document.querySelectorAll('[data-aloud-current]'));
}

/** play(), then the (manual) fake confirms start: resolves once the player is playing. */
export async function playConfirmed(player: { play(): Promise<void> }, fake: InstalledFakeSpeech): Promise<void> {
  const playing = player.play();
  fake.start();
  await playing;
}

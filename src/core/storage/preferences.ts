/**
 * What the listener chose, kept in localStorage. Every value read back is
 * validated: a corrupt or hostile value is ignored, never trusted.
 */
import { clampRate } from '../playback/state.ts';

export interface Preferences {
  readonly rate: number;
  readonly voiceId: string | null;
  readonly readCaptions: boolean;
  readonly highlight: boolean;
  readonly followAlong: boolean;
  readonly pageShortcuts: boolean;
}

export const defaultPreferences: Preferences = Object.freeze({
  rate: 1,
  voiceId: null,
  // Captions describe photos the listener cannot see; off by default because
  // the seed article ships without its photos.
  readCaptions: false,
  highlight: true,
  followAlong: true,
  pageShortcuts: true,
});

const PREFERENCES_KEY = 'aloud:preferences:v1';

export function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Sandboxed iframes and some privacy modes throw on access.
    return null;
  }
}

export function readJson(key: string): unknown {
  try {
    const raw = storage()?.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
}

export function writeJson(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // Quota or privacy mode: preferences simply do not persist.
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/** Reads the stored preferences; every value that does not validate falls back to its default. */
export function loadPreferences(): Preferences {
  return parsePreferences(readJson(PREFERENCES_KEY));
}

function parsePreferences(stored: unknown): Preferences {
  if (!isRecord(stored)) return defaultPreferences;
  // Out of range is corrupt or hostile (rate 1e9), not a wish to be clamped to 3×.
  const rate =
    typeof stored.rate === 'number' && clampRate(stored.rate) === stored.rate ? stored.rate : defaultPreferences.rate;
  const voiceId =
    typeof stored.voiceId === 'string' && stored.voiceId.length > 0 && stored.voiceId.length < 300
      ? stored.voiceId
      : null;
  return Object.freeze({
    rate,
    voiceId,
    readCaptions: bool(stored.readCaptions, defaultPreferences.readCaptions),
    highlight: bool(stored.highlight, defaultPreferences.highlight),
    followAlong: bool(stored.followAlong, defaultPreferences.followAlong),
    pageShortcuts: bool(stored.pageShortcuts, defaultPreferences.pageShortcuts),
  });
}

export type PreferencesListener = (preferences: Preferences) => void;

/**
 * The one owner of the preferences on a page, shared by every player. Changes
 * are patches applied to what is stored *now*, so two players never write
 * stale copies over each other, and another tab's change (the `storage`
 * event) reaches every player here too.
 */
export class PagePreferences {
  #current: Preferences = loadPreferences();
  readonly #listeners = new Set<PreferencesListener>();

  get current(): Preferences {
    return this.#current;
  }

  /** Applies `patch` over the stored preferences, saves them and tells every subscriber. */
  update(patch: Partial<Preferences>): void {
    const merged = parsePreferences({ ...loadPreferences(), ...patch });
    writeJson(PREFERENCES_KEY, merged);
    this.#set(merged);
  }

  /** `listener` hears every change from now on; returns the unsubscribe. */
  subscribe(listener: PreferencesListener): () => void {
    if (this.#listeners.size === 0) globalThis.addEventListener?.('storage', this.#onStorage);
    this.#listeners.add(listener);
    // A new player reads what is stored now: another tab (or this page's own code) may have
    // written it while nobody here was listening.
    this.#set(loadPreferences());
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) globalThis.removeEventListener?.('storage', this.#onStorage);
    };
  }

  #set(next: Preferences): void {
    const previous = this.#current;
    this.#current = next;
    if (JSON.stringify(previous) === JSON.stringify(next)) return;
    for (const listener of [...this.#listeners]) listener(next);
  }

  readonly #onStorage = (event: Event): void => {
    const key = (event as StorageEvent).key;
    // `key` is null when another tab cleared the whole storage.
    if (key === PREFERENCES_KEY || key === null) this.#set(loadPreferences());
  };
}

let page: PagePreferences | null = null;

/** The page's preferences owner, created on first use. */
export function pagePreferences(): PagePreferences {
  page ??= new PagePreferences();
  return page;
}

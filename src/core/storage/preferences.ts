/**
 * What the listener chose, kept in localStorage. Every value read back is
 * validated: a corrupt or hostile value is ignored, never trusted.
 */
import { clampRate } from '../playback/transition.ts';

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
const POSITION_PREFIX = 'aloud:position:v1:';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Sandboxed iframes and some privacy modes throw on access.
    return null;
  }
}

function readJson(key: string): unknown {
  try {
    const raw = storage()?.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
}

function writeJson(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // Quota or privacy mode: preferences simply do not persist.
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

export function loadPreferences(): Preferences {
  const stored = readJson(PREFERENCES_KEY);
  if (!isRecord(stored)) return defaultPreferences;
  const rate = typeof stored.rate === 'number' ? clampRate(stored.rate) : defaultPreferences.rate;
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

export function savePreferences(preferences: Preferences): void {
  writeJson(PREFERENCES_KEY, preferences);
}

/** Where a listener stopped in one article, offered back as "Resume from…". */
export function loadPosition(articleKey: string, paragraphCount: number): number | null {
  const stored = readJson(POSITION_PREFIX + articleKey);
  if (!isRecord(stored)) return null;
  const index = stored.paragraphIndex;
  if (typeof index !== 'number' || !Number.isInteger(index)) return null;
  return index > 0 && index < paragraphCount ? index : null;
}

export function savePosition(articleKey: string, paragraphIndex: number): void {
  writeJson(POSITION_PREFIX + articleKey, { paragraphIndex, savedAt: Date.now() });
}

export function clearPosition(articleKey: string): void {
  try {
    storage()?.removeItem(POSITION_PREFIX + articleKey);
  } catch {
    // Nothing to clear where storage is unavailable.
  }
}

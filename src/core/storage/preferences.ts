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

export function loadPreferences(): Preferences {
  const stored = readJson(PREFERENCES_KEY);
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

export function savePreferences(preferences: Preferences): void {
  writeJson(PREFERENCES_KEY, preferences);
}

/**
 * Where a listener stopped in each article, offered back as "Resume from…".
 * Its own module so it travels with the player's lazy extras (the core only
 * needs the preferences). Values read back are validated like preferences.
 */
import { isRecord, readJson, storage, writeJson } from './preferences.ts';

const POSITION_PREFIX = 'aloud:position:v1:';

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

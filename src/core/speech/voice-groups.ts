/**
 * The voice picker's order, pure so it is tested without a browser. A stock
 * Debian machine lists thousands of eSpeak-NG voices, so the picker shows
 * the article's language first and the rest only on request, grouped by
 * language tag, best first in each group: voices that work offline, then the
 * engine's default, then by name.
 */
import type { EngineVoice } from './engine.ts';
import { speaksLanguage } from './voice-match.ts';

export interface VoiceGroup {
  /** The voices' BCP 47 tag, e.g. `en-GB`. */
  readonly lang: string;
  readonly voices: readonly EngineVoice[];
}

export interface VoiceGroups {
  /** Groups for the article's language: its own region first, then the default voice's. */
  readonly matching: readonly VoiceGroup[];
  /** Every other language, by tag; empty unless asked for. */
  readonly others: readonly VoiceGroup[];
  /** How many voices `others` holds (or would hold). */
  readonly otherCount: number;
}

/**
 * Local (offline) first, the browser's own before the built-in fallback's
 * (as `chooseVoice` prefers them), then the engine's default, then by name.
 */
export function compareVoices(a: EngineVoice, b: EngineVoice): number {
  const local = Number(b.local ?? true) - Number(a.local ?? true);
  if (local !== 0) return local;
  const browser = Number(b.engine !== 'built-in') - Number(a.engine !== 'built-in');
  if (browser !== 0) return browser;
  const preferred = Number(b.isDefault) - Number(a.isDefault);
  if (preferred !== 0) return preferred;
  return a.name.localeCompare(b.name, 'en', { numeric: true }) || a.id.localeCompare(b.id);
}

function group(voices: readonly EngineVoice[]): VoiceGroup[] {
  const byTag = new Map<string, EngineVoice[]>();
  for (const voice of voices) {
    const list = byTag.get(voice.lang);
    if (list) list.push(voice);
    else byTag.set(voice.lang, [voice]);
  }
  return [...byTag].map(([lang, list]) => ({ lang, voices: list.sort(compareVoices) }));
}

/**
 * Splits `voices` into the article language's groups and the others.
 * `extraId` (the chosen voice) is kept among the matching ones even when it
 * speaks another language, so the picker can show what is chosen.
 */
export function groupVoices(
  voices: readonly EngineVoice[],
  articleLang: string,
  showAll: boolean,
  extraId: string | null = null,
): VoiceGroups {
  const matching: EngineVoice[] = [];
  const others: EngineVoice[] = [];
  for (const voice of voices) {
    if (speaksLanguage(voice, articleLang) || (!showAll && voice.id === extraId)) matching.push(voice);
    else others.push(voice);
  }
  const exact = articleLang.toLowerCase();
  // The article's own region, then the region of the engine's default voice, then by tag.
  const rank = (each: VoiceGroup) =>
    each.lang.toLowerCase() === exact ? 0 : each.voices.some((voice) => voice.isDefault) ? 1 : 2;
  const matchingGroups = group(matching).sort((a, b) => rank(a) - rank(b) || a.lang.localeCompare(b.lang));
  return {
    matching: matchingGroups,
    others: showAll ? group(others).sort((a, b) => a.lang.localeCompare(b.lang)) : [],
    otherCount: others.length,
  };
}

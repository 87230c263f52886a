/**
 * The built-in engine's voices, known without loading it, so the voice
 * picker can list them before anything is downloaded. They must match the
 * languages the build ships (SHIPPED_LANGUAGES in src/pipeline/espeak-data.ts).
 */
import type { EngineVoice } from '../engine.ts';

export const BUILT_IN_ENGINE_ID = 'built-in';

export interface BuiltInVoice extends EngineVoice {
  /** The eSpeak-NG voice name passed to `set_voice`. */
  readonly espeak: string;
  /** The on-demand language data file the voice needs (e.g. `ar`), if not in the base file. */
  readonly language?: string;
}

function voice(espeak: string, lang: string, name: string, isDefault = false, language?: string): BuiltInVoice {
  return Object.freeze({
    id: `${BUILT_IN_ENGINE_ID}:${espeak}`,
    name: `${name} (built-in)`,
    lang,
    isDefault,
    engine: BUILT_IN_ENGINE_ID,
    espeak,
    ...(language ? { language } : {}),
  });
}

export const BUILT_IN_VOICES: readonly BuiltInVoice[] = Object.freeze([
  voice('en-us', 'en-US', 'English, America', true),
  // eSpeak names British English `en` (its file lang/gmw/en); `en-gb` is not a voice there.
  voice('en', 'en-GB', 'English, Great Britain'),
  voice('en-gb-x-rp', 'en-GB', 'English, Received Pronunciation'),
  voice('en-gb-scotland', 'en-GB', 'English, Scotland'),
  voice('en-029', 'en-029', 'English, Caribbean'),
  voice('en-us-nyc', 'en-US', 'English, New York City'),
  // On demand: its dictionary is fetched the first time it speaks. By file path, as
  // eSpeak's voice list is read before the file is there (espeak.worker.ts).
  voice('sem/ar', 'ar', 'Arabic', false, 'ar'),
]);

/** Regions whose English is closer to British than to American English. */
const BRITISH_REGIONS = new Set(['GB', 'UK', 'IE', 'AU', 'NZ', 'ZA', 'IN']);

export function isBuiltInVoiceId(id: string | null | undefined): boolean {
  return typeof id === 'string' && id.startsWith(`${BUILT_IN_ENGINE_ID}:`);
}

/**
 * The voice for `lang`: the chosen one when it speaks that language, else
 * the closest by region, else null (the language is not shipped).
 */
export function chooseBuiltInVoice(lang: string, voiceId?: string | null): BuiltInVoice | null {
  const [primary = '', region = ''] = lang.replace(/_/g, '-').split('-');
  const sameLanguage = BUILT_IN_VOICES.filter((candidate) => candidate.lang.split('-')[0] === primary.toLowerCase());
  if (sameLanguage.length === 0) return null;
  const chosen = sameLanguage.find((candidate) => candidate.id === voiceId);
  if (chosen) return chosen;
  if (primary.toLowerCase() === 'en' && BRITISH_REGIONS.has(region.toUpperCase())) {
    return sameLanguage.find((candidate) => candidate.espeak === 'en') ?? null;
  }
  return sameLanguage.find((candidate) => candidate.isDefault) ?? sameLanguage[0] ?? null;
}

/** Whether this browser can run the built-in engine at all. */
export function builtInSupported(): boolean {
  return typeof Worker !== 'undefined' && typeof AudioContext !== 'undefined';
}

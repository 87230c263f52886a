/**
 * Which voice should read text in a given language. Pure, so it is tested
 * without a browser.
 *
 * The listener's chosen voice wins only when it speaks the text's language:
 * a voice picked on an English page must not read an Arabic article with
 * English phonetics. Otherwise the best voice for the language is preferred
 * (same region first, then the engine's default), and when the engine has
 * none, no voice is named at all, so the browser chooses by
 * `utterance.lang` (which the engines always set).
 */
import type { EngineVoice } from './engine.ts';

function parts(tag: string): { language: string; region: string } {
  const [language = '', ...rest] = tag.toLowerCase().split(/[-_]/);
  // The region is the first 2-letter or 3-digit subtag after the language (skipping a script such as Arab).
  const region = rest.find((subtag) => /^(?:[a-z]{2}|\d{3})$/.test(subtag)) ?? '';
  return { language, region };
}

/** Persian voices are often tagged by variety (pes, prs); treat them as Persian. */
const SAME_LANGUAGE: Readonly<Record<string, string>> = { pes: 'fa', prs: 'fa' };

function languageOf(tag: string): string {
  const { language } = parts(tag);
  return SAME_LANGUAGE[language] ?? language;
}

export function speaksLanguage(voice: EngineVoice, lang: string): boolean {
  return languageOf(voice.lang) !== '' && languageOf(voice.lang) === languageOf(lang);
}

/** The voice id to speak `lang` text with, or undefined to let the engine choose by language. */
export function chooseVoice(
  voices: readonly EngineVoice[],
  lang: string,
  preferredId?: string | null,
): string | undefined {
  const matching = voices.filter((voice) => speaksLanguage(voice, lang));
  const preferred = preferredId ? voices.find((voice) => voice.id === preferredId) : undefined;
  // Before the voice list arrives an id cannot be checked: pass it on and let the engine decide.
  if (preferredId && (preferred ? matching.includes(preferred) : voices.length === 0)) return preferredId;
  if (matching.length === 0) return undefined;
  const region = parts(lang).region;
  // The browser's own voices beat the built-in fallback's whenever they speak the language.
  const score = (voice: EngineVoice): number =>
    (voice.engine === 'built-in' ? 0 : 8) +
    (region && parts(voice.lang).region === region ? 4 : 0) +
    (voice.isDefault ? 2 : 0);
  let best = matching[0];
  for (const voice of matching) if (best && score(voice) > score(best)) best = voice;
  return best?.id;
}

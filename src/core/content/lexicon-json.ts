/**
 * A pronunciation lexicon from JSON: validated like everything else that
 * arrives over the network or from an editor. Its own small chunk, loaded
 * only when an article has a lexicon (the `pronunciations` attribute, or an
 * article.json's `pronunciations` field); nothing here runs for the others.
 */
import type { Lexicon } from './lexicon.ts';

/** Bounds for untrusted input (an embed's JSON). */
export const MAX_LEXICON_ENTRIES = 500;
export const MAX_LEXICON_TEXT = 200;

/**
 * A lexicon from plain JSON data (`{ "RFE/RL": "R F E R L" }`), or the
 * first reason it is not one, naming the entry.
 */
export function parseLexicon(value: unknown): { lexicon: Lexicon } | { reason: string } {
  if (value === undefined || value === null) return { lexicon: new Map() };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { reason: 'must map each written word to how it is said, like {"Shbib": "shbeeb"}' };
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_LEXICON_ENTRIES) return { reason: `has more than ${MAX_LEXICON_ENTRIES} entries` };
  const lexicon = new Map<string, string>();
  for (const [written, said] of entries) {
    if (!written.trim() || written.length > MAX_LEXICON_TEXT || written !== written.trim()) {
      return { reason: `"${written.slice(0, 40)}" must be a word or phrase of 1–${MAX_LEXICON_TEXT} characters` };
    }
    if (typeof said !== 'string' || !said.trim() || said.length > MAX_LEXICON_TEXT) {
      return {
        reason: `"${written}" must map to how it is said: a non-empty string of at most ${MAX_LEXICON_TEXT} characters`,
      };
    }
    lexicon.set(written, said.trim());
  }
  return { lexicon };
}

/**
 * The lexicon in `text`, JSON of either a bare map (`{"Shbib": "shbeeb"}`)
 * or an article.json with a `pronunciations` field. Throws an Error whose
 * message says, in words, what is wrong.
 */
export function lexiconFromJson(json: unknown, where: string): Lexicon {
  const isArticle = typeof json === 'object' && json !== null && 'headline' in json;
  const parsed = parseLexicon(isArticle ? (json as { pronunciations?: unknown }).pronunciations : json);
  if ('reason' in parsed)
    throw new Error(`the pronunciations in ${where} are not usable: the lexicon ${parsed.reason}`);
  return parsed.lexicon;
}

/** Fetches and validates the JSON at `url` (resolved against `base`); rejects with a worded Error. */
export async function fetchLexicon(url: string, base: string): Promise<Lexicon> {
  const href = new URL(url, base).href;
  const response = await fetch(href);
  if (!response.ok) throw new Error(`${href} answered HTTP ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new Error(`${href} is not JSON`);
  }
  return lexiconFromJson(json, href);
}

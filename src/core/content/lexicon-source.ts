/**
 * Where a player's pronunciation lexicon comes from: the `pronunciations`
 * field of an `article.json` the player rendered (`src`), and the
 * `pronunciations` attribute, a URL of JSON that is either a bare map
 * (`{"Shbib": "shbeeb"}`) or an article.json with a `pronunciations` field.
 */
import { parseLexicon, type Lexicon } from './lexicon.ts';

const attached = new WeakMap<Element, Lexicon>();

/** Remembers the lexicon that came with an article element (the article.json form). */
export function attachLexicon(article: Element, lexicon: Lexicon): void {
  attached.set(article, lexicon);
}

/** The lexicon that came with `article`, if any. */
export function attachedLexicon(article: Element): Lexicon | undefined {
  return attached.get(article);
}

/**
 * Fetches and validates the JSON at `url` (resolved against `base`).
 * Rejects with an Error whose message says, in words, what is wrong.
 */
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
  const isArticle = typeof json === 'object' && json !== null && 'headline' in json;
  const parsed = parseLexicon(isArticle ? (json as { pronunciations?: unknown }).pronunciations : json);
  if ('reason' in parsed) throw new Error(`the pronunciations in ${href} are not usable: the lexicon ${parsed.reason}`);
  return parsed.lexicon;
}

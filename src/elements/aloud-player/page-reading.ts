/**
 * Reading a page that does not say where its story is: the paragraph-density
 * search (extract/find-body.ts) and the page's JSON-LD (a `headline`,
 * schema.org `speakable` selectors). A lazy chunk of its own, fetched only by
 * a player that needs it (no `for`, no enclosing article, or JSON-LD on the
 * page), so that players on pages which mark their article do not pay for it.
 * Until it arrives such a player indexes nothing (Play stays disabled), so
 * what it reads never changes under the listener.
 */
import type { HeadlineSource } from '../../core/content/extract/headline.ts';

export { findStoryBody } from '../../core/content/extract/find-body.ts';

/** Reads a JSON-LD value that may be one object, an array, or a `@graph`. */
function objects(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(objects);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return [record, ...objects(record['@graph'])];
  }
  return [];
}

/** Every JSON-LD object on the page; a malformed block is ignored (it is the publisher's, not ours). */
function jsonLd(doc: Document): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      found.push(...objects(JSON.parse(script.textContent ?? '')));
    } catch {
      // Not JSON: nothing to learn from it.
    }
  }
  return found;
}

/** The JSON-LD `headline`, read from its `<script>` (highlighted while read, which shows nothing). */
export function jsonLdHeadline(doc: Document): HeadlineSource | null {
  const headline = jsonLd(doc).find((item) => typeof item['headline'] === 'string')?.['headline'];
  const script = doc.querySelector<HTMLElement>('script[type="application/ld+json"]');
  const text = typeof headline === 'string' ? headline.replace(/\s+/g, ' ').trim() : '';
  return text && script ? { element: script, text } : null;
}

/** The page's schema.org `speakable.cssSelector`s (a string or a list), joined; invalid ones are dropped. */
export function speakableSelector(doc: Document): string {
  const selectors: string[] = [];
  for (const item of jsonLd(doc)) {
    const css = (item['speakable'] as Record<string, unknown> | undefined)?.['cssSelector'];
    for (const selector of Array.isArray(css) ? css : [css]) {
      if (typeof selector !== 'string') continue;
      try {
        doc.createDocumentFragment().querySelector(selector);
        selectors.push(selector);
      } catch {
        // Not a selector this browser knows.
      }
    }
  }
  return selectors.join(', ');
}

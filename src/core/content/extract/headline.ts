/**
 * The article's headline when it is not inside the element being read: the
 * `<h1>` of the story's header just above it, else the page's metadata
 * (`og:title`, `itemprop="headline"`, JSON-LD `headline` via page-reading.ts). Many publishers put
 * the headline in a header above the body, so without this it is never read.
 */
import { isUnreadWithin } from './visibility.ts';

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function words(text: string): Set<string> {
  return new Set(
    clean(text)
      .toLocaleLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );
}

/** Share of the words of `a` that are in `b`. */
function overlap(a: string, b: string): number {
  const mine = words(a);
  if (mine.size === 0) return 0;
  const theirs = words(b);
  let shared = 0;
  for (const word of mine) if (theirs.has(word)) shared++;
  return shared / mine.size;
}

export interface HeadlineSource {
  /** The element the headline is read from (highlighted while it is read); a `<meta>` or `<script>` for metadata. */
  readonly element: HTMLElement;
  readonly text: string;
}

/** The headline metadata: og:title, itemprop=headline, then (when the page reading has loaded) JSON-LD `headline`. */
export function metadataHeadline(
  root: Document | ShadowRoot,
  fromJsonLd?: (doc: Document) => HeadlineSource | null,
): HeadlineSource | null {
  const doc = root instanceof Document ? root : root.ownerDocument;
  for (const selector of ['meta[property="og:title"]', 'meta[name="og:title"]', 'meta[itemprop="headline"]']) {
    const meta = doc.querySelector<HTMLMetaElement>(selector);
    const text = clean(meta?.content);
    if (meta && text) return { element: meta, text };
  }
  return fromJsonLd?.(doc) ?? null;
}

/** The last visible `<h1>` before `body` in document order, outside navigation and other furniture. */
function h1Above(body: Element): HTMLElement | null {
  const root = body.getRootNode() as Document | ShadowRoot;
  let found: HTMLElement | null = null;
  for (const heading of Array.from(root.querySelectorAll<HTMLElement>('h1'))) {
    if (!(heading.compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
    if (body.contains(heading) || heading.contains(body)) continue;
    // The title of another article on the page (an earlier story) is not this one's.
    const article = heading.closest('article, [role="article"]');
    if (article && !article.contains(body)) continue;
    const top = heading.ownerDocument.documentElement;
    if (!clean(heading.textContent) || isUnreadWithin(heading, top)) continue;
    found = heading;
  }
  return found;
}

/**
 * The headline to read before `body`, or null when `body` holds an `<h1>` or
 * starts with the headline itself (then it is read in place, never twice).
 * `first` is the first paragraph that will be read, if any.
 */
export function outsideHeadline(
  body: Element,
  first: { readonly kind: string; readonly text: string } | undefined,
  fromJsonLd?: (doc: Document) => HeadlineSource | null,
): HeadlineSource | null {
  const inner = body.querySelector('h1');
  if (inner && clean(inner.textContent)) return null;
  const root = body.getRootNode() as Document | ShadowRoot;
  const meta = metadataHeadline(root, fromJsonLd);
  const heading = h1Above(body);
  const own = first?.kind === 'heading';
  // The h1 above may be the site's name in its banner: trust it when it agrees with the metadata.
  if (heading && (!meta || overlap(meta.text, heading.textContent ?? '') >= 0.5)) {
    const text = clean(heading.textContent);
    // A body that starts with the same title reads it in place.
    return first && overlap(text, first.text) >= (own ? 0.5 : 0.9) ? null : { element: heading, text };
  }
  // The page's metadata describes its main story: not when the body starts with a title of its own.
  if (!meta || own || (first && overlap(meta.text, first.text) >= 0.9)) return null;
  return meta;
}

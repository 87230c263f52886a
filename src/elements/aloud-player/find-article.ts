/**
 * Which element a player reads, in this order:
 *
 * 1. the element `for` names, looked up in the player's own (shadow) root
 *    first, then in the document;
 * 2. the enclosing `<article>`, `role="article"` or `itemprop="articleBody"`;
 * 3. the page's `itemprop="articleBody"` (the publisher's own mark);
 * 4. the story found by reading the page (extract/find-body.ts, in its own
 *    lazy chunk; until it arrives the lookup says `pending`): the densest run
 *    of paragraphs, preferring the one just after the player;
 * 5. the nearest preceding `<article>`, the densest text of any length, then `<main>`.
 *
 * Each choice is logged once in the console, so a publisher can see what the
 * player decided ("reading div.story-body (23 paragraphs)").
 */
import type * as PageReading from './page-reading.ts';

/** The on-demand page reading (page-reading.ts), once it has arrived. */
export type PageReadingModule = typeof PageReading;

export type ArticleLookup =
  | {
      readonly found: true;
      readonly element: HTMLElement;
      /** How it was found, for the console: `for`, `enclosing`, `articleBody`, `paragraphs`, `main`… */
      readonly how: string;
      /** Paragraphs the page reading counted (0 when not found that way). */
      readonly paragraphs: number;
    }
  | { readonly found: false; readonly reason: 'missing-for' | 'no-article' | 'pending' };

const ENCLOSING = 'article, [role="article"], [itemprop="articleBody"]';

function precedingArticle(player: Element, scope: Document | ShadowRoot): HTMLElement | null {
  let best: HTMLElement | null = null;
  for (const article of Array.from(scope.querySelectorAll<HTMLElement>('article'))) {
    // The player follows this article in document order; keep the last such one.
    if (article.compareDocumentPosition(player) & Node.DOCUMENT_POSITION_FOLLOWING) best = article;
  }
  return best;
}

/** The `itemprop="articleBody"` after the player, else the first one on the page. */
function markedBody(player: Element, scope: Document | ShadowRoot): HTMLElement | null {
  const marked = Array.from(scope.querySelectorAll<HTMLElement>('[itemprop="articleBody"]'));
  return (
    marked.find((body) => player.compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING) ?? marked[0] ?? null
  );
}

const found = (element: HTMLElement, how: string, paragraphs = 0): ArticleLookup => ({
  found: true,
  element,
  how,
  paragraphs,
});

/**
 * `pageReading` is null until the page-reading chunk has arrived (the lookup
 * is then `pending` where it is needed), `'failed'` if it could not be
 * fetched (the search is skipped).
 */
export function findArticle(
  player: HTMLElement,
  forId: string | null,
  pageReading: PageReadingModule | 'failed' | null,
): ArticleLookup {
  const doc = player.ownerDocument;
  const root = player.getRootNode();
  const scope: Document | ShadowRoot = root instanceof ShadowRoot ? root : doc;
  if (forId) {
    const named = (scope === doc ? null : scope.getElementById(forId)) ?? doc.getElementById(forId);
    return named ? found(named, 'for') : { found: false, reason: 'missing-for' };
  }
  const enclosing = player.closest<HTMLElement>(ENCLOSING);
  if (enclosing) return found(enclosing, 'enclosing');
  const marked = markedBody(player, scope);
  if (marked) return found(marked, 'articleBody');
  if (!pageReading) return { found: false, reason: 'pending' };
  const search = pageReading === 'failed' ? null : pageReading;
  // Real paragraphs first; on a page of short lines, the article before the player, then any text.
  const story = search?.findStoryBody(scope, player);
  if (story) return found(story.element, 'paragraphs', story.paragraphs);
  const article = precedingArticle(player, scope);
  if (article) return found(article, 'preceding');
  const short = search?.findStoryBody(scope, player, 1);
  if (short) return found(short.element, 'paragraphs', short.paragraphs);
  const main = scope.querySelector<HTMLElement>('main, [role="main"]');
  return main ? found(main, 'main') : { found: false, reason: 'no-article' };
}

/** `div.story-body`, `main#content`: how the console names a chosen element to its publisher. */
function describeElement(element: Element): string {
  const tag = element.tagName.toLowerCase();
  if (element.id) return `${tag}#${element.id}`;
  const className = typeof element.className === 'string' ? element.className.trim().split(/\s+/)[0] : '';
  return className ? `${tag}.${className}` : tag;
}

const logged = new WeakSet<Element>();

/** Tells the publisher once per element what is being read and why. */
export function logChoice(lookup: ArticleLookup, paragraphs: number, headlineFrom: string | null): void {
  if (!lookup.found || logged.has(lookup.element)) return;
  logged.add(lookup.element);
  const how = lookup.how === 'paragraphs' ? '' : `, ${lookup.how}`;
  const headline = headlineFrom ? `, headline from ${headlineFrom}` : '';
  console.info(
    `<aloud-player>: reading ${describeElement(lookup.element)} (${paragraphs} paragraphs${how}${headline})`,
  );
}

/** Title for the region's name: the article's first heading, if any. */
export function articleTitle(article: HTMLElement): string {
  const heading = article.querySelector('h1, h2, h3');
  return (heading?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

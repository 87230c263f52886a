/**
 * Which element a player reads: the one named by `for`, else the nearest
 * enclosing or preceding `<article>`, else `<main>`.
 */

export type ArticleLookup =
  | { readonly found: true; readonly element: HTMLElement }
  | { readonly found: false; readonly reason: 'missing-for' | 'no-article' };

function precedingArticle(player: Element): HTMLElement | null {
  const articles = Array.from(player.ownerDocument.querySelectorAll('article'));
  let best: HTMLElement | null = null;
  for (const article of articles) {
    // The player follows this article in document order; keep the last such one.
    if (article.compareDocumentPosition(player) & Node.DOCUMENT_POSITION_FOLLOWING) best = article;
  }
  return best;
}

export function findArticle(player: HTMLElement, forId: string | null): ArticleLookup {
  const doc = player.ownerDocument;
  if (forId) {
    const named = doc.getElementById(forId);
    return named ? { found: true, element: named } : { found: false, reason: 'missing-for' };
  }
  const element =
    player.closest<HTMLElement>('article') ?? precedingArticle(player) ?? doc.querySelector<HTMLElement>('main');
  return element ? { found: true, element } : { found: false, reason: 'no-article' };
}

/** Title for the region's name: the article's first heading, if any. */
export function articleTitle(article: HTMLElement): string {
  const heading = article.querySelector('h1, h2, h3');
  return (heading?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

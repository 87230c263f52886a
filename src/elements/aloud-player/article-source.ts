/**
 * `<aloud-player src="article.json">`: fetches an article that is not on the
 * page and renders it as semantic light-DOM HTML right after the player, so
 * that find-in-page, reader modes and assistive tech see it like any other
 * text, and the player reads and highlights it in place like a host article.
 *
 * Every value goes in through `textContent` or attribute setters, never
 * through HTML parsing: the JSON is data from the network. A lazy chunk: pages
 * that read their own article never fetch it.
 */
import { parseArticleJson, type ArticleSource } from '../../core/content/article-json.ts';

/** Marks the element we rendered, so a new `src` replaces it rather than adding another. */
export const SOURCE_ATTRIBUTE = 'data-aloud-source';

export class ArticleLoadError extends Error {}

/** Carries an article.json's pronunciation lexicon, as JSON, on the article element rendered from it. */
export const LEXICON_ATTRIBUTE = 'data-aloud-pronunciations';

/** Fetches, validates and renders; rejects with an ArticleLoadError saying why. */
export async function loadArticleSource(player: HTMLElement, src: string): Promise<HTMLElement> {
  const url = new URL(src, player.ownerDocument.baseURI);
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new ArticleLoadError(`${url.href} could not be fetched (${String(error)})`);
  }
  if (!response.ok) throw new ArticleLoadError(`${url.href} answered HTTP ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ArticleLoadError(`${url.href} is not JSON`);
  }
  const parsed = parseArticleJson(json);
  if ('reason' in parsed) throw new ArticleLoadError(`${url.href} is not an article: ${parsed.reason}`);
  const article = renderArticle(player.ownerDocument, parsed.article, url);
  // Handed to the reading half through the DOM: it fetches no module of ours.
  if (parsed.article.pronunciations !== undefined) {
    article.setAttribute(LEXICON_ATTRIBUTE, JSON.stringify(parsed.article.pronunciations));
  }
  return placeArticle(player, article);
}

/** Replaces the article rendered for this player before, or inserts it right after the player. */
function placeArticle(player: HTMLElement, article: HTMLElement): HTMLElement {
  const previous = player.nextElementSibling;
  if (previous?.hasAttribute(SOURCE_ATTRIBUTE)) previous.replaceWith(article);
  else player.after(article);
  return article;
}

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  text?: string,
  attributes: Readonly<Record<string, string>> = {},
): HTMLElementTagNameMap[K] {
  const created = doc.createElement(tag);
  if (text !== undefined) created.textContent = text;
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  return created;
}

/** Only web URLs become `src`/`href`: a `javascript:` link in the data must stay inert. */
function webUrl(value: string, base: URL): string | null {
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

export function renderArticle(doc: Document, source: ArticleSource, base: URL): HTMLElement {
  const article = element(doc, 'article', undefined, { lang: source.language, [SOURCE_ATTRIBUTE]: base.href });
  const header = element(doc, 'header');
  // h2, not h1: the article sits inside a host page that has its own h1.
  header.append(element(doc, 'h2', source.headline));
  // No "By": the article's language may not be the player's; names read the same in any.
  const meta = [source.author, source.sourceName].filter(Boolean).join(', ');
  if (meta || source.date) {
    // A byline is a label, not prose: reading starts at the headline.
    const byline = element(doc, 'p', meta, { 'data-aloud-skip': '' });
    if (source.date) byline.append(meta ? ' · ' : '', element(doc, 'time', source.date, { datetime: source.date }));
    header.append(byline);
  }
  article.append(header);
  for (const block of source.body) {
    if (block.kind === 'paragraph') {
      article.append(element(doc, 'p', block.text));
      continue;
    }
    const figure = source.figures.get(block.figureId);
    if (!figure) continue;
    const box = element(doc, 'figure');
    const src = figure.image && webUrl(figure.image.src, base);
    if (figure.image && src) {
      const image = element(doc, 'img', undefined, { src, alt: figure.image.alt, loading: 'lazy', decoding: 'async' });
      if (figure.image.width) image.width = figure.image.width;
      if (figure.image.height) image.height = figure.image.height;
      box.append(image);
    }
    if (figure.caption.trim()) box.append(element(doc, 'figcaption', figure.caption));
    article.append(box);
  }
  return article;
}

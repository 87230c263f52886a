/**
 * Article → the prerendered, semantic HTML that index.html ships. Pure: the
 * same Article always gives the same string. Every value is escaped except
 * paragraph `html`, which the parser already sanitised to em/strong/a/code.
 */
import type { Article, ArticleFigure } from '../core/content/article.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in text and in double- or single-quoted attribute values. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** "13 December 2016". UTC, so the build machine's time zone cannot shift the day. */
export function formatArticleDate(isoDate: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** Text for `<title>`, already escaped. */
export function renderArticleTitle(article: Article): string {
  return `${escapeHtml(article.headline)} — Aloud`;
}

/** A one-sentence summary for `<meta name="description">`, already escaped. */
export function renderArticleDescription(article: Article): string {
  return escapeHtml(`${article.headline}. By ${article.author.name}, ${article.source.name}. Listen with Aloud.`);
}

/** The footer's credit line, already escaped. */
export function renderAttribution(article: Article): string {
  const source = article.source.url
    ? `<a href="${escapeHtml(article.source.url)}">${escapeHtml(article.source.name)}</a>`
    : escapeHtml(article.source.name);
  return `Article: ${source}, ${escapeHtml(formatArticleDate(article.date))}. Reproduced for demonstration.`;
}

export function renderArticleHtml(article: Article): string {
  const figures = new Map(article.figures.map((figure) => [figure.id, figure]));
  let paragraphIndex = 0;
  const body = article.body.map((block) => {
    if (block.kind === 'figure') {
      const figure = figures.get(block.figureId);
      return figure ? renderFigure(figure) : '';
    }
    // The index lets the player find paragraph N in O(1) and tells body text
    // apart from the kicker, byline and author box, which are also <p>.
    return `    <p data-aloud-paragraph="${paragraphIndex++}">${block.html}</p>`;
  });

  return [
    '<aloud-article>',
    `  <article id="story" lang="${escapeHtml(article.language)}" aria-labelledby="headline">`,
    renderHeader(article),
    // On its own page the player's shortcuts work page-wide (a setting turns them off).
    // The lexicon travels in article.json, which the build publishes beside the page.
    `    <aloud-player for="story" shortcuts="page"${article.pronunciations ? ' pronunciations="article.json"' : ''}></aloud-player>`,
    ...body.filter(Boolean),
    renderAuthor(article),
    '  </article>',
    '</aloud-article>',
  ].join('\n');
}

function renderHeader(article: Article): string {
  return [
    '    <header class="article-header">',
    // Labels, not prose: the player skips kicker and byline so reading starts at the headline.
    `      <p class="kicker" data-aloud-skip>${escapeHtml(article.source.name)}</p>`,
    `      <h1 id="headline">${escapeHtml(article.headline)}</h1>`,
    `      <p class="byline" data-aloud-skip>By <a href="#author">${escapeHtml(article.author.name)}</a> <span aria-hidden="true">·</span> ` +
      `<time datetime="${escapeHtml(article.date)}">${escapeHtml(formatArticleDate(article.date))}</time></p>`,
    '    </header>',
  ].join('\n');
}

function renderFigure(figure: ArticleFigure): string {
  const image = figure.image;
  if (!image) {
    // No photo: the caption stands alone as a compact block, not an empty picture frame.
    return [
      `    <figure id="figure-${escapeHtml(figure.id)}" class="figure figure-caption-only">`,
      `      <figcaption>${escapeHtml(figure.caption)}</figcaption>`,
      '    </figure>',
    ].join('\n');
  }
  const media =
    `<img src="${escapeHtml(image.src)}" alt="${escapeHtml(image.alt)}"` +
    (image.width ? ` width="${image.width}"` : '') +
    (image.height ? ` height="${image.height}"` : '') +
    ' loading="lazy" decoding="async">';
  return [
    `    <figure id="figure-${escapeHtml(figure.id)}" class="figure">`,
    `      ${media}`,
    `      <figcaption>${escapeHtml(figure.caption)}</figcaption>`,
    '    </figure>',
  ].join('\n');
}

function renderAuthor(article: Article): string {
  const bio = article.author.bio ? `\n      <p>${escapeHtml(article.author.bio)}</p>` : '';
  return [
    // The listener asked for the article, not the author box: the player skips it.
    '    <section id="author" class="author-box" aria-labelledby="author-heading" data-aloud-skip>',
    '      <h2 id="author-heading">About the author</h2>',
    `      <p class="author-name">${escapeHtml(article.author.name)}</p>${bio}`,
    '    </section>',
  ].join('\n');
}

/**
 * Validates `article.json` (the JSON form of the Article model, emitted by the
 * build) before the player renders it. The file comes over the network from
 * wherever a publisher points `src`, so nothing in it is trusted: every field
 * is type-checked, sizes are bounded, and the result holds only what the
 * player renders (plain text, never HTML).
 */
import type { ArticleFigure } from './article.ts';

/** What the player needs from an article to show and read it. */
export interface ArticleSource {
  readonly headline: string;
  /** BCP 47 tag, e.g. `en`. */
  readonly language: string;
  readonly author: string | null;
  /** ISO date `YYYY-MM-DD`. */
  readonly date: string | null;
  readonly sourceName: string | null;
  readonly figures: ReadonlyMap<string, ArticleFigure>;
  readonly body: readonly SourceBlock[];
  /**
   * The `pronunciations` field as found, unchecked: the reading half
   * validates it (lexicon-json.ts) when it loads it, and a bad one is
   * reported and ignored rather than losing the article.
   */
  readonly pronunciations: unknown;
}

export type SourceBlock =
  { readonly kind: 'paragraph'; readonly text: string } | { readonly kind: 'figure'; readonly figureId: string };

/** Generous bounds: the seed article is 8 KB with 21 blocks. */
const MAX_BLOCKS = 5000;
const MAX_TEXT = 50_000;
const LANGUAGE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Json = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, allowEmpty = false): string | null {
  if (typeof value !== 'string' || value.length > MAX_TEXT) return null;
  return allowEmpty || value.trim() ? value : null;
}

/** Optional field: absent is fine, present-but-wrong is not. */
function optionalText(value: unknown): string | null | undefined {
  return value === undefined ? null : (text(value) ?? undefined);
}

function figureOf(value: unknown): ArticleFigure | null {
  if (!isRecord(value)) return null;
  const id = text(value['id']);
  const caption = text(value['caption'], true);
  if (id === null || caption === null) return null;
  const image = value['image'];
  if (image === undefined) return { id, caption };
  if (!isRecord(image)) return null;
  const src = text(image['src']);
  const alt = text(image['alt'], true);
  if (src === null || alt === null) return null;
  const size = (key: string): number | undefined => {
    const number = image[key];
    return typeof number === 'number' && Number.isInteger(number) && number > 0 && number < 100_000
      ? number
      : undefined;
  };
  const width = size('width');
  const height = size('height');
  return { id, caption, image: { src, alt, ...(width ? { width } : {}), ...(height ? { height } : {}) } };
}

function blockOf(value: unknown): SourceBlock | null {
  if (!isRecord(value)) return null;
  if (value['kind'] === 'paragraph') {
    const paragraph = text(value['text'], true);
    return paragraph === null ? null : { kind: 'paragraph', text: paragraph };
  }
  if (value['kind'] === 'figure') {
    const figureId = text(value['figureId']);
    return figureId === null ? null : { kind: 'figure', figureId };
  }
  return null;
}

/** The article, or a short developer-facing reason why the JSON is not one. */
export function parseArticleJson(value: unknown): { article: ArticleSource } | { reason: string } {
  if (!isRecord(value)) return { reason: 'not a JSON object' };
  const headline = text(value['headline']);
  if (headline === null) return { reason: '"headline" must be a non-empty string' };
  const language = value['language'];
  if (typeof language !== 'string' || !LANGUAGE.test(language)) return { reason: '"language" must be a BCP 47 tag' };

  const rawBody = value['body'];
  if (!Array.isArray(rawBody) || rawBody.length > MAX_BLOCKS) return { reason: '"body" must be an array of blocks' };
  const body: SourceBlock[] = [];
  for (const [index, raw] of rawBody.entries()) {
    const block = blockOf(raw);
    if (!block) return { reason: `"body[${index}]" is not a paragraph or figure block` };
    body.push(block);
  }

  const rawFigures = value['figures'] ?? [];
  if (!Array.isArray(rawFigures) || rawFigures.length > MAX_BLOCKS) return { reason: '"figures" must be an array' };
  const figures = new Map<string, ArticleFigure>();
  for (const [index, raw] of rawFigures.entries()) {
    const figure = figureOf(raw);
    if (!figure) return { reason: `"figures[${index}]" needs an id, a caption and, with an image, its src and alt` };
    figures.set(figure.id, figure);
  }

  const author = isRecord(value['author'])
    ? optionalText(value['author']['name'])
    : value['author'] === undefined
      ? null
      : undefined;
  if (author === undefined) return { reason: '"author.name" must be a string' };
  const source = isRecord(value['source'])
    ? optionalText(value['source']['name'])
    : value['source'] === undefined
      ? null
      : undefined;
  if (source === undefined) return { reason: '"source.name" must be a string' };
  const date = optionalText(value['date']);
  if (date === undefined || (date !== null && !ISO_DATE.test(date))) return { reason: '"date" must be YYYY-MM-DD' };

  return {
    article: {
      headline,
      language,
      author,
      date,
      sourceName: source,
      figures,
      body,
      pronunciations: value['pronunciations'],
    },
  };
}

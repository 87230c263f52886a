/**
 * Turns parsed front matter into the metadata half of an Article, or throws a
 * ContentError naming the file, line and field. Unknown keys are errors: a
 * misspelt `captoin:` would otherwise vanish without a trace.
 */
import type { Article, ArticleFigure } from '../core/content/article.ts';
import { MAX_LEXICON_TEXT } from '../core/content/lexicon-json.ts';
import { ContentError } from './content-error.ts';
import { formatFieldPath, type FieldPath, type FrontMatterLocator } from './front-matter.ts';

export type ArticleMetadata = Omit<Article, 'slug' | 'body'>;

const KNOWN_KEYS = {
  article: ['headline', 'author', 'date', 'source', 'language', 'figures', 'pronunciations'],
  author: ['name', 'bio'],
  source: ['name', 'url'],
  figure: ['id', 'caption', 'image'],
  image: ['src', 'alt', 'width', 'height'],
} as const;

type Fields = Record<string, unknown>;

export function validateFrontMatter(data: unknown, fields: FrontMatterLocator, file: string): ArticleMetadata {
  const fail = (path: FieldPath, reason: string): never => {
    throw new ContentError(file, fields.lineOf(path), path.length ? formatFieldPath(path) : 'front matter', reason);
  };

  const requireMap = (value: unknown, path: FieldPath, known: readonly string[]): Fields => {
    if (value === undefined || value === null) fail(path, 'is missing');
    if (typeof value !== 'object' || Array.isArray(value) || value instanceof Date) {
      fail(path, 'must be a set of `key: value` fields');
    }
    const map = value as Fields;
    for (const key of Object.keys(map)) {
      if (!known.includes(key)) fail([...path, key], `is not a known field (expected one of: ${known.join(', ')})`);
    }
    return map;
  };

  const requireText = (value: unknown, path: FieldPath): string => {
    if (value === undefined || value === null) fail(path, 'is missing');
    if (typeof value !== 'string') fail(path, 'must be text (put it in quotes)');
    const text = (value as string).trim();
    if (text === '') fail(path, 'is empty');
    return text;
  };

  const optionalText = (value: unknown, path: FieldPath): string | undefined =>
    value === undefined || value === null ? undefined : requireText(value, path);

  const root = requireMap(data, [], KNOWN_KEYS.article);

  const author = requireMap(root['author'], ['author'], KNOWN_KEYS.author);
  const source = requireMap(root['source'], ['source'], KNOWN_KEYS.source);
  const sourceUrl = optionalText(source['url'], ['source', 'url']);
  if (sourceUrl !== undefined && !isWebUrl(sourceUrl)) fail(['source', 'url'], 'must be an http(s) URL');

  const metadata: ArticleMetadata = {
    headline: requireText(root['headline'], ['headline']),
    author: {
      name: requireText(author['name'], ['author', 'name']),
      bio: optionalText(author['bio'], ['author', 'bio']) ?? '',
    },
    date: validateDate(root['date'], fields.sourceOf(['date']), fail),
    source: { name: requireText(source['name'], ['source', 'name']), ...(sourceUrl ? { url: sourceUrl } : {}) },
    language: validateLanguage(requireText(root['language'], ['language']), fail),
    figures: [],
  };

  const figuresValue = root['figures'] ?? [];
  if (!Array.isArray(figuresValue)) fail(['figures'], 'must be a list of figures (each line starting with "- ")');
  const figures: ArticleFigure[] = [];
  const seen = new Set<string>();
  (figuresValue as unknown[]).forEach((value, index) => {
    const path = ['figures', index];
    const figure = requireMap(value, path, KNOWN_KEYS.figure);
    const id = requireText(figure['id'], [...path, 'id']);
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(id)) {
      fail([...path, 'id'], 'must be letters, digits, "-" or "_" (it becomes part of an HTML id)');
    }
    if (seen.has(id)) fail([...path, 'id'], `"${id}" is used by another figure`);
    seen.add(id);
    const caption = requireText(figure['caption'], [...path, 'caption']);
    const image = figure['image'] === undefined ? undefined : validateImage(figure['image'], [...path, 'image']);
    figures.push(image ? { id, caption, image } : { id, caption });
  });
  const pronunciations = validatePronunciations(root['pronunciations']);
  return { ...metadata, figures, ...(pronunciations ? { pronunciations } : {}) };

  /** `written: said` pairs; each error points at the entry's own line. */
  function validatePronunciations(value: unknown): Record<string, string> | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value) || value instanceof Date) {
      fail(['pronunciations'], 'must be a set of `written word: how it is said` fields, like `Shbib: shbeeb`');
    }
    const entries: Record<string, string> = {};
    for (const [written, said] of Object.entries(value as Fields)) {
      const path = ['pronunciations', written];
      if (written.trim() !== written || written === '' || written.length > MAX_LEXICON_TEXT) {
        fail(path, `must be a word or phrase of 1–${MAX_LEXICON_TEXT} characters without surrounding spaces`);
      }
      const spoken = requireText(said, path);
      if (spoken.length > MAX_LEXICON_TEXT) fail(path, `is longer than ${MAX_LEXICON_TEXT} characters`);
      entries[written] = spoken;
    }
    return Object.keys(entries).length ? entries : undefined;
  }

  function validateImage(value: unknown, path: FieldPath): NonNullable<ArticleFigure['image']> {
    const image = requireMap(value, path, KNOWN_KEYS.image);
    const src = requireText(image['src'], [...path, 'src']);
    // Relative paths and web URLs only: a `javascript:` src must never reach the page.
    if (/^[a-z][a-z0-9+.-]*:/i.test(src) && !isWebUrl(src))
      fail([...path, 'src'], 'must be a relative path or an http(s) URL');
    if (image['alt'] === undefined || image['alt'] === null) {
      fail([...path, 'alt'], 'is missing: describe the image for people who cannot see it');
    }
    const alt = requireText(image['alt'], [...path, 'alt']);
    const width = optionalPixels(image['width'], [...path, 'width']);
    const height = optionalPixels(image['height'], [...path, 'height']);
    return { src, alt, ...(width ? { width } : {}), ...(height ? { height } : {}) };
  }

  function optionalPixels(value: unknown, path: FieldPath): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0)
      fail(path, 'must be a whole number of pixels');
    return value as number;
  }
}

type Fail = (path: FieldPath, reason: string) => never;

function validateDate(value: unknown, written: string | undefined, fail: Fail): string {
  if (value === undefined || value === null) return fail(['date'], 'is missing');
  // A Date only appears under a `%YAML 1.1` directive; what was typed is still the truth.
  const text = value instanceof Date ? (written ?? '') : typeof value === 'string' ? value.trim() : '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return fail(['date'], `must be a date written YYYY-MM-DD, got ${JSON.stringify(written ?? value)}`);
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return fail(['date'], `${match[0]} is not a real calendar date`);
  }
  return match[0];
}

/**
 * Structural BCP 47 check: a 2–3 letter language, then optional script,
 * region and variants. Intl alone accepts 5–8 letter "languages" such as
 * `english`, which no screen reader would understand.
 */
function validateLanguage(tag: string, fail: Fail): string {
  const pattern = /^[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|\d{3}))?(-([a-z\d]{5,8}|\d[a-z\d]{3}))*$/i;
  let canonical: string | undefined;
  try {
    canonical = pattern.test(tag) ? Intl.getCanonicalLocales(tag)[0] : undefined;
  } catch {
    canonical = undefined;
  }
  return canonical ?? fail(['language'], `"${tag}" is not a BCP 47 language tag such as "en" or "pt-BR"`);
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

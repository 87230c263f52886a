/**
 * Build-time only (Node): content/*.md → Article. Every problem is a
 * ContentError that names file, line and field, so a broken article fails
 * the build with a message an editor can act on.
 */
import { readFileSync } from 'node:fs';
import { basename, extname, isAbsolute, relative, sep } from 'node:path';
import type { Article } from '../core/content/article.ts';
import { ContentError } from './content-error.ts';
import { splitContent } from './front-matter.ts';
import { parseBody } from './markdown-body.ts';
import { validateFrontMatter } from './validate-front-matter.ts';

export { ContentError } from './content-error.ts';

/**
 * @param displayName how the file is named in error messages; defaults to
 *   the path relative to the working directory, e.g. `content/x.md`.
 */
export function parseArticleFile(path: string, displayName = displayPath(path)): Article {
  return parseArticleSource(readFileSync(path), displayName);
}

export function parseArticleSource(source: string | Uint8Array, fileName: string): Article {
  const text = typeof source === 'string' ? source : decodeUtf8(source, fileName);
  const { data, fields, body, bodyFirstLine } = splitContent(text, fileName);
  const metadata = validateFrontMatter(data, fields, fileName);
  const blocks = parseBody(body, bodyFirstLine, fileName);

  const known = new Set(metadata.figures.map((figure) => figure.id));
  const placed = new Set<string>();
  for (const { block, line } of blocks) {
    if (block.kind !== 'figure') continue;
    if (!known.has(block.figureId)) {
      const list = [...known].join(', ') || 'none declared';
      throw new ContentError(
        fileName,
        line,
        'body',
        `[[figure:${block.figureId}]] refers to an unknown figure (known: ${list})`,
      );
    }
    // Placing a figure twice would put two elements with one id on the page.
    if (placed.has(block.figureId)) {
      throw new ContentError(fileName, line, 'body', `[[figure:${block.figureId}]] is placed more than once`);
    }
    placed.add(block.figureId);
  }

  return {
    slug: basename(fileName, extname(fileName)),
    ...metadata,
    body: blocks.map(({ block }) => block),
  };
}

function decodeUtf8(bytes: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ContentError(fileName, firstBadLine(bytes), 'encoding', 'is not valid UTF-8: save the file as UTF-8');
  }
}

/** Decodes line by line to report where the bad bytes are, not just that they exist. */
function firstBadLine(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    try {
      decoder.decode(bytes.subarray(start, i));
    } catch {
      return line;
    }
    line++;
    start = i + 1;
  }
  return 1;
}

function displayPath(path: string): string {
  const fromCwd = relative(process.cwd(), path);
  const inside = fromCwd !== '' && !fromCwd.startsWith('..') && !isAbsolute(fromCwd);
  return (inside ? fromCwd : path).split(sep).join('/');
}

/**
 * Splits a content file into YAML front matter and Markdown body, and parses
 * the YAML keeping positions, so that every later validation error can name
 * the line an editor has to fix.
 */
import matter from 'gray-matter';
import { LineCounter, isMap, isNode, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { ContentError } from './content-error.ts';

/** A step into the front matter: a key in a map or an index in a list. */
export type FieldPath = ReadonlyArray<string | number>;

export interface SplitContent {
  /** Parsed front matter as plain data (`undefined` when the block is empty). */
  readonly data: unknown;
  readonly fields: FrontMatterLocator;
  /** The Markdown after the closing `---`. */
  readonly body: string;
  /** 1-based file line of the first line of `body`. */
  readonly bodyFirstLine: number;
}

/** `['figures', 1, 'id']` → `figures[1].id`, the spelling used in messages. */
export function formatFieldPath(path: FieldPath): string {
  return path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('');
}

/** Answers "which line is this field on?" for the parsed front matter. */
export class FrontMatterLocator {
  readonly #doc: Document;
  readonly #lines: LineCounter;
  readonly #yaml: string;

  constructor(doc: Document, lines: LineCounter, yaml: string) {
    this.#doc = doc;
    this.#lines = lines;
    this.#yaml = yaml;
  }

  /**
   * Line of the field, or of its nearest existing parent when it is missing,
   * so "author.name: is missing" points at the `author:` line.
   */
  lineOf(path: FieldPath): number {
    let line = 1;
    let node: unknown = this.#doc.contents;
    for (const step of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === step);
        if (!pair) break;
        line = this.#lineAt(isNode(pair.key) ? pair.key.range : undefined, line);
        node = pair.value;
      } else if (isSeq(node) && typeof step === 'number') {
        const item: unknown = node.items[step];
        if (!item) break;
        line = this.#lineAt(isNode(item) ? item.range : undefined, line);
        node = item;
      } else {
        break;
      }
    }
    return line;
  }

  /**
   * The characters a scalar was written with. YAML 1.1 turns `2016-02-30`
   * into a Date that silently rolls over to 1 March, so dates are checked
   * against what the author typed, not against the parsed value.
   */
  sourceOf(path: FieldPath): string | undefined {
    const node: unknown = this.#doc.getIn(path, true);
    if (!isScalar(node) || !node.range) return undefined;
    return this.#yaml.slice(node.range[0], node.range[1]).trim();
  }

  #lineAt(range: readonly number[] | null | undefined, fallback: number): number {
    const start = range?.[0];
    return start === undefined ? fallback : this.#lines.linePos(start).line;
  }
}

// gray-matter would parse the YAML itself with js-yaml, which loses line
// numbers; this engine makes it only split, and `yaml` does the parsing.
const splitOnly = { parse: (): object => ({}), stringify: (): string => '' };

/** Splits and parses; throws ContentError for anything structurally wrong. */
export function splitContent(source: string, file: string): SplitContent {
  if (!/^(\uFEFF)?---[^\S\r\n]*\r?\n/.test(source)) {
    throw new ContentError(file, 1, 'front matter', 'is missing: start the file with a line of three dashes (---)');
  }
  if (!/\r?\n---[^\S\r\n]*(\r?\n|$)/.test(source.slice(3))) {
    throw new ContentError(file, 1, 'front matter', 'is not closed: end it with a line of three dashes (---)');
  }

  // Options are always passed: without them gray-matter caches results by
  // content and hands back the same mutable object to every caller.
  const split = matter(source, { engines: { yaml: splitOnly } });
  // gray-matter keeps the rest of the opening `---` line as the first line of
  // `matter`, so YAML line N is file line N.
  const yaml = split.matter;
  const body = split.content;
  const bodyFirstLine = lineCount(source.slice(0, source.length - body.length)) + 1;

  const lines = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: lines, prettyErrors: true });
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0].line ?? 1;
    throw new ContentError(file, line, 'front matter', `is not valid YAML: ${firstLine(error.message)}`);
  }
  return { data: doc.toJS() as unknown, fields: new FrontMatterLocator(doc, lines, yaml), body, bodyFirstLine };
}

function lineCount(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** YAML's pretty errors append the position and a code excerpt; the prefix already has the line. */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}

/**
 * Build-time minification of Lit's tagged template literals in our own
 * source: `css` templates through lightningcss, `html` and `svg` templates by
 * collapsing the indentation between lines. Oxc minifies code but leaves
 * template text alone, and the player's CSS alone was ~4.4 KB of it. (The
 * usual tool, minify-literals, needs Node 22; this project builds on Node 20.)
 *
 * Only what is provably safe is touched; anything unusual is left as written:
 * - a `css` template with `${}` substitutions or a backslash is kept as is
 *   (placeholders could land in selectors, escapes could change meaning);
 * - `html`/`svg` whitespace runs that contain a line break become one space,
 *   which renders the same outside `<pre>`/`<textarea>` (templates using those
 *   are kept as is).
 */
import { transform } from 'lightningcss';
import ts from 'typescript';

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const CSS_TAGS = new Set(['css']);
const MARKUP_TAGS = new Set(['html', 'svg']);

/** Returns the source with its Lit templates minified, or `null` when nothing changed. */
export function minifyLiterals(source: string, fileName: string): string | null {
  if (!/\b(?:css|html|svg)`/.test(source)) return null;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: Edit[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const tag = node.tag.text;
      if (CSS_TAGS.has(tag)) edits.push(...cssEdits(node.template, source, fileName));
      else if (MARKUP_TAGS.has(tag)) edits.push(...markupEdits(node.template, source));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (edits.length === 0) return null;
  let result = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

/** The raw text of each literal piece of a template, without its delimiters (`, ${, }). */
function pieces(template: ts.TemplateLiteral, source: string): Array<{ start: number; end: number }> {
  const span = (node: ts.Node, closing: number) => ({ start: node.getStart() + 1, end: node.getEnd() - closing });
  if (ts.isNoSubstitutionTemplateLiteral(template)) return [span(template, 1)];
  const result = [span(template.head, 2)];
  for (const part of template.templateSpans) {
    result.push(span(part.literal, ts.isTemplateTail(part.literal) ? 1 : 2));
  }
  // Sanity check against the parser's idea of the delimiters.
  return result.every((piece) => piece.start <= piece.end && piece.end <= source.length) ? result : [];
}

function cssEdits(template: ts.TemplateLiteral, source: string, fileName: string): Edit[] {
  if (!ts.isNoSubstitutionTemplateLiteral(template)) return [];
  const [piece] = pieces(template, source);
  if (!piece) return [];
  const text = source.slice(piece.start, piece.end);
  if (text.includes('\\')) return [];
  const minified = minifyCss(text, fileName);
  // Output that a template literal cannot hold verbatim is not worth escaping.
  if (minified === null || /[`\\]|\$\{/.test(minified)) return [];
  return [{ ...piece, text: minified }];
}

/** lightningcss with no browser targets: it only shortens, it never lowers syntax. */
export function minifyCss(text: string, fileName = 'styles.css'): string | null {
  try {
    return transform({ filename: fileName, code: Buffer.from(text), minify: true }).code.toString();
  } catch {
    return null;
  }
}

function markupEdits(template: ts.TemplateLiteral, source: string): Edit[] {
  const all = pieces(template, source);
  if (all.some((piece) => /<(?:pre|textarea)\b/i.test(source.slice(piece.start, piece.end)))) return [];
  const edits: Edit[] = [];
  for (const piece of all) {
    const text = source.slice(piece.start, piece.end);
    const collapsed = collapseMarkupWhitespace(text);
    if (collapsed !== text) edits.push({ ...piece, text: collapsed });
  }
  return edits;
}

export function collapseMarkupWhitespace(text: string): string {
  return text.replace(/[ \t]*(?:\r?\n)[\s]*/g, ' ');
}

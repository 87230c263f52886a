/**
 * The article body: Markdown paragraphs, plus `[[figure:ID]]` paragraphs
 * that place a figure declared in the front matter.
 */
import MarkdownIt, { type Token } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import type { ArticleBlock } from '../core/content/article.ts';
import { ContentError } from './content-error.ts';

/** A block and the file line it starts on, for errors found after parsing. */
export interface LocatedBlock {
  readonly block: ArticleBlock;
  readonly line: number;
}

// html: false shows raw HTML as text instead of parsing it. The typographer
// sets what the reporter typed on a keyboard as a printer would: "quotes" →
// “quotes”, it's → it’s, -- → –, ... → …; the words themselves stay verbatim.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: true, quotes: '“”‘’' });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['em', 'strong', 'a', 'code'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

const FIGURE_REFERENCE = /^\[\[figure:([^\]]*)\]\]$/;

const UNSUPPORTED: Record<string, string> = {
  heading_open: 'headings',
  bullet_list_open: 'lists',
  ordered_list_open: 'lists',
  blockquote_open: 'block quotes',
  code_block: 'indented code blocks',
  fence: 'code blocks',
  hr: 'horizontal rules',
  table_open: 'tables',
  html_block: 'HTML blocks',
};

/**
 * @param firstLine 1-based file line where `body` starts, so that markdown-it's
 *   0-based `token.map` becomes a line an editor can jump to.
 */
export function parseBody(body: string, firstLine: number, file: string): LocatedBlock[] {
  const tokens = markdown.parse(body, {});
  const blocks: LocatedBlock[] = [];
  const lineOf = (token: Token): number => firstLine + (token.map?.[0] ?? 0);

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || token.level !== 0 || token.nesting === -1) continue;
    if (token.type !== 'paragraph_open') {
      const what = UNSUPPORTED[token.type] ?? `"${token.type}" blocks`;
      throw new ContentError(
        file,
        lineOf(token),
        'body',
        `${what} are not supported: the body is paragraphs and [[figure:ID]] lines`,
      );
    }
    const inline = tokens[i + 1];
    if (!inline || inline.type !== 'inline') continue;
    blocks.push({ block: toBlock(inline, lineOf(token), file), line: lineOf(token) });
  }

  if (!blocks.some(({ block }) => block.kind === 'paragraph')) {
    const lastLine = firstLine + Math.max(0, body.split('\n').length - 1);
    throw new ContentError(
      file,
      blocks.length ? lastLine : firstLine,
      'body',
      'has no paragraphs: write the article text after the closing ---',
    );
  }
  return blocks;
}

function toBlock(inline: Token, line: number, file: string): ArticleBlock {
  const reference = FIGURE_REFERENCE.exec(inline.content.trim());
  if (reference) return { kind: 'figure', figureId: (reference[1] ?? '').trim() };
  if (inline.content.includes('[[figure:')) {
    throw new ContentError(file, line, 'body', 'a [[figure:ID]] reference must be a paragraph on its own');
  }

  const children = (inline.children ?? []).map((child) => {
    if (child.type === 'image') {
      throw new ContentError(
        file,
        line,
        'body',
        'inline images are not supported: declare a figure in the front matter and place it with [[figure:ID]]',
      );
    }
    // A line break inside a paragraph is a space when spoken; rendering it as
    // one too keeps `text` identical to the paragraph's DOM textContent, which
    // word highlighting relies on for its offsets.
    if (child.type === 'softbreak' || child.type === 'hardbreak') {
      child.type = 'text';
      child.content = ' ';
    }
    return child;
  });

  const text = children
    .filter((child) => child.type === 'text' || child.type === 'code_inline')
    .map((child) => child.content)
    .join('');
  const html = sanitizeHtml(markdown.renderer.renderInline(children, markdown.options, {}), SANITIZE);
  return { kind: 'paragraph', text, html };
}

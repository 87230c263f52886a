/**
 * Finds what to read in an article element: headings, paragraphs, list items,
 * quotes, table cells, `<div>` text blocks and (optionally) figure captions,
 * in document order. Everything a listener would not want read (navigation,
 * asides, share bars, bylines, ads, comments, hidden text, footnote markers,
 * the player itself, anything marked `data-aloud-skip`; see extract/rules.ts)
 * is left out, inside paragraphs too.
 */
import { rememberSpokenText, spokenText } from './extract/spoken-text.ts';
import { isHiddenByStyle, traitsOf, unreadReason } from './extract/visibility.ts';
import { nameWords, skipReason } from './extract/rules.ts';

export type ParagraphKind = 'heading' | 'paragraph' | 'list-item' | 'quote' | 'caption' | 'table-cell';

export interface Paragraph {
  readonly element: HTMLElement;
  readonly kind: ParagraphKind;
  /**
   * The text as spoken: the element's visible text nodes, one character for
   * one (whitespace as spaces, `<br>` as a line break), so offsets map back
   * to the DOM for highlighting (extract/spoken-text.ts keeps the map).
   */
  readonly text: string;
  readonly lang: string;
}

const UNIT_KINDS: Readonly<Record<string, ParagraphKind>> = {
  H1: 'heading',
  H2: 'heading',
  H3: 'heading',
  H4: 'heading',
  H5: 'heading',
  H6: 'heading',
  P: 'paragraph',
  PRE: 'paragraph',
  LI: 'list-item',
  BLOCKQUOTE: 'quote',
  FIGCAPTION: 'caption',
  DD: 'paragraph',
  DT: 'paragraph',
  TD: 'table-cell',
  CAPTION: 'paragraph',
  TH: 'table-cell',
};

/** Elements whose content is always one paragraph of text (HTML allows no blocks inside). */
const ALWAYS_WHOLE = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'DT']);

/** Block-level content: a list item or quote that holds any is read through its children. */
const BLOCK_SELECTOR =
  'p, div, h1, h2, h3, h4, h5, h6, ul, ol, li, dl, dt, dd, table, caption, tr, td, th, blockquote, figure, figcaption, pre, section, article, header, main, address, center';

const HAS_WORDS = /[\p{L}\p{N}]/u;

export interface ExtractOptions {
  readonly readCaptions: boolean;
  /** Language when neither the unit nor any ancestor says. */
  readonly fallbackLang: string;
}

function langOf(element: Element, fallback: string): string {
  return element.closest('[lang]')?.getAttribute('lang') || fallback;
}

/** Whether `element` or an ancestor up to `root` is left unread (by rules or CSS). */
export function isSkipped(element: Element, root: Element): boolean {
  for (let node: Element | null = element; node && node !== root.parentElement; node = node.parentElement) {
    if (skipReason(traitsOf(node))) return true;
  }
  return isHiddenByStyle(element);
}

function isBlock(node: Node): boolean {
  if (node.nodeType !== Node.ELEMENT_NODE) return false;
  const element = node as Element;
  return element.matches(BLOCK_SELECTOR) || element.querySelector(BLOCK_SELECTOR) !== null;
}

/** A figure caption, or a block a gallery styles as one (`class="caption"`): read only with the captions setting. */
function isCaption(element: Element): boolean {
  return element.tagName === 'FIGCAPTION' || nameWords(element.getAttribute('class') ?? '').includes('caption');
}

/**
 * A short paragraph that is mostly a link ("Read more: …", a list of other
 * stories): a pointer elsewhere, not the story.
 */
function isLinkLine(element: Element, text: string): boolean {
  const length = text.replace(/\s+/g, ' ').trim().length;
  if (length === 0 || length > 200) return false;
  let linked = 0;
  for (const link of Array.from(element.querySelectorAll('a[href]'))) linked += (link.textContent ?? '').trim().length;
  return linked / length >= 0.6;
}

export function extractParagraphs(root: HTMLElement, options: ExtractOptions): Paragraph[] {
  const units: Paragraph[] = [];
  // Skipped ancestors of the root itself (e.g. a hidden wrapper) hide everything.
  if (root.parentElement && isSkipped(root.parentElement, root.ownerDocument.documentElement)) return units;
  if (isHiddenByStyle(root)) return units;

  const emit = (element: HTMLElement, kind: ParagraphKind, children?: readonly Node[]) => {
    const spoken = spokenText(element, children);
    if (!HAS_WORDS.test(spoken.text)) return;
    if ((kind === 'paragraph' || kind === 'list-item') && isLinkLine(element, spoken.text)) return;
    rememberSpokenText(element, spoken);
    units.push({ element, kind, text: spoken.text, lang: langOf(element, options.fallbackLang) });
  };

  const visit = (element: HTMLElement): void => {
    if (element !== root && unreadReason(element)) return;
    const kind = isCaption(element) ? 'caption' : UNIT_KINDS[element.tagName];
    if (kind === 'caption' && !options.readCaptions) return;
    if (kind && (ALWAYS_WHOLE.has(element.tagName) || element.querySelector(BLOCK_SELECTOR) === null)) {
      emit(element, kind);
      return;
    }
    // A container: its loose text (a `<div>` text block, text around a nested
    // list) is one paragraph, read where its first words are; its blocks are
    // read in order around it. (One paragraph, because the highlight maps a
    // paragraph's offsets through its element: text that resumes after a
    // block is read with the text before it.)
    const children = Array.from(element.childNodes);
    const loose = children.filter((child) => !isBlock(child));
    let looseRead = false;
    for (const child of children) {
      if (isBlock(child)) visit(child as HTMLElement);
      else if (!looseRead && HAS_WORDS.test(child.textContent ?? '')) {
        looseRead = true;
        emit(element, kind ?? 'paragraph', loose);
      }
    }
  };
  visit(root);
  return units;
}

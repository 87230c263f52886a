/**
 * Finds what to read in an article element: headings, paragraphs, list items,
 * quotes, table cells, `<div>` text blocks and (optionally) figure captions,
 * in document order. Everything a listener would not want read (navigation,
 * asides, share bars, bylines, ads, comments, hidden text, footnote markers,
 * the player itself, anything marked `data-aloud-skip`; see extract/rules.ts)
 * is left out, inside paragraphs too.
 */
import { rememberSpokenText, spokenText } from './extract/spoken-text.ts';
import { isHiddenByStyle, ruleReason, unreadReason } from './extract/visibility.ts';
import { nameWords } from './extract/rules.ts';

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
const BLOCK_NAMES = [
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'caption',
  'tr',
  'td',
  'th',
  'blockquote',
  'figure',
  'figcaption',
  'pre',
  'section',
  'article',
  'header',
  'main',
  'address',
  'center',
];
const BLOCK_SELECTOR = BLOCK_NAMES.join(', ');
const BLOCK_LOCAL_NAMES = new Set(BLOCK_NAMES);
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

const HAS_WORDS = /[\p{L}\p{N}]/u;

export interface ExtractOptions {
  readonly readCaptions: boolean;
  /** Language when neither the unit nor any ancestor says. */
  readonly fallbackLang: string;
}

/**
 * The language of each element, as `closest('[lang]')` would give it, with
 * the answer for each parent remembered: the paragraphs of an article share
 * a few ancestors, so a long article climbs its tree once, not once per
 * paragraph.
 */
function languages(fallback: string): (element: Element) => string {
  const known = new Map<Element, string>();
  const langOf = (element: Element): string => {
    const own = element.getAttribute('lang');
    if (own !== null) return own || fallback;
    const parent = element.parentElement;
    if (!parent) return fallback;
    let lang = known.get(parent);
    if (lang === undefined) {
      lang = langOf(parent);
      known.set(parent, lang);
    }
    return lang;
  };
  return langOf;
}

/** Whether `element` or an ancestor up to `root` is left unread (by rules or CSS). */
export function isSkipped(element: Element, root: Element): boolean {
  for (let node: Element | null = element; node && node !== root.parentElement; node = node.parentElement) {
    if (ruleReason(node)) return true;
  }
  return isHiddenByStyle(element);
}

/**
 * Whether a block sits anywhere inside `element`. An element without child
 * elements (most paragraphs) holds none, and answers without a selector
 * search of its subtree.
 */
function holdsBlock(element: Element): boolean {
  return element.firstElementChild !== null && element.querySelector(BLOCK_SELECTOR) !== null;
}

function isBlock(node: Node): boolean {
  if (node.nodeType !== Node.ELEMENT_NODE) return false;
  const element = node as Element;
  // An HTML element is a block by its name: a set lookup, the same answer as `matches(BLOCK_SELECTOR)`.
  const named =
    element.namespaceURI === HTML_NAMESPACE
      ? BLOCK_LOCAL_NAMES.has(element.localName)
      : element.matches(BLOCK_SELECTOR);
  return named || holdsBlock(element);
}

/** A figure caption, or a block a gallery styles as one (`class="caption"`): read only with the captions setting. */
function isCaption(element: Element): boolean {
  if (element.tagName === 'FIGCAPTION') return true;
  const className = element.getAttribute('class');
  return className !== null && nameWords(className).includes('caption');
}

/**
 * A short paragraph that is mostly a link ("Read more: …", a list of other
 * stories): a pointer elsewhere, not the story.
 */
function isLinkLine(element: Element, text: string): boolean {
  // No child element, no link: most paragraphs are plain text.
  if (element.firstElementChild === null) return false;
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
  const langOf = languages(options.fallbackLang);

  const emit = (element: HTMLElement, kind: ParagraphKind, children?: readonly Node[]) => {
    const spoken = spokenText(element, children);
    if (!HAS_WORDS.test(spoken.text)) return;
    if ((kind === 'paragraph' || kind === 'list-item') && isLinkLine(element, spoken.text)) return;
    rememberSpokenText(element, spoken);
    units.push({ element, kind, text: spoken.text, lang: langOf(element) });
  };

  const visit = (element: HTMLElement): void => {
    if (element !== root && unreadReason(element)) return;
    const kind = isCaption(element) ? 'caption' : UNIT_KINDS[element.tagName];
    if (kind === 'caption' && !options.readCaptions) return;
    if (kind && (ALWAYS_WHOLE.has(element.tagName) || !holdsBlock(element))) {
      emit(element, kind);
      return;
    }
    // A container: its loose text (a `<div>` text block, text around a nested
    // list) is one paragraph, read where its first words are; its blocks are
    // read in order around it. (One paragraph, because the highlight maps a
    // paragraph's offsets through its element: text that resumes after a
    // block is read with the text before it.)
    const children = Array.from(element.childNodes);
    const blocks = children.map(isBlock);
    const loose = children.filter((_, index) => !blocks[index]);
    let looseRead = false;
    for (const [index, child] of children.entries()) {
      if (blocks[index]) visit(child as HTMLElement);
      else if (!looseRead && HAS_WORDS.test(child.textContent ?? '')) {
        looseRead = true;
        emit(element, kind ?? 'paragraph', loose);
      }
    }
  };
  visit(root);
  return units;
}

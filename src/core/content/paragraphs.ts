/**
 * Finds what to read in an article element: headings, paragraphs, list items,
 * quotes, table cells, `<div>` text blocks and (optionally) figure captions,
 * in document order. Everything a listener would not want read (navigation,
 * asides, share bars, bylines, ads, comments, hidden text, footnote markers,
 * the player itself, anything marked `data-aloud-skip`; see extract/rules.ts)
 * is left out, inside paragraphs too.
 *
 * Indexing is one walk of the article that reads tags and attributes only.
 * What costs more per paragraph waits until the paragraph is first needed
 * (read, jumped to, announced): its spoken text with the map back to the DOM,
 * whether CSS hides it, and whether it is only a link line ("Read more: …").
 * A paragraph that then turns out to have nothing to read has empty text: the
 * reading passes it without a word. A short article's index leaves such
 * paragraphs out at once (`readableParagraphs`); a long one's keeps them, so
 * that no paragraph is renumbered (see the player's settle-index.ts).
 */
import { firstWordyText, hasWords } from './extract/has-words.ts';
import { classOnlyReason, isHiddenByStyle, ruleReason } from './extract/visibility.ts';
import { nameWords } from './extract/rules.ts';
import { IndexedParagraph, WordSample } from './indexed-paragraph.ts';

export type ParagraphKind = 'heading' | 'paragraph' | 'list-item' | 'quote' | 'caption' | 'table-cell';

export interface Paragraph {
  readonly element: HTMLElement;
  readonly kind: ParagraphKind;
  /**
   * The text as spoken: the element's visible text nodes, one character for
   * one (whitespace as spaces, `<br>` as a line break), so offsets map back
   * to the DOM for highlighting (extract/spoken-text.ts keeps the map). An
   * indexed paragraph builds it on first use; '' when CSS hides it.
   */
  readonly text: string;
  readonly lang: string;
  /**
   * Words, for time estimates (as `countWords` counts them). An indexed
   * paragraph counts the words of its text once it is built; until then it
   * says what its article's first paragraphs hold on average (`WordSample`).
   * Absent, `text` is counted.
   */
  readonly words?: number;
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
/** The same, upper case (as `tagName` gives them in an HTML document). */
const BLOCK_TAGS: ReadonlySet<string> = new Set(BLOCK_NAMES.map((name) => name.toUpperCase()));

export interface ExtractOptions {
  readonly readCaptions: boolean;
  /** Language when neither the unit nor any ancestor says. */
  readonly fallbackLang: string;
}

/** The language `element` is in, as `closest('[lang]')` gives it (an empty `lang` means `fallback`). */
function languageOf(element: Element, fallback: string): string {
  return element.closest('[lang]')?.getAttribute('lang') || fallback;
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

/**
 * Whether `element` (with upper-case tag name `tag`) is a block: a block by
 * its name (a set lookup, where `matches(BLOCK_SELECTOR)` would run a
 * selector), or anything holding one.
 */
function isBlock(element: Element, tag: string): boolean {
  return BLOCK_TAGS.has(tag) || holdsBlock(element);
}

/** A figure caption, or a block a gallery styles as one (`class="caption"`): read only with the captions setting. */
function isCaption(tag: string, className: string | null): boolean {
  if (tag === 'FIGCAPTION') return true;
  return className !== null && nameWords(className).includes('caption');
}

/**
 * The paragraphs of `root`, in document order. Rules (extract/rules.ts) are
 * applied now; CSS is checked now for the containers walked into, and for
 * each paragraph when its text is first read (see `IndexedParagraph`).
 */
export function extractParagraphs(root: HTMLElement, options: ExtractOptions): Paragraph[] {
  const units: IndexedParagraph[] = [];
  // Skipped ancestors of the root itself (e.g. a hidden wrapper) hide everything.
  if (root.parentElement && isSkipped(root.parentElement, root.ownerDocument.documentElement)) return units;
  if (isHiddenByStyle(root)) return units;
  const sample = new WordSample(units);

  const emit = (element: HTMLElement, kind: ParagraphKind, lang: string, children?: readonly Node[]) => {
    units.push(new IndexedParagraph(element, kind, lang, sample, children));
  };

  // Each element's tag, attributes and language are read once, on the way
  // down: a long article is thousands of alike paragraphs, and the calls
  // into the DOM are most of what indexing it costs.
  const visit = (element: HTMLElement, tag: string, parentLang: string): void => {
    const bare = !element.hasAttributes();
    // Only a class (most story paragraphs): two reads of the DOM answer everything below.
    const names = bare ? null : element.getAttributeNames();
    const onlyClass = names?.length === 1 && names[0] === 'class' ? (element.getAttribute('class') ?? '') : null;
    const byClass = onlyClass === null ? undefined : classOnlyReason(tag, onlyClass);
    if (element !== root && (byClass === undefined ? ruleReason(element, tag, bare) : byClass)) return;
    const own = bare || onlyClass !== null ? null : element.getAttribute('lang');
    const lang = own === null ? parentLang : own || options.fallbackLang;
    const className = bare ? null : (onlyClass ?? element.getAttribute('class'));
    const kind = isCaption(tag, className) ? 'caption' : UNIT_KINDS[tag];
    if (kind === 'caption' && !options.readCaptions) return;
    if (kind && (ALWAYS_WHOLE.has(tag) || !holdsBlock(element))) {
      // Whether it has words is found out with its text (an empty `<p>` spacer then reads as '').
      emit(element, kind, lang);
      return;
    }
    // Walked into: CSS that hides a container hides all it holds, so it is checked now.
    if (element !== root && isHiddenByStyle(element)) return;
    // A container: its loose text (a `<div>` text block, text around a nested
    // list) is one paragraph, read where its first words are; its blocks are
    // read in order around it. (One paragraph, because the highlight maps a
    // paragraph's offsets through its element: text that resumes after a
    // block is read with the text before it.) Comments are neither.
    const looseText = firstWordyText(element);
    let looseRead = false;
    const readLoose = () => {
      looseRead = true;
      emit(element, kind ?? 'paragraph', lang, looseChildren(element));
    };
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
      if (!looseRead && looseText && child.compareDocumentPosition(looseText) & Node.DOCUMENT_POSITION_PRECEDING)
        readLoose();
      // Upper case as in HTML documents; an XHTML page's tag names are lower case.
      const childTag = child.tagName.toUpperCase();
      if (isBlock(child, childTag)) visit(child as HTMLElement, childTag, lang);
      else if (!looseRead && hasWords(child)) readLoose();
    }
    if (!looseRead && looseText) readLoose();
  };
  visit(root, root.tagName.toUpperCase(), languageOf(root, options.fallbackLang));
  return units;
}

/** The children of a container that are not blocks (text, inline elements), in order. */
function looseChildren(element: Element): Node[] {
  const loose: Node[] = [];
  for (let child = element.firstChild; child; child = child.nextSibling) {
    const type = child.nodeType;
    if (
      type === Node.TEXT_NODE ||
      (type === Node.ELEMENT_NODE && !isBlock(child as Element, (child as Element).tagName.toUpperCase()))
    )
      loose.push(child);
  }
  return loose;
}

/**
 * An index of up to this many paragraphs is finished at once
 * (`readableParagraphs`): a few milliseconds; a longer one in idle time.
 */
export const FINISHED_AT_ONCE = 200;

/**
 * `units` without those that turned out to have nothing to read (hidden by
 * CSS, a spacer, only hidden words, a link line). Builds each one's text, so
 * it is for a short article (`FINISHED_AT_ONCE`) or a test.
 */
export function readableParagraphs(units: readonly Paragraph[]): Paragraph[] {
  return units.filter((unit) => unit.text !== '');
}

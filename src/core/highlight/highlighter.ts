/**
 * Marks what is being read, in place. The paragraph gets one attribute
 * (`data-aloud-current`), toggled on exactly one element: O(1) per change and
 * no re-render of the article. The word uses the CSS Custom Highlight API, so
 * neither the DOM nor the listener's selection is touched.
 */

import { domPosition, spokenTextOf } from '../content/extract/spoken-text.ts';

export const CURRENT_ATTRIBUTE = 'data-aloud-current';
export const WORD_HIGHLIGHT = 'aloud-word';

/**
 * Defaults the host page can override: they sit in a cascade layer, and
 * unlayered author styles always beat layered ones.
 */
const DEFAULT_STYLES = `
@layer aloud {
  :where([${CURRENT_ATTRIBUTE}]) {
    background-color: color-mix(in srgb, Mark 35%, transparent);
    outline: 2px solid color-mix(in srgb, CanvasText 55%, transparent);
    outline-offset: 4px;
    border-radius: 2px;
  }
  ::highlight(${WORD_HIGHLIGHT}) {
    background-color: Mark;
    color: MarkText;
    text-decoration: underline 2px;
  }
  @media (forced-colors: active) {
    :where([${CURRENT_ATTRIBUTE}]) { outline: 2px solid Highlight; background-color: transparent; }
    ::highlight(${WORD_HIGHLIGHT}) { background-color: Highlight; color: HighlightText; }
  }
}`;

/** The documents and shadow roots that have the default styles; one sheet serves them all. */
const styledRoots = new WeakSet<Document | ShadowRoot>();
let defaultSheet: CSSStyleSheet | null = null;

/**
 * Adopts the default styles into the document or shadow root `root`: styles
 * do not cross a shadow boundary, so an article in a shadow root needs them
 * there too, in the same `aloud` layer, so that the host's own rules in that
 * root still win.
 */
export function adoptDefaultStyles(root: Document | ShadowRoot): void {
  if (styledRoots.has(root) || typeof CSSStyleSheet === 'undefined') return;
  try {
    // A constructed sheet, not a <style> element: allowed under a strict CSP.
    if (!defaultSheet) {
      defaultSheet = new CSSStyleSheet();
      defaultSheet.replaceSync(DEFAULT_STYLES);
    }
    root.adoptedStyleSheets = [defaultSheet, ...root.adoptedStyleSheets];
    styledRoots.add(root);
  } catch {
    // Older engines without constructable sheets: the page's own CSS still applies.
  }
}

interface TextPosition {
  readonly node: Text;
  readonly offset: number;
}

/**
 * Turns an offset into the paragraph's text into a DOM position: through the
 * map kept when it was indexed (which skips hidden text and counts a `<br>`
 * as one character), else by walking all its text nodes.
 */
function positionAt(element: Element, offset: number, side: 'start' | 'end'): TextPosition | null {
  const spoken = spokenTextOf(element);
  if (spoken) return domPosition(spoken, offset, side);
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let seen = 0;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    if (offset <= seen + length) return { node, offset: offset - seen };
    seen += length;
    last = node;
  }
  return last ? { node: last, offset: last.data.length } : null;
}

export function supportsWordHighlight(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class Highlighter {
  #current: Element | null = null;
  readonly #range: Range | null;
  readonly #highlight: Highlight | null;
  #wordShown = false;

  readonly #doc: Document;
  constructor(doc: Document = document) {
    this.#doc = doc;

    adoptDefaultStyles(doc);
    this.#range = supportsWordHighlight() ? doc.createRange() : null;
    this.#highlight = this.#range ? new Highlight(this.#range) : null;
  }

  get currentElement(): Element | null {
    return this.#current;
  }

  setParagraph(element: Element | null): void {
    if (element === this.#current) return;
    this.#current?.removeAttribute(CURRENT_ATTRIBUTE);
    if (element) {
      const root = element.getRootNode();
      if (root instanceof ShadowRoot) adoptDefaultStyles(root);
      element.setAttribute(CURRENT_ATTRIBUTE, '');
    }
    this.#current = element;
    if (!element) this.clearWord();
  }

  /** Highlights `[start, end)` of the element's text; returns false where unsupported. */
  setWord(element: Element, start: number, end: number): boolean {
    if (!this.#range || !this.#highlight) return false;
    const from = positionAt(element, start, 'start');
    const to = positionAt(element, end, 'end');
    if (!from || !to) return false;
    this.#range.setStart(from.node, from.offset);
    this.#range.setEnd(to.node, to.offset);
    if (!this.#wordShown) {
      CSS.highlights.set(WORD_HIGHLIGHT, this.#highlight);
      this.#wordShown = true;
    }
    return true;
  }

  clearWord(): void {
    if (!this.#wordShown) return;
    // Only remove our own registration: another player may own it now.
    if (CSS.highlights.get(WORD_HIGHLIGHT) === this.#highlight) CSS.highlights.delete(WORD_HIGHLIGHT);
    this.#wordShown = false;
  }

  clear(): void {
    this.setParagraph(null);
    this.clearWord();
  }

  get document(): Document {
    return this.#doc;
  }
}

/**
 * Finds what to read in an article element: headings, paragraphs, list items,
 * quotes and (optionally) figure captions, in document order. Everything a
 * listener would not want read (navigation, asides, hidden text, the player
 * itself, anything marked `data-aloud-skip`) is left out.
 */

export type ReadingUnitKind = 'heading' | 'paragraph' | 'list-item' | 'quote' | 'caption';

export interface ReadingUnit {
  readonly element: HTMLElement;
  readonly kind: ReadingUnitKind;
  /** Text exactly as in the DOM's text nodes, so offsets map back for highlighting. */
  readonly text: string;
  readonly lang: string;
}

const SKIP_SELECTOR = [
  'nav',
  'aside',
  'footer',
  'script',
  'style',
  'template',
  'noscript',
  'button',
  'select',
  'textarea',
  '[hidden]',
  '[aria-hidden="true"]',
  '[inert]',
  '[data-aloud-skip]',
  'aloud-player',
].join(',');

const UNIT_KINDS: Readonly<Record<string, ReadingUnitKind>> = {
  H1: 'heading',
  H2: 'heading',
  H3: 'heading',
  H4: 'heading',
  H5: 'heading',
  H6: 'heading',
  P: 'paragraph',
  LI: 'list-item',
  BLOCKQUOTE: 'quote',
  FIGCAPTION: 'caption',
  DD: 'paragraph',
  DT: 'paragraph',
};

/** A blockquote or list item that wraps paragraphs is read through its children. */
const CONTAINER_CHILDREN = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, figure, ul, ol';

export interface ExtractOptions {
  readonly readCaptions: boolean;
  /** Language when neither the unit nor any ancestor says. */
  readonly fallbackLang: string;
}

function langOf(element: Element, fallback: string): string {
  return element.closest('[lang]')?.getAttribute('lang') || fallback;
}

export function isSkipped(element: Element, root: Element): boolean {
  for (let node: Element | null = element; node && node !== root.parentElement; node = node.parentElement) {
    if (node.matches(SKIP_SELECTOR)) return true;
  }
  return false;
}

export function extractReadingUnits(root: HTMLElement, options: ExtractOptions): ReadingUnit[] {
  const units: ReadingUnit[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT, {
    acceptNode(node) {
      const element = node as Element;
      if (element.matches(SKIP_SELECTOR)) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  // Skipped ancestors of the root itself (e.g. a hidden wrapper) hide everything.
  if (root.parentElement && isSkipped(root.parentElement, root.ownerDocument.documentElement)) return units;
  for (let node = walker.nextNode(); node;) {
    const element = node as HTMLElement;
    const kind = UNIT_KINDS[element.tagName];
    const isLeafUnit =
      kind !== undefined && !(kind !== 'paragraph' && kind !== 'heading' && element.querySelector(CONTAINER_CHILDREN));
    if (kind && isLeafUnit) {
      const text = element.textContent ?? '';
      if ((kind !== 'caption' || options.readCaptions) && /[\p{L}\p{N}]/u.test(text)) {
        units.push({ element, kind, text, lang: langOf(element, options.fallbackLang) });
      }
      // Units do not nest: continue after this element's subtree.
      node = nextOutside(walker, element);
      continue;
    }
    node = walker.nextNode();
  }
  return units;
}

function nextOutside(walker: TreeWalker, element: Element): Node | null {
  walker.currentNode = element;
  const sibling = walker.nextSibling();
  if (sibling) return sibling;
  for (let parent = walker.parentNode(); parent; parent = walker.parentNode()) {
    const next = walker.nextSibling();
    if (next) return next;
  }
  return null;
}

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

/** What makes a blockquote or list item a container rather than a unit. */
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

const UNIT_SELECTOR = Object.keys(UNIT_KINDS).join(',');
const HAS_LETTER = /[\p{L}\p{N}]/u;

/**
 * One native `querySelectorAll` for the candidates and one for what is
 * skipped, then a short walk up from each candidate: a TreeWalker calling
 * back into script for every element cost five times a plain DOM walk on a
 * 10,000-paragraph article.
 */
export function extractReadingUnits(root: HTMLElement, options: ExtractOptions): ReadingUnit[] {
  const units: ReadingUnit[] = [];
  // Skipped ancestors of the root itself (e.g. a hidden wrapper) hide everything.
  if (root.parentElement && isSkipped(root.parentElement, root.ownerDocument.documentElement)) return units;
  const skipped = new Set(root.querySelectorAll(SKIP_SELECTOR));
  /** Units taken (or passed over) whole: units do not nest. */
  const whole = new Set<Element>();
  /** Inherited language by parent: siblings share it, and `closest()` for each one showed up in profiles. */
  const parentLang = new Map<Element, string>();
  const langFor = (element: Element): string => {
    const own = element.getAttribute('lang');
    if (own) return own;
    const parent = element.parentElement;
    if (!parent) return options.fallbackLang;
    let lang = parentLang.get(parent);
    if (lang === undefined) parentLang.set(parent, (lang = langOf(parent, options.fallbackLang)));
    return lang;
  };
  for (const element of root.querySelectorAll<HTMLElement>(UNIT_SELECTOR)) {
    const kind = UNIT_KINDS[element.tagName];
    if (!kind || skipped.has(element)) continue;
    let hidden = false;
    for (let node = element.parentElement; node && node !== root && !hidden; node = node.parentElement) {
      hidden = skipped.has(node) || whole.has(node);
    }
    if (hidden) continue;
    // A blockquote or list item that wraps paragraphs is read through its children.
    if (kind !== 'paragraph' && kind !== 'heading' && element.querySelector(CONTAINER_CHILDREN)) continue;
    whole.add(element);
    const text = element.textContent ?? '';
    if ((kind !== 'caption' || options.readCaptions) && HAS_LETTER.test(text)) {
      units.push({ element, kind, text, lang: langFor(element) });
    }
  }
  return units;
}

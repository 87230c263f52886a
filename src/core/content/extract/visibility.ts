/**
 * Whether an element on the live page is left unread: the rules of rules.ts
 * (furniture, markers, publisher opt-outs) plus what CSS hides from a sighted
 * reader (`display: none`, `visibility: hidden`, `content-visibility`).
 */
import { skipReason, type ElementTraits } from './rules.ts';

const TRAIT_ATTRIBUTES = [
  'hidden',
  'aria-hidden',
  'inert',
  'data-aloud-skip',
  'data-aloud-read',
  'data-speakable',
  'itemprop',
] as const;

/**
 * The schema.org `speakable` CSS selectors a page declares in JSON-LD, joined;
 * '' when none. Read once per extraction (see `forgetSpeakable`), not per element.
 */
const speakableSelectors = new WeakMap<Document, string>();

/** Reads the page's JSON-LD again next time: called as each extraction starts, since pages change. */
export function forgetSpeakable(doc: Document): void {
  speakableSelectors.delete(doc);
}

/** Reads the page's JSON-LD for `speakable.cssSelector` (a string or a list); invalid selectors are dropped. */
export function speakableSelector(doc: Document): string {
  const known = speakableSelectors.get(doc);
  if (known !== undefined) return known;
  const selectors: string[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      collectSpeakable(JSON.parse(script.textContent ?? ''), selectors);
    } catch {
      // The publisher's malformed JSON: no selectors from it.
    }
  }
  const valid = selectors.filter((selector) => {
    try {
      doc.createDocumentFragment().querySelector(selector);
      return true;
    } catch {
      return false;
    }
  });
  const joined = valid.join(', ');
  speakableSelectors.set(doc, joined);
  return joined;
}

function collectSpeakable(value: unknown, into: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectSpeakable(item, into);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  const speakable = record['speakable'] as Record<string, unknown> | undefined;
  const css = speakable?.['cssSelector'];
  if (typeof css === 'string') into.push(css);
  else if (Array.isArray(css)) into.push(...css.filter((item): item is string => typeof item === 'string'));
  collectSpeakable(record['@graph'], into);
}

export function traitsOf(element: Element): ElementTraits {
  const attributes: Record<string, string | null> = {};
  for (const name of TRAIT_ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value !== null) attributes[name] = value;
  }
  const className = typeof element.className === 'string' ? element.className : element.getAttribute('class');
  const onlyLink =
    element.tagName === 'SUP' &&
    element.querySelector('a') !== null &&
    (element.querySelector('a')?.textContent ?? '').trim() === (element.textContent ?? '').trim();
  const speakable = speakableSelector(element.ownerDocument);
  return {
    included: speakable !== '' && element.matches(speakable),
    tag: element.tagName.toUpperCase(),
    id: element.id,
    className: className ?? '',
    role: element.getAttribute('role'),
    attributes,
    onlyLink,
  };
}

/**
 * Hidden by CSS. `checkVisibility()` where the engine has it (it sees
 * `display: none` on any ancestor, `visibility: hidden` and
 * `content-visibility: hidden`); else the computed style of the element.
 * Elements in a document without a window (a parsed fragment) count as visible.
 */
export function isHiddenByStyle(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  if (!view || !element.isConnected) return false;
  if (typeof element.checkVisibility === 'function') {
    if (element.checkVisibility({ visibilityProperty: true })) return false;
    // `display: contents` has no box of its own, so checkVisibility() says false;
    // its children are shown if its parent is.
    if (view.getComputedStyle(element).display !== 'contents') return true;
    return element.parentElement ? isHiddenByStyle(element.parentElement) : false;
  }
  const style = view.getComputedStyle(element);
  return style.display === 'none' || style.visibility === 'hidden';
}

/** Why `element` itself (not its ancestors) is left unread, or null. */
export function unreadReason(element: Element): string | null {
  return skipReason(traitsOf(element)) ?? (isHiddenByStyle(element) ? 'hidden by CSS' : null);
}

/** Whether `element` or an ancestor up to and including `root` is left unread. */
export function isUnreadWithin(element: Element, root: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (skipReason(traitsOf(node))) return true;
    if (node === root) break;
  }
  return isHiddenByStyle(element);
}

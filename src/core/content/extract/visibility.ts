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
 * The schema.org `speakable` CSS selectors of the page being read, joined; ''
 * when none. Set for each extraction by the reading (page-reading.ts reads
 * them from the page's JSON-LD), so each element costs one `matches()`.
 */
let speakable = '';

export function useSpeakable(selector: string): void {
  speakable = selector;
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

/**
 * Why `element` itself is left unread by the rules of rules.ts (not CSS), or
 * null. Most story elements carry no attribute at all (a bare `<p>`): then
 * only the tag can rule them out, and gathering their traits (seven
 * attribute reads, a `matches()` against the speakable selectors, splitting
 * names into words) would be wasted on every paragraph of a long article. A
 * `<sup>` still takes the whole path, for its footnote-marker test.
 */
export function ruleReason(element: Element): string | null {
  if (!element.hasAttributes() && element.tagName !== 'SUP') return skipReason({ tag: element.tagName.toUpperCase() });
  return skipReason(traitsOf(element));
}

/** Why `element` itself (not its ancestors) is left unread, or null. */
export function unreadReason(element: Element): string | null {
  return ruleReason(element) ?? (isHiddenByStyle(element) ? 'hidden by CSS' : null);
}

/** Whether `element` or an ancestor up to and including `root` is left unread. */
export function isUnreadWithin(element: Element, root: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (ruleReason(node)) return true;
    if (node === root) break;
  }
  return isHiddenByStyle(element);
}

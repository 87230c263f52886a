/**
 * Whether an element on the live page is left unread: the rules of rules.ts
 * (furniture, markers, publisher opt-outs) plus what CSS hides from a sighted
 * reader (`display: none`, `visibility: hidden`, `content-visibility`).
 */
import { skipReason, tagReason, type ElementTraits } from './rules.ts';

/** Attributes the rules look at besides class, id and role. */
const TRAIT_ATTRIBUTES: ReadonlySet<string> = new Set([
  'hidden',
  'aria-hidden',
  'inert',
  'data-aloud-skip',
  'data-aloud-read',
  'data-speakable',
  'itemprop',
]);

/**
 * The schema.org `speakable` CSS selectors of the page being read, joined; ''
 * when none. Set for each extraction by the reading (page-reading.ts reads
 * them from the page's JSON-LD), so each element costs one `matches()`.
 */
let speakable = '';

export function useSpeakable(selector: string): void {
  speakable = selector;
}

/**
 * What the rules look at of `element`. Its attribute names are listed once
 * and only those present are read: a story paragraph usually has a class
 * and nothing else, and ten reads that answer null would cost more.
 */
export function traitsOf(element: Element): ElementTraits {
  const attributes: Record<string, string | null> = {};
  let className = '';
  let id = '';
  let role: string | null = null;
  for (const name of element.getAttributeNames()) {
    if (name === 'class') className = element.getAttribute(name) ?? '';
    else if (name === 'id') id = element.getAttribute(name) ?? '';
    else if (name === 'role') role = element.getAttribute(name);
    else if (TRAIT_ATTRIBUTES.has(name)) attributes[name] = element.getAttribute(name);
  }
  const tag = element.tagName.toUpperCase();
  const onlyLink =
    tag === 'SUP' &&
    element.querySelector('a') !== null &&
    (element.querySelector('a')?.textContent ?? '').trim() === (element.textContent ?? '').trim();
  return {
    included: speakable !== '' && element.matches(speakable),
    tag,
    id,
    className,
    role,
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
 * `tag` and `bare` (no attributes) spare the walk that knows them a second read.
 */
export function ruleReason(
  element: Element,
  tag: string = element.tagName,
  bare: boolean = !element.hasAttributes(),
): string | null {
  if (bare && tag !== 'SUP') return tagReason(tag.toUpperCase());
  return skipReason(traitsOf(element));
}

/** Answers of `classOnlyReason`, by tag and class. */
const byClass = new Map<string, Map<string, string | null>>();

/**
 * `ruleReason` of an element whose one attribute is `class` (most story
 * paragraphs): it depends on the tag and the class alone, so each pair is
 * worked out once. `undefined` when the page names speakable parts, whose
 * selectors may look at more than the class: ask `ruleReason` then.
 */
export function classOnlyReason(tag: string, className: string): string | null | undefined {
  if (speakable !== '' || tag === 'SUP') return undefined;
  let classes = byClass.get(tag);
  if (!classes) byClass.set(tag, (classes = new Map()));
  let reason = classes.get(className);
  if (reason === undefined) {
    if (classes.size >= 2000) classes.clear();
    reason = skipReason({ tag: tag.toUpperCase(), className });
    classes.set(className, reason);
  }
  return reason;
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

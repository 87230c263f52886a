/**
 * Finds the element holding the story on a page that does not say where it
 * is (no `for`, no enclosing `<article>`): the container with the densest run
 * of paragraph text, preferring the one just after the player. Reads the live
 * DOM and changes nothing; the scoring itself is score.ts.
 */
import { isHiddenByStyle, traitsOf } from './visibility.ts';
import { skipReason } from './rules.ts';
import {
  ANCESTOR_LEVELS,
  MIN_PARAGRAPH_CHARS,
  ancestorShare,
  candidateScore,
  chooseCandidate,
  isSameStory,
  paragraphPoints,
} from './score.ts';

/**
 * Blocks whose text counts as paragraphs: `<div>`s count with their loose text
 * (div soup), `<font>` and `<center>` for pages from before CSS.
 */
const PARAGRAPH_SELECTOR = 'p, pre, td, blockquote, li, div, section, font, center';
const BLOCK_INSIDE = 'p, div, section, article, table, ul, ol, blockquote, pre, h1, h2, h3, h4, h5, h6';
/** Tags too small or too structural to be the story's container. */
const NOT_CONTAINERS = new Set(['P', 'SPAN', 'A', 'EM', 'STRONG', 'B', 'I', 'LI', 'TR', 'TBODY', 'THEAD', 'HTML']);

export interface FoundBody {
  readonly element: HTMLElement;
  /** Paragraphs of at least MIN_PARAGRAPH_CHARS counted inside it. */
  readonly paragraphs: number;
}

/** Text of `block` that is its own (for a `<div>`, only its loose text, not its child blocks'). */
function ownText(block: Element): string {
  if (block.tagName === 'P' || block.tagName === 'PRE' || !block.querySelector(BLOCK_INSIDE)) {
    return block.textContent ?? '';
  }
  let text = '';
  for (const child of Array.from(block.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) text += (child as Text).data;
    else if (child.nodeType === Node.ELEMENT_NODE && !(child as Element).matches(BLOCK_INSIDE)) {
      if (!(child as Element).querySelector(BLOCK_INSIDE)) text += child.textContent ?? '';
    }
  }
  return text;
}

/** Whether `element` or an ancestor is page furniture (by rules); answers are cached per search. */
function isFurniture(element: Element, cache: Map<Element, boolean>): boolean {
  const path: Element[] = [];
  let result = false;
  for (let node: Element | null = element; node; node = node.parentElement) {
    const known = cache.get(node);
    if (known !== undefined) {
      result = known;
      break;
    }
    path.push(node);
    if (skipReason(traitsOf(node))) {
      result = true;
      break;
    }
  }
  for (const node of path) cache.set(node, result);
  return result;
}

function linkTextLength(element: Element): number {
  let length = 0;
  for (const link of Array.from(element.querySelectorAll('a'))) length += (link.textContent ?? '').trim().length;
  return length;
}

/**
 * The story's container in `scope` (a document or shadow root), or null when
 * no block of at least `minChars` characters is found. `player` marks where
 * the publisher put the player: the story right after it wins when it is
 * close enough to the best.
 */
export function findStoryBody(
  scope: Document | ShadowRoot | Element,
  player: Element | null,
  minChars = MIN_PARAGRAPH_CHARS,
): FoundBody | null {
  const points = new Map<Element, number>();
  const counts = new Map<Element, number>();
  const furniture = new Map<Element, boolean>();
  let firstAfterPlayer: Element | null = null;

  for (const block of Array.from(scope.querySelectorAll(PARAGRAPH_SELECTOR))) {
    // Old inline wrappers inside a paragraph would count its text twice.
    if ((block.tagName === 'FONT' || block.tagName === 'CENTER') && block.parentElement?.closest('p, li, td')) continue;
    const text = ownText(block).replace(/\s+/g, ' ').trim();
    if (text.length < minChars) continue;
    if (isFurniture(block, furniture) || isHiddenByStyle(block)) continue;
    const value = Math.max(paragraphPoints(text), minChars < MIN_PARAGRAPH_CHARS ? 1 : 0);
    if (value <= 0) continue;
    if (!firstAfterPlayer && player && player.compareDocumentPosition(block) & Node.DOCUMENT_POSITION_FOLLOWING) {
      firstAfterPlayer = block;
    }
    // Every block, a `<div>` text block too, gives its points to the element around it.
    let ancestor: Element | null = block.parentElement;
    for (let level = 0; ancestor && level < ANCESTOR_LEVELS; level++, ancestor = ancestor.parentElement) {
      if (ancestor.tagName === 'HTML') break;
      points.set(ancestor, (points.get(ancestor) ?? 0) + value * ancestorShare(level));
      if (level === 0) counts.set(ancestor, (counts.get(ancestor) ?? 0) + 1);
    }
  }

  const candidates = Array.from(points.keys()).filter((element) => !NOT_CONTAINERS.has(element.tagName));
  if (candidates.length === 0) return null;
  const scores = candidates.map((element) =>
    candidateScore({
      points: points.get(element) ?? 0,
      textLength: (element.textContent ?? '').replace(/\s+/g, ' ').trim().length,
      linkTextLength: linkTextLength(element),
      traits: traitsOf(element),
    }),
  );
  const scoreOf = new Map(candidates.map((element, index) => [element, scores[index] ?? 0]));

  // Near the player: the containers of the first paragraph after it, closest
  // first, up to the one that holds the player too (beyond it is the whole page).
  const near: number[] = [];
  const indexOf = new Map(candidates.map((element, index) => [element, index]));
  for (let node: Element | null = firstAfterPlayer; node; node = node.parentElement) {
    const index = indexOf.get(node);
    if (index !== undefined) near.push(index);
    if (player && node.contains(player)) break;
  }
  const chosenIndex = chooseCandidate(scores, near);
  let chosen = candidates[chosenIndex];
  if (!chosen) return null;

  // A story split into sibling blocks (around a photo, an ad): read their common parent.
  // Not past a container that holds the player: the publisher put it at the top of its story,
  // and the sibling blocks are other stories (a front page).
  for (let parent = chosen.parentElement; parent && parent.tagName !== 'BODY'; parent = parent.parentElement) {
    const current: Element = chosen;
    if (player && current.contains(player)) break;
    const own = scoreOf.get(current) ?? 0;
    // Blocks before the player belong to another story: the publisher put the player at the top of this one.
    const siblings = Array.from(parent.children).filter(
      (child) =>
        child !== current && !(player && child.compareDocumentPosition(player) & Node.DOCUMENT_POSITION_FOLLOWING),
    );
    // Text between the player and the story (a standfirst, a key-points box) is where the publisher said it starts.
    const afterPlayer = (sibling: Element) =>
      player !== null &&
      (player.compareDocumentPosition(sibling) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 &&
      (sibling.compareDocumentPosition(current) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    const joins = (sibling: Element) => {
      const score = scoreOf.get(sibling) ?? 0;
      return isSameStory(score, own) || (score > 0 && afterPlayer(sibling));
    };
    if (!siblings.some(joins)) break;
    chosen = parent;
  }
  const paragraphs = Array.from(counts.entries())
    .filter(([element]) => chosen.contains(element))
    .reduce((sum, [, count]) => sum + count, 0);
  return { element: chosen as HTMLElement, paragraphs };
}

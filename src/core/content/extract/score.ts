/**
 * Scoring which element on a page holds the story, the way a careful reader
 * skims: where is the densest run of real paragraphs? Pure (numbers and
 * traits in, numbers out), so it is tested as a table; collecting the
 * numbers from the DOM is find-body.ts.
 *
 * The model follows the one Mozilla's Readability made standard: every
 * paragraph gives its parent points for its length and commas (sentences
 * with clauses are prose; menus and link lists have none), its grandparent
 * half and further ancestors less; a container's points shrink with its link
 * density and move with its class names and role.
 *
 * Why not @mozilla/readability itself: it changes the document it is given
 * (removes and rewrites nodes, so callers clone the whole page first), while
 * the player must read and highlight the live elements in place; and version
 * 0.6.0 minified is about 11 kB gzip, most of the player's 15 kB lazy chunk,
 * which also holds the playback, the engines and the extras.
 */
import { furnitureWord, nameWords, type ElementTraits } from './rules.ts';

/** Shorter blocks are labels, buttons or captions rather than paragraphs. */
export const MIN_PARAGRAPH_CHARS = 25;

/** Points one paragraph of `text` is worth: 1, plus its commas, plus one per 100 characters (at most 3). */
export function paragraphPoints(text: string): number {
  const length = text.trim().length;
  if (length < MIN_PARAGRAPH_CHARS) return 0;
  const commas = (text.match(/[,،、，]/g) ?? []).length;
  return 1 + commas + Math.min(Math.floor(length / 100), 3);
}

/** Share of a paragraph's points that goes to its ancestor `level` steps up (0: the parent). */
export function ancestorShare(level: number): number {
  if (level === 0) return 1;
  if (level === 1) return 1 / 2;
  return 1 / (level * 3);
}

/** How many ancestors above a paragraph get points. */
export const ANCESTOR_LEVELS = 5;

const STORY_WORDS = new Set(['article', 'body', 'content', 'entry', 'story', 'text', 'main', 'post', 'prose', 'copy']);
const STORY_ROLES = new Set(['article', 'main', 'document']);

/** Points for what a container's class, id, tag and role say about it: +25 story-like, −25 furniture. */
export function traitWeight(traits: ElementTraits): number {
  let weight = 0;
  const words = nameWords(`${traits.className ?? ''} ${traits.id ?? ''}`);
  if (words.some((word) => STORY_WORDS.has(word))) weight += 25;
  if (furnitureWord(traits)) weight -= 25;
  const role = traits.role?.trim().split(/\s+/)[0];
  if (role && STORY_ROLES.has(role)) weight += 25;
  if (traits.tag === 'ARTICLE') weight += 10;
  if (traits.attributes?.['itemprop'] === 'articleBody') weight += 50;
  return weight;
}

/** What find-body.ts measures for one candidate container. */
export interface CandidateStats {
  /** Sum of the points its paragraphs passed up to it. */
  readonly points: number;
  /** Characters of its visible text. */
  readonly textLength: number;
  /** Characters of that text inside links. */
  readonly linkTextLength: number;
  readonly traits: ElementTraits;
}

/** A container's score: paragraph points plus trait weight, scaled by the share of text that is not links. */
export function candidateScore(stats: CandidateStats): number {
  if (stats.points <= 0) return 0;
  const linkDensity = stats.textLength > 0 ? Math.min(1, stats.linkTextLength / stats.textLength) : 1;
  return (stats.points + traitWeight(stats.traits)) * (1 - linkDensity);
}

/**
 * The candidate nearest the player wins when it scores at least this share of
 * the best on the page: a player placed above one of several stories reads
 * that one, yet a player dropped into a sidebar still finds the story.
 */
export const NEAR_SHARE = 0.5;

/**
 * A sibling that scores at least this share of the chosen container is part
 * of the same story (a body split into several divs around a photo or an ad),
 * so their common parent is read instead.
 */
export const SIBLING_SHARE = 0.2;
/** ... and at least this many points, so one stray caption does not widen the choice. */
export const SIBLING_MIN = 10;

/**
 * Index of the candidate to read: walking `near` (the containers of the first
 * paragraph after the player, closest first), the first that scores at least
 * NEAR_SHARE of the best on the page; else the best on the page; -1 if none.
 */
export function chooseCandidate(scores: readonly number[], near: readonly number[]): number {
  let best = -1;
  for (let index = 0; index < scores.length; index++) {
    if ((scores[index] ?? 0) > (scores[best] ?? 0)) best = index;
  }
  if (best < 0 || (scores[best] ?? 0) <= 0) return -1;
  const enough = NEAR_SHARE * (scores[best] ?? 0);
  return near.find((index) => (scores[index] ?? 0) >= enough) ?? best;
}

/** Whether a sibling scoring `sibling` belongs to the story whose container scores `chosen`. */
export function isSameStory(sibling: number, chosen: number): boolean {
  return sibling >= SIBLING_MIN && sibling >= SIBLING_SHARE * chosen;
}

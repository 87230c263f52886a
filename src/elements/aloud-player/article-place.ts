/**
 * Keeping the listener's place when an article is indexed again (captions
 * switched on, the page changed it): by the paragraph's text, not its number.
 */
import type { Paragraph } from '../../core/content/paragraphs.ts';

/** Positions below `length` from `index` outwards, the earlier first at each distance: index, index − 1, index + 1, … */
function* outwards(index: number, length: number): Generator<number> {
  for (let distance = 0; distance < length + Math.abs(index); distance++) {
    if (index - distance >= 0 && index - distance < length) yield index - distance;
    if (distance > 0 && index + distance >= 0 && index + distance < length) yield index + distance;
  }
}

/**
 * Where to resume after re-indexing: the paragraph of `next` with the same
 * text as `previous[index]`, the nearest one to `index` if it appears more
 * than once; else the same position, clamped. Pure. It looks outwards from
 * `index` and stops at the first match, so that a long article's paragraphs
 * do not all have their texts built (paragraphs.ts).
 */
export function placeByText(previous: readonly Paragraph[], index: number, next: readonly Paragraph[]): number {
  const text = previous[index]?.text.replace(/\s+/g, ' ').trim();
  if (text !== undefined) {
    for (const position of outwards(index, next.length)) {
      if (next[position]?.text.replace(/\s+/g, ' ').trim() === text) return position;
    }
  }
  return Math.max(0, Math.min(index, next.length - 1));
}

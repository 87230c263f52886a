/**
 * Keeping the listener's place when an article is indexed again (captions
 * switched on, the page changed it): by the paragraph's text, not its number.
 */
import type { Paragraph } from '../../core/content/paragraphs.ts';

/**
 * Where to resume after re-indexing: the paragraph of `next` with the same
 * text as `previous[index]`, the nearest one to `index` if it appears more
 * than once; else the same position, clamped. Pure.
 */
export function placeByText(previous: readonly Paragraph[], index: number, next: readonly Paragraph[]): number {
  const text = previous[index]?.text.replace(/\s+/g, ' ').trim();
  if (text !== undefined) {
    let best = -1;
    next.forEach((unit, position) => {
      if (unit.text.replace(/\s+/g, ' ').trim() !== text) return;
      if (best < 0 || Math.abs(position - index) < Math.abs(best - index)) best = position;
    });
    if (best >= 0) return best;
  }
  return Math.max(0, Math.min(index, next.length - 1));
}

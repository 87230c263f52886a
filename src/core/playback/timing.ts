/**
 * Elapsed and remaining time, estimated from word counts: speech engines do
 * not report durations ahead of time. Derived on demand, never stored.
 */

/** Typical Web Speech voices speak about 170 words a minute at rate 1. */
export const WORDS_PER_MINUTE = 170;

export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);
  return matches ? matches.length : 0;
}

export interface TimeEstimate {
  readonly elapsedSeconds: number;
  readonly remainingSeconds: number;
}

/**
 * `wordsBefore[i]` is the cumulative word count before paragraph i, with one
 * extra entry for the total, so each estimate is O(1).
 */
export function cumulativeWords(paragraphWords: readonly number[]): number[] {
  const totals = [0];
  for (const words of paragraphWords) totals.push((totals.at(-1) ?? 0) + words);
  return totals;
}

export function estimateTime(
  wordsBefore: readonly number[],
  paragraphIndex: number,
  fractionOfParagraph: number,
  rate: number,
): TimeEstimate {
  const total = wordsBefore.at(-1) ?? 0;
  const start = wordsBefore[paragraphIndex] ?? 0;
  const end = wordsBefore[paragraphIndex + 1] ?? start;
  const done = start + (end - start) * Math.min(1, Math.max(0, fractionOfParagraph));
  const perSecond = (WORDS_PER_MINUTE * rate) / 60;
  return { elapsedSeconds: done / perSecond, remainingSeconds: (total - done) / perSecond };
}

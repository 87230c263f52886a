/**
 * Elapsed and remaining time, estimated from word counts: speech engines do
 * not report durations ahead of time. Derived on demand, never stored.
 */

/** Typical Web Speech voices speak about 170 words a minute at rate 1. */
export const WORDS_PER_MINUTE = 170;

/**
 * A word: a run of letters, digits and their marks, where an apostrophe or
 * hyphen between two of them joins ("don't", "al-Assad").
 */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*/gu;

/**
 * Words in `text` (see `WORD`). One native regular-expression pass: it runs
 * for every paragraph of an article for its time estimate, and a loop over
 * characters in script cost several times as much on a long article.
 */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/**
 * Characters a second at rate 1 (170 words of about 5.5 characters with
 * their space, a minute): long words, numbers and URLs take longer to say
 * than their word count suggests.
 */
export const CHARACTERS_PER_SECOND = 15;

/**
 * Estimated seconds to speak `words` words spelt with `characters` UTF-16
 * units at `rate` (1 = normal): whichever of the two measures is longer.
 */
export function speechSeconds(words: number, characters: number, rate: number): number {
  const speed = Number.isFinite(rate) && rate > 0 ? rate : 1;
  return Math.max((words * 60) / (WORDS_PER_MINUTE * speed), characters / (CHARACTERS_PER_SECOND * speed));
}

/** Estimated seconds to speak `text` at `rate`, as `speechSeconds`. */
export function estimateSpeechSeconds(text: string, rate: number): number {
  return speechSeconds(countWords(text), text.length, rate);
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

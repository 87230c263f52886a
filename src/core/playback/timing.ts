/**
 * Elapsed and remaining time, estimated from word counts: speech engines do
 * not report durations ahead of time. Derived on demand, never stored.
 */

/** Typical Web Speech voices speak about 170 words a minute at rate 1. */
export const WORDS_PER_MINUTE = 170;

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
const JOINERS = new Set([0x27, 0x2019, 0x2d]); // ' ’ -

function isWordCode(text: string, index: number): boolean {
  if (index >= text.length) return false;
  const code = text.charCodeAt(index);
  // ASCII first: a Unicode-property test per character made counting a
  // 10,000-paragraph article cost more than walking its DOM.
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  if (code >= 0xdc00 && code <= 0xdfff) return index > 0 && isWordCode(text, index - 1);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(index) ?? code));
}

/**
 * Words in `text`: runs of letters, digits and their marks, where an
 * apostrophe or hyphen between two letters joins ("don't", "al-Assad").
 * One pass, no regex over the whole text: it runs for every paragraph when
 * an article is indexed.
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index++) {
    if (isWordCode(text, index)) {
      if (!inWord) words++;
      inWord = true;
    } else if (!(inWord && JOINERS.has(text.charCodeAt(index)) && isWordCode(text, index + 1))) {
      inWord = false;
    }
  }
  return words;
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

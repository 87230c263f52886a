/**
 * Word recall and precision of what was spoken against what a careful reader
 * reads, for the publisher fixtures (browser tests and `npm run bench`). Pure.
 *
 * Words are runs of letters and digits in any script, lower-cased, counted as
 * a multiset: a paragraph read twice lowers precision, a paragraph missed
 * lowers recall.
 */

export function wordsOf(text: string): string[] {
  return text.toLocaleLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

export interface WordScores {
  /** Share of the expected words that were spoken, 0 to 1. */
  readonly recall: number;
  /** Share of the spoken words that were expected, 0 to 1. */
  readonly precision: number;
}

export function scoreWords(expected: readonly string[], spoken: readonly string[]): WordScores {
  const want = new Map<string, number>();
  for (const word of expected.flatMap(wordsOf)) want.set(word, (want.get(word) ?? 0) + 1);
  const said = spoken.flatMap(wordsOf);
  const expectedCount = Array.from(want.values()).reduce((sum, count) => sum + count, 0);
  let matched = 0;
  for (const word of said) {
    const left = want.get(word) ?? 0;
    if (left > 0) {
      matched++;
      want.set(word, left - 1);
    }
  }
  return {
    recall: expectedCount === 0 ? 1 : matched / expectedCount,
    precision: said.length === 0 ? 0 : matched / said.length,
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Whitespace collapsed, for comparing a headline with an utterance. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

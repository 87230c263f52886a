/**
 * Sentence segmentation against the 48 English "Golden Rules" (our own
 * table, test/fixtures/golden-rules.ts): ours, and `Intl.Segmenter` alone
 * for comparison. Pure, in Node; the unit test holds ours to all 48.
 */
import { splitSentences } from '../src/core/content/sentences.ts';
import { GOLDEN_RULES } from '../test/fixtures/golden-rules.ts';

export interface SegmentationResult {
  readonly rules: number;
  readonly ours: number;
  readonly intlSegmenter: number;
}

export function measureSegmentation(): SegmentationResult {
  const intl = new Intl.Segmenter('en', { granularity: 'sentence' });
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  let ours = 0;
  let intlSegmenter = 0;
  for (const { text, sentences } of GOLDEN_RULES) {
    if (
      same(
        splitSentences(text, 'en').map((sentence) => sentence.text),
        sentences,
      )
    )
      ours++;
    const found = Array.from(intl.segment(text), (segment) => segment.segment.trim()).filter(Boolean);
    if (same(found, sentences)) intlSegmenter++;
  }
  return { rules: GOLDEN_RULES.length, ours, intlSegmenter };
}

export function segmentationRows(result: SegmentationResult): string[][] {
  return [
    [
      'sentences: Golden Rules passed',
      `${result.ours} of ${result.rules}`,
      `Intl.Segmenter alone: ${result.intlSegmenter} of ${result.rules}`,
      `all ${result.rules}`,
      result.ours === result.rules ? 'met' : 'NOT met',
    ],
  ];
}

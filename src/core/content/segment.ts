/**
 * Words in article text. Pure: no DOM, only `Intl.Segmenter`, so it runs the
 * same in a test, a worker or the build. Sentences are in sentences.ts,
 * utterances in utterances.ts.
 *
 * All offsets are UTF-16 code unit offsets into the original string, the unit
 * `SpeechSynthesisEvent.charIndex` and DOM `Range` offsets use.
 */

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** A sentence, or the part of one that is spoken as one utterance. */
export type { Sentence as Chunk } from './sentences.ts';

type Granularity = 'sentence' | 'word';

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * Segmenters load ICU break data on construction, which is measurable when
 * done per sentence or per boundary event; one per language is enough.
 */
function segmenter(lang: string, granularity: Granularity): Intl.Segmenter {
  const key = `${granularity}\u0000${lang}`;
  let found = segmenters.get(key);
  if (!found) {
    try {
      found = new Intl.Segmenter(lang || undefined, { granularity });
    } catch {
      // A malformed tag (RangeError) must not stop playback: the root
      // locale's rules are right for most scripts.
      found = new Intl.Segmenter(undefined, { granularity });
    }
    segmenters.set(key, found);
  }
  return found;
}

/** Offsets of every word-like segment (letters, digits, ideographs; not punctuation or emoji). */
export function wordRanges(text: string, lang: string): TextRange[] {
  const ranges: TextRange[] = [];
  for (const { segment, index, isWordLike } of segmenter(lang, 'word').segment(text)) {
    if (isWordLike) ranges.push({ start: index, end: index + segment.length });
  }
  return ranges;
}

/**
 * The word containing `charIndex`, or if `charIndex` is on a space or
 * punctuation, the next word after it; `null` when there is none.
 *
 * Why: boundary events often carry only `charIndex` (`charLength` is 0 or
 * missing in older Chrome, Safari and some Android voices), and some engines
 * point at the space before the word rather than the word itself.
 */
export function wordAt(text: string, charIndex: number, lang: string): TextRange | null {
  if (!Number.isFinite(charIndex) || charIndex < 0 || charIndex >= text.length) return null;
  const segments = segmenter(lang, 'word').segment(text);
  // `containing()` looks around `charIndex` instead of walking from the
  // start of the text for every boundary event.
  let current = segments.containing(Math.floor(charIndex));
  while (current) {
    const end = current.index + current.segment.length;
    if (current.isWordLike) return { start: current.index, end };
    current = segments.containing(end);
  }
  return null;
}

/**
 * Splitting article text into speakable chunks and words. Pure: no DOM, only
 * `Intl.Segmenter`, so it runs the same in a test, a worker or the build.
 *
 * Why chunks at all: Chrome silently stops utterances after ~14–15 s with
 * Google voices (ken107/read-aloud#91), so we speak one sentence at a time and
 * keep each chunk under ~200 characters.
 *
 * All offsets are UTF-16 code unit offsets into the original string, the unit
 * `SpeechSynthesisEvent.charIndex` and DOM `Range` offsets use.
 */

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export interface Chunk extends TextRange {
  /** Always `original.slice(start, end)`: non-empty, no surrounding whitespace. */
  readonly text: string;
}

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

// \s covers Unicode spaces too (NBSP, U+3000 ideographic space), which
// article text from CMSs is full of.
const WHITESPACE = /\s/;

/**
 * Places after which a pause sounds natural: ASCII clause punctuation and
 * dashes, plus the Arabic and CJK commas, semicolons and colons.
 */
const CLAUSE_END = new Set([',', ';', ':', '—', '–', '-', '،', '؛', '，', '、', '；', '：']);
const CJK_CLAUSE_END = new Set(['，', '、', '；', '：']);

/**
 * Word-break rules look a character or two ahead (e.g. "can't", "3.14"); a few
 * spare characters keep a window edge from inventing a boundary.
 */
const LOOKAHEAD = 8;

function isWhitespace(text: string, index: number): boolean {
  const ch = text[index];
  return ch !== undefined && WHITESPACE.test(ch);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Splits `text` into chunks of at most `maxChars` UTF-16 units, one sentence
 * per chunk where sentences fit, in document order. Sentences longer than
 * `maxChars` are cut at the last clause punctuation (if it keeps at least
 * half a chunk), else the last space, else the last word boundary (which is
 * what separates CJK words), else hard at `maxChars`, never between the two
 * halves of a surrogate pair. Whitespace-only text gives `[]`.
 *
 * `maxChars` below 2 is raised to 2, the least that can hold an astral
 * character such as an emoji.
 */
export function splitIntoChunks(text: string, lang: string, maxChars = 200): Chunk[] {
  const limit = Math.max(2, Math.floor(maxChars));
  const chunks: Chunk[] = [];
  const push = (start: number, end: number): void => {
    while (end > start && isWhitespace(text, end - 1)) end--;
    if (end > start) chunks.push({ text: text.slice(start, end), start, end });
  };

  for (const sentence of segmenter(lang, 'sentence').segment(text)) {
    let position = sentence.index;
    const sentenceEnd = sentence.index + sentence.segment.length;
    while (position < sentenceEnd) {
      while (position < sentenceEnd && isWhitespace(text, position)) position++;
      if (position >= sentenceEnd) break;
      if (sentenceEnd - position <= limit) {
        push(position, sentenceEnd);
        break;
      }
      const cut = findCut(text, position, sentenceEnd, limit, lang);
      push(position, cut);
      position = cut;
    }
  }
  return chunks;
}

/**
 * Where to end a chunk starting at `start` in a run longer than `limit`.
 * Segments only a `limit`-sized window, so a 1 MB sentence costs O(length)
 * overall rather than O(length²).
 */
function findCut(text: string, start: number, runEnd: number, limit: number, lang: string): number {
  const windowEnd = Math.min(runEnd, start + limit + LOOKAHEAD);
  const window = text.slice(start, windowEnd);
  let lastClause = -1;
  let lastSpace = -1;
  let lastWord = -1;
  for (const { index } of segmenter(lang, 'word').segment(window)) {
    if (index === 0) continue;
    if (index > limit) break;
    const boundary = start + index;
    const before = text[boundary - 1] ?? '';
    // "al-Assad" or "pro-democracy" must not be cut at the hyphen: a clause
    // mark counts only before a space (CJK marks are not followed by one).
    if (CLAUSE_END.has(before) && (isWhitespace(text, boundary) || CJK_CLAUSE_END.has(before))) lastClause = boundary;
    if (WHITESPACE.test(before) || isWhitespace(text, boundary)) lastSpace = boundary;
    lastWord = boundary;
  }
  if (lastClause - start >= limit / 2) return lastClause;
  if (lastSpace > start) return lastSpace;
  if (lastClause > start) return lastClause;
  if (lastWord > start) return lastWord;

  const hard = start + limit;
  const splitsPair = isHighSurrogate(text.charCodeAt(hard - 1)) && isLowSurrogate(text.charCodeAt(hard));
  return splitsPair ? hard - 1 : hard;
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

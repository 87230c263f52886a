/**
 * A pronunciation lexicon: how a written word is said ("RFE/RL" → "R F E R
 * L", "Shbib" → "shbeeb"). It changes only what the engine hears; an offset
 * map takes the engine's word boundaries back to the written text, so the
 * captions and the highlight stay on what the reader sees.
 *
 * Entries match whole words only (not inside a longer word), case-sensitively,
 * longest first. Offsets are UTF-16 code units.
 */
import { wordAt, type TextRange } from './segment.ts';

/** Written form → spoken form. */
export type Lexicon = ReadonlyMap<string, string>;

export const EMPTY_LEXICON: Lexicon = new Map();

/** A replaced stretch: where it is in the spoken text and in the written text. */
interface Replacement {
  readonly spokenStart: number;
  readonly spokenEnd: number;
  readonly writtenStart: number;
  readonly writtenEnd: number;
}

/** The text an engine hears, and the way back to the written text. */
export interface SpokenText {
  readonly written: string;
  readonly text: string;
  /** The written range a spoken range stands for; a range touching a replacement covers all of it. */
  toWritten(range: TextRange): TextRange;
  /**
   * The written word an engine's boundary (`charIndex`, `charLength` in the
   * spoken text) stands for; with `charLength` 0 (engines that report the
   * index only) the spoken word there is looked up first. Null if none.
   */
  wordAt(charIndex: number, charLength: number, lang: string): TextRange | null;
}

const patterns = new WeakMap<Lexicon, RegExp | null>();

function patternOf(lexicon: Lexicon): RegExp | null {
  if (patterns.has(lexicon)) return patterns.get(lexicon) ?? null;
  const keys = [...lexicon.keys()].sort((a, b) => b.length - a.length);
  const escaped = keys.map((key) => key.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  const pattern = keys.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu')
    : null;
  patterns.set(lexicon, pattern);
  return pattern;
}

/** `written` with every lexicon entry replaced by how it is said. */
export function applyLexicon(written: string, lexicon: Lexicon): SpokenText {
  const pattern = patternOf(lexicon);
  const replacements: Replacement[] = [];
  let text = written;
  if (pattern) {
    const parts: string[] = [];
    let last = 0;
    let spoken = 0;
    for (const match of written.matchAll(pattern)) {
      const said = lexicon.get(match[0]) ?? match[0];
      parts.push(written.slice(last, match.index));
      spoken += match.index - last;
      replacements.push({
        spokenStart: spoken,
        spokenEnd: spoken + said.length,
        writtenStart: match.index,
        writtenEnd: match.index + match[0].length,
      });
      parts.push(said);
      spoken += said.length;
      last = match.index + match[0].length;
    }
    parts.push(written.slice(last));
    text = parts.join('');
  }
  const point = (offset: number, end: boolean): number => {
    let shift = 0;
    for (const replacement of replacements) {
      if (offset < replacement.spokenStart || (end && offset === replacement.spokenStart)) break;
      if (offset < replacement.spokenEnd || (end && offset === replacement.spokenEnd)) {
        return end ? replacement.writtenEnd : replacement.writtenStart;
      }
      shift = replacement.writtenEnd - replacement.spokenEnd;
    }
    return Math.min(written.length, Math.max(0, offset + shift));
  };
  const toWritten = (range: TextRange): TextRange => {
    const start = point(range.start, false);
    return { start, end: Math.max(start, point(range.end, true)) };
  };
  return {
    written,
    text,
    toWritten,
    wordAt: (charIndex, charLength, lang) => {
      const range =
        charLength > 0
          ? { start: charIndex, end: Math.min(text.length, charIndex + charLength) }
          : wordAt(text, charIndex, lang);
      const found = range && toWritten(range);
      return found && found.end > found.start ? found : null;
    },
  };
}

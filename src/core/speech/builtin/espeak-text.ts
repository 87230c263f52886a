/**
 * What eSpeak-NG is given for one sentence, and how its answers map back to
 * the sentence. Pure (no eSpeak, no DOM), so Node tests cover it.
 *
 * The traps, each measured (docs/speech-engines.md):
 * - SSML parsing is always on: `&`, `<`, `>` must be escaped and `[[` would
 *   start phoneme input, or article text turns into markup.
 * - Curly quotes and dashes lose word events, so they are mapped one-to-one
 *   to ASCII (one code point for one, so nothing after them moves).
 * - `text_position` is 1-based and counts code points of the string given to
 *   eSpeak, markup included; `origin` maps each of them back to a UTF-16
 *   offset in the sentence.
 * - `word` events alone cover ~95% of words; a `<mark>` before every word
 *   and the union of both covered 171 of 172.
 */
import type { EspeakEvent } from '@echogarden/espeak-ng-emscripten';
import { wordRanges, type TextRange } from '../../content/segment.ts';

export interface PreparedText {
  /** The SSML-safe text with a `<mark name="i"/>` before word i. */
  readonly ssml: string;
  /** `origin[i]`: UTF-16 offset in the sentence of the i-th code point of `ssml`. */
  readonly origin: Uint32Array;
  /** Word-like segments of the sentence (UTF-16 offsets), in order. */
  readonly words: readonly TextRange[];
}

export interface WordTiming {
  /** UTF-16 offset into the sentence. */
  readonly charIndex: number;
  readonly charLength: number;
  /** Milliseconds from the start of the sentence's audio. */
  readonly timeMs: number;
}

/** One-to-one replacements: typography eSpeak mishandles, brackets that could form `[[`, controls. */
const REPLACEMENTS: ReadonlyMap<string, string> = new Map([
  ['\u2018', "'"],
  ['\u2019', "'"],
  ['\u201a', "'"],
  ['\u201b', "'"],
  ['\u2032', "'"],
  ['\u201c', '"'],
  ['\u201d', '"'],
  ['\u201e', '"'],
  ['\u201f', '"'],
  ['\u2033', '"'],
  ['\u00ab', '"'],
  ['\u00bb', '"'],
  ['\u2010', '-'],
  ['\u2011', '-'],
  ['\u2012', '-'],
  ['\u2013', '-'],
  ['\u2014', '-'],
  ['\u2015', '-'],
  ['\u2212', '-'],
  ['\u2026', '.'],
  ['[', '('],
  [']', ')'],
  ['\u00a0', ' '],
  ['\u202f', ' '],
]);

const ESCAPES: ReadonlyMap<string, string> = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
]);

function normalise(char: string): string {
  const replaced = REPLACEMENTS.get(char);
  if (replaced) return replaced;
  const code = char.codePointAt(0) ?? 0;
  // C0/C1 controls (other than tab and newlines) could confuse the SSML reader.
  if ((code < 0x20 && char !== '\t' && char !== '\n' && char !== '\r') || (code >= 0x7f && code <= 0x9f)) return ' ';
  return ESCAPES.get(char) ?? char;
}

export function prepareText(text: string, lang: string): PreparedText {
  const words = wordRanges(text, lang);
  const parts: string[] = [];
  const origin: number[] = [];
  const emit = (piece: string, offset: number): void => {
    parts.push(piece);
    // Every code point of `piece` stands for the source character at `offset`.
    for (const _ of piece) origin.push(offset);
  };

  let wordIndex = 0;
  let offset = 0;
  for (const char of text) {
    const word = words[wordIndex];
    if (word && word.start === offset) {
      emit(`<mark name="${wordIndex}"/>`, offset);
      wordIndex++;
    }
    emit(normalise(char), offset);
    offset += char.length;
  }
  return { ssml: parts.join(''), origin: Uint32Array.from(origin), words };
}

/** Index of the word containing `offset`, or else the first word after it; -1 if none. */
function wordIndexAt(words: readonly TextRange[], offset: number): number {
  let low = 0;
  let high = words.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const word = words[middle];
    if (!word) break;
    if (word.end <= offset) {
      low = middle + 1;
    } else {
      found = middle;
      high = middle - 1;
    }
  }
  return found;
}

/**
 * Word timings from eSpeak's events as they stream in, one batch per
 * synthesis callback: `<mark>` events where present (exactly at the word),
 * else `word` events, in word order and never going back in time.
 */
export class WordTimer {
  readonly #times: Array<number | undefined>;
  /** Index of the last word timed so far. */
  #lastIndex = -1;
  #lastTime = -Infinity;

  readonly #prepared: PreparedText;
  constructor(prepared: PreparedText) {
    this.#prepared = prepared;

    this.#times = new Array<number | undefined>(prepared.words.length);
  }

  /** The words this batch of events newly times. */
  add(events: readonly EspeakEvent[]): WordTiming[] {
    const { words, origin } = this.#prepared;
    for (const event of events) {
      if (event.type !== 'mark') continue;
      const index = Number(event.id);
      if (Number.isInteger(index) && index > this.#lastIndex && index < words.length)
        this.#times[index] = event.audio_position;
    }
    for (const event of events) {
      if (event.type !== 'word') continue;
      const source = origin[event.text_position - 1];
      const index = source === undefined ? -1 : wordIndexAt(words, source);
      if (index > this.#lastIndex && this.#times[index] === undefined) this.#times[index] = event.audio_position;
    }
    const timings: WordTiming[] = [];
    for (let index = this.#lastIndex + 1; index < words.length; index++) {
      const time = this.#times[index];
      const word = words[index];
      // A word reported earlier than the one before it would move the highlight backwards.
      if (time === undefined || time < this.#lastTime || !word) continue;
      this.#lastIndex = index;
      this.#lastTime = time;
      timings.push({ charIndex: word.start, charLength: word.end - word.start, timeMs: time });
    }
    return timings;
  }
}

/** All of a sentence's events at once (tests, and callers without streaming). */
export function wordTimings(prepared: PreparedText, events: readonly EspeakEvent[]): WordTiming[] {
  return new WordTimer(prepared).add(events);
}

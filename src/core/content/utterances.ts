/**
 * What an engine is given to speak: one utterance per sentence, and a
 * sentence cut only when the engine needs it. Chrome's Google voices stop an
 * utterance after about 15 s (ken107/read-aloud#91), so for Web Speech a
 * sentence whose estimated duration at the current rate is over the engine's
 * limit is cut at a clause boundary (`,` `;` `:` a dash or a bracket), else
 * between words; never inside a word, a number or a URL (cuts fall only on
 * spaces, or between words of scripts written without them), and inside a
 * quotation only when nothing else fits. The built-in voice has no limit and
 * gets whole sentences.
 *
 * All offsets are UTF-16 code unit offsets into the paragraph text.
 */
import { splitSentences, type Sentence } from './sentences.ts';
import { countWords, estimateSpeechSeconds, speechSeconds } from '../playback/timing.ts';

export interface UtteranceLimit {
  /** Longest utterance the engine speaks reliably, in seconds at the given rate; `Infinity` for none. */
  readonly maxSeconds: number;
  /** Speaking rate, 1 = normal. */
  readonly rate: number;
}

interface Token {
  readonly start: number;
  readonly end: number;
  /** Words from the sentence start to this token's end. */
  readonly words: number;
  /** A pause sounds natural after this token. */
  readonly clauseAfter: boolean;
  /** Inside a pair of quotation marks at this token's end. */
  readonly quoted: boolean;
}

const CLAUSE_END = /[,;:،؛，、；：]["'”’»)\]]*$|^(?:--?|—|–)$/u;
const CLAUSE_OPEN = /^(?:[([]|--?$|—|–)/u;
const SPACELESS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const OPEN_QUOTES = new Set(['“', '«', '「', '『', '„']);
const CLOSE_QUOTES = new Set(['”', '»', '」', '』']);

let wordSegmenter: Intl.Segmenter | null = null;

/** Pieces of a whitespace-free run: words for scripts without spaces, else the run itself. */
function pieces(text: string, start: number, end: number): Array<readonly [number, number]> {
  const run = text.slice(start, end);
  if (!SPACELESS.test(run)) return [[start, end]];
  wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  return [...wordSegmenter.segment(run)].map(
    ({ index, segment }) => [start + index, start + index + segment.length] as const,
  );
}

function tokensOf(text: string, sentence: Sentence): Token[] {
  const tokens: Token[] = [];
  let words = 0;
  let depth = 0;
  let straight = false;
  for (const match of sentence.text.matchAll(/\S+/gu)) {
    const runStart = sentence.start + match.index;
    for (const [start, end] of pieces(text, runStart, runStart + match[0].length)) {
      const piece = text.slice(start, end);
      for (const char of piece) {
        if (OPEN_QUOTES.has(char)) depth++;
        else if (CLOSE_QUOTES.has(char)) depth = Math.max(0, depth - 1);
        else if (char === '"') straight = !straight;
      }
      const next = text.slice(end, end + 2).trimStart();
      words += countWords(piece);
      tokens.push({
        start,
        end,
        words,
        clauseAfter: CLAUSE_END.test(piece) || CLAUSE_OPEN.test(next),
        quoted: depth > 0 || straight,
      });
    }
  }
  return tokens;
}

function trimmed(text: string, start: number, end: number): Sentence {
  while (start < end && /\s/u.test(text[start] ?? '')) start++;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
  return { start, end, text: text.slice(start, end) };
}

/**
 * Cuts one sentence into utterances that each fit `limit`, of about equal
 * length (no two-word tail after a full one). Each cut falls at the clause
 * boundary outside quotes nearest the even share, else at the word outside
 * quotes nearest it, else at the nearest word. A single token longer than the
 * limit (a long URL) is kept whole: cutting it would be worse than the risk.
 */
export function cutSentence(text: string, sentence: Sentence, limit: UtteranceLimit): Sentence[] {
  const rate = Number.isFinite(limit.rate) && limit.rate > 0 ? limit.rate : 1;
  if (!(limit.maxSeconds > 0) || estimateSpeechSeconds(sentence.text, rate) <= limit.maxSeconds) return [sentence];
  const tokens = tokensOf(text, sentence);
  const end = tokens.at(-1);
  const cuts: Sentence[] = [];
  let first = 0;
  while (first < tokens.length) {
    const head = tokens[first];
    if (!head || !end) break;
    const wordsBefore = head.words - countWords(text.slice(head.start, head.end));
    const seconds = (token: Token): number => speechSeconds(token.words - wordsBefore, token.end - head.start, rate);
    const remaining = seconds(end);
    let last = tokens.length - 1;
    if (remaining > limit.maxSeconds) {
      const share = remaining / Math.ceil(remaining / limit.maxSeconds);
      const nearest = (accept: (token: Token, time: number) => boolean): number => {
        let best = -1;
        let distance = Infinity;
        for (let index = first; index < tokens.length - 1; index++) {
          const token = tokens[index];
          if (!token) continue;
          const time = seconds(token);
          if (time > limit.maxSeconds) break;
          if (accept(token, time) && Math.abs(time - share) < distance) {
            best = index;
            distance = Math.abs(time - share);
          }
        }
        return best;
      };
      const clause = nearest((token, time) => token.clauseAfter && !token.quoted && time >= share / 2);
      const outside = clause >= 0 ? clause : nearest((token) => !token.quoted);
      const any = outside >= 0 ? outside : nearest(() => true);
      last = any >= 0 ? any : first;
    }
    cuts.push(trimmed(text, head.start, tokens[last]?.end ?? sentence.end));
    first = last + 1;
  }
  return cuts;
}

/** The utterances of a paragraph: its sentences, each cut to fit `limit`. */
export function utterancesOf(text: string, lang: string, limit: UtteranceLimit): Sentence[] {
  return cutSentences(text, splitSentences(text, lang), limit);
}

/** As `utterancesOf`, for sentences already found. */
export function cutSentences(text: string, sentences: readonly Sentence[], limit: UtteranceLimit): Sentence[] {
  return sentences.flatMap((sentence) => cutSentence(text, sentence, limit));
}

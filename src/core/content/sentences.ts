/**
 * Sentence boundaries that read like a careful person. Pure: no DOM, no
 * `Intl`, so it runs the same in a test, a worker or the build.
 *
 * Why not `Intl.Segmenter` alone: browsers apply the bare Unicode rules
 * (UAX #29) without CLDR's abbreviation suppressions, so "Dr. Rivera",
 * "Jonas E. Smith", "Yahoo! in" and "news?id=7" are all cut, and list items
 * are not. On our table of the 48 "Golden Rules" exemplars it gets 28 right.
 *
 * How: every run of sentence punctuation (with its closing quotes and
 * brackets) followed by a space is a candidate; the word before it and the
 * word after it decide (see `endsSentence`). List markers found in sequence
 * ("1. … 2. …", "a) … b) …", "• 9. … • 10. …") start items of their own.
 * Scripts without spaces end sentences at their own full stops (。！？).
 *
 * All offsets are UTF-16 code unit offsets into the original string.
 */
import { AMBIGUOUS, BEFORE_NUMBER, INTRODUCERS, PREPOSITIVE, SENTENCE_STARTERS, TIMES } from './abbreviations.ts';

export interface Sentence {
  readonly start: number;
  readonly end: number;
  /** Always `original.slice(start, end)`: non-empty, no surrounding whitespace. */
  readonly text: string;
}

/** A run of sentence punctuation, ". . ." ellipses included, then closing quotes and brackets. */
const CANDIDATE = /[.!?‽⁇⁈⁉؟۔…](?:[.!?‽⁇⁈⁉؟۔…]| (?=[.…]))*["'”’»)\]]*/gu;
/** Full stops of scripts written without spaces: a sentence ends right after them. */
const CLOSE_UP_STOPS = /[。！？｡](?:["'”’»)\]」』）]*)/gu;
const LIST_MARKER = /(?<=^|\s)((?:[•⁃◦▪‣*–-] ?)?)(\d{1,3}|[a-z])(\.\)|\.|\))(?=\s)/gu;
const OPENERS = /^[\p{Ps}\p{Pi}"'¿¡]+/u;
const WORD = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}'’]*/u;
const MULTI_PERIOD = /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u;

type Kind = 'lower' | 'upper' | 'caseless' | 'digit' | 'other' | 'none';

function kindOf(word: string): Kind {
  const first = word[0];
  if (first === undefined) return 'none';
  if (/\p{N}/u.test(first)) return 'digit';
  if (/\p{Ll}/u.test(first)) return 'lower';
  if (/\p{Lu}|\p{Lt}/u.test(first)) return 'upper';
  if (/\p{L}/u.test(first)) return 'caseless';
  return 'other';
}

interface ListMarker {
  /** Where the item starts: the bullet if there is one. */
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly style: string;
}

/** Markers that have a neighbour one step away in the same style: a list, not a stray "9." */
function listMarkers(text: string): ListMarker[] {
  const found: ListMarker[] = [];
  for (const match of text.matchAll(LIST_MARKER)) {
    const [whole, bullet = '', label = '', close = ''] = match;
    const numeric = /\d/.test(label);
    const value = numeric ? Number(label) : label.charCodeAt(0) - 96;
    found.push({
      start: match.index,
      end: match.index + whole.length,
      value,
      style: `${numeric ? 'n' : 'a'}${close}${bullet.trim()}`,
    });
  }
  const inList = new Set<ListMarker>();
  for (let index = 1; index < found.length; index++) {
    const previous = found[index - 1];
    const current = found[index];
    if (previous && current && previous.style === current.style && current.value === previous.value + 1) {
      inList.add(previous).add(current);
    }
  }
  return found.filter((marker) => inList.has(marker));
}

interface Candidate {
  /** The word before the punctuation, without opening quotes. */
  readonly before: string;
  /** The word before that one (for initials and era markers). */
  readonly beforeThat: string;
  readonly punctuation: string;
  /** The next word, without opening quotes or brackets. */
  readonly after: string;
  /** Text from the current sentence's start to `before`. */
  readonly sentenceSoFar: string;
  /** The punctuation sits inside brackets, like "[...]": an omission. */
  readonly bracketed: boolean;
}

function isStarter(word: string): boolean {
  return kindOf(word) === 'upper' && SENTENCE_STARTERS.has(word.toLowerCase());
}

/** "At 5 a.m." opening a sentence is a phrase, not a sentence. */
function isIntroduction(sentenceSoFar: string): boolean {
  const words = sentenceSoFar.trim().split(/\s+/);
  return words.length <= 3 && INTRODUCERS.has((words[0] ?? '').toLowerCase());
}

/** Whether a sentence ends at this candidate; each rule says what it protects. */
function endsSentence(candidate: Candidate): boolean {
  const { before, after, punctuation } = candidate;
  const next = kindOf(after);
  // "Yahoo! in the accounting department", "co. at the party", "U.S. for 20 years".
  if (next === 'lower') return false;
  if (candidate.bracketed) return false;
  if (/[!?‽⁇⁈⁉؟۔]/u.test(punctuation)) return true;
  const dots = (punctuation.match(/\./g)?.length ?? 0) + 3 * (punctuation.match(/…/g)?.length ?? 0);
  if (dots >= 4) return true; // An ellipsis and then the sentence's own period.
  // A bare ellipsis marks an omission ("the thing is . . . I didn't"), unless a new sentence clearly opens.
  if (dots === 3) return isStarter(after) && after !== 'I';
  const word = before.toLowerCase();
  if (word === '' || next === 'none') return true;
  if (PREPOSITIVE.has(word)) return false;
  if (BEFORE_NUMBER.has(word) && next === 'digit') return false;
  if (TIMES.has(word)) return isStarter(after) || (next === 'upper' && !isIntroduction(candidate.sentenceSoFar));
  const single = /^\p{L}$/u.test(before);
  if (next === 'caseless' || kindOf(before) === 'caseless') {
    // No capitals to go by (Arabic, Persian): a lone letter or a dotted
    // abbreviation ("د. أحمد", "ر.ک.", the era in "۲۰۱۶ م.") runs on more
    // often than it ends; a missed end costs less than a false pause.
    return !(single || MULTI_PERIOD.test(before));
  }
  if (single && kindOf(before) === 'upper') {
    // An initial follows a name or another initial ("Jonas E. Smith", "Mr. J. K. Doe"); "you and I." ends.
    const nameBefore = kindOf(candidate.beforeThat) === 'upper';
    return nameBefore ? isStarter(after) : true;
  }
  if (single || MULTI_PERIOD.test(before) || AMBIGUOUS.has(word)) return isStarter(after);
  return true;
}

function wordBefore(text: string, end: number): { word: string; start: number } {
  let start = end;
  while (start > 0 && !/\s/u.test(text[start - 1] ?? '')) start--;
  return { word: text.slice(start, end).replace(OPENERS, ''), start };
}

/**
 * Splits `text` into sentences in document order, trimmed of surrounding
 * whitespace. `lang` is a BCP 47 tag; English rules apply to every script
 * with capitals, caseless scripts (Arabic, Persian) get the sensible subset.
 * Whitespace-only text gives `[]`.
 */
export function splitSentences(text: string, lang: string): Sentence[] {
  void lang; // Kept in the signature: language-specific data may join the English lists.
  const starts = new Set<number>([0]);
  const markers = listMarkers(text);
  const markerEnds = new Set(markers.map((marker) => marker.end));
  for (const marker of markers) starts.add(marker.start);

  let sentenceStart = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const end = match.index + match[0].length;
    if (end >= text.length || !/\s/u.test(text[end] ?? '')) continue;
    // A list marker's own period ("1. The first item") ends nothing.
    if (markerEnds.has(end)) continue;
    let next = end;
    while (next < text.length && /\s/u.test(text[next] ?? '')) next++;
    if (next >= text.length) continue;
    const before = wordBefore(text, match.index);
    const candidate: Candidate = {
      before: before.word,
      beforeThat: wordBefore(text, Math.max(0, before.start - 1)).word.replace(/[.,;:]$/u, ''),
      punctuation: match[0],
      after: WORD.exec(text.slice(next, next + 64).replace(OPENERS, ''))?.[0] ?? '',
      sentenceSoFar: text.slice(sentenceStart, before.start),
      bracketed: text[match.index - 1] === '[' || text[match.index - 1] === '(',
    };
    if (endsSentence(candidate)) {
      starts.add(next);
      sentenceStart = next;
    }
  }
  for (const match of text.matchAll(CLOSE_UP_STOPS)) starts.add(match.index + match[0].length);
  // A line break (a `<br>`, or a block edge inside a paragraph: see spoken-text.ts) ends a line
  // as a reader hears it: its own utterance, with the pause between sentences.
  for (const match of text.matchAll(/\n+/gu)) starts.add(match.index + match[0].length);

  const sorted = [...starts].sort((a, b) => a - b);
  const sentences: Sentence[] = [];
  sorted.forEach((from, index) => {
    let start = from;
    let end = sorted[index + 1] ?? text.length;
    while (start < end && /\s/u.test(text[start] ?? '')) start++;
    while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
    if (end > start) sentences.push({ start, end, text: text.slice(start, end) });
  });
  return sentences;
}

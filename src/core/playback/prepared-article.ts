/**
 * An article ready to read: its paragraphs and what is cheap to know up
 * front (word counts, for time estimates). Sentences are found only when a
 * paragraph is about to be read or is jumped to, so indexing a long article
 * costs about a DOM walk.
 */
import { splitSentences, type Sentence } from '../content/sentences.ts';
import type { Paragraph } from '../content/paragraphs.ts';
import { cutSentences, type UtteranceLimit } from '../content/utterances.ts';
import { EMPTY_LEXICON, type Lexicon } from '../content/lexicon.ts';
import { countWords, cumulativeWords } from './timing.ts';

export interface LoadedArticle {
  /** Identifies the article for saved positions. */
  readonly key: string;
  readonly lang: string;
  /** The paragraphs read, in order; the headline is paragraph 0. */
  readonly paragraphs: readonly Paragraph[];
  /** Cumulative word counts (see `cumulativeWords`), counted on first use and after `recount()`. */
  readonly wordsBefore: readonly number[];
  /** How words are said (only what the engine hears changes). */
  readonly lexicon: Lexicon;
  /** The sentences of paragraph `index`, found on first use and kept; `[]` outside the article. */
  sentences(index: number): readonly Sentence[];
  /** Counts words again: the paragraphs' counts got exact (their texts were built). */
  recount(): void;
  /** The same article, sentences and counts shared, with another lexicon. */
  withLexicon(lexicon: Lexicon): LoadedArticle;
}

export function prepareArticle(
  key: string,
  lang: string,
  paragraphs: readonly Paragraph[],
  lexicon: Lexicon = EMPTY_LEXICON,
): LoadedArticle {
  const found: Array<readonly Sentence[] | undefined> = [];
  const counts: { wordsBefore?: readonly number[] } = {};
  const withLexicon = (lexicon: Lexicon): LoadedArticle => ({
    key,
    lang,
    paragraphs,
    lexicon,
    // Only the time display needs them: not counted while indexing.
    get wordsBefore() {
      counts.wordsBefore ??= cumulativeWords(
        paragraphs.map((paragraph) => paragraph.words ?? countWords(paragraph.text)),
      );
      return counts.wordsBefore;
    },
    sentences(index) {
      const unit = paragraphs[index];
      if (!unit) return [];
      let sentences = found[index];
      if (!sentences) {
        sentences = splitSentences(unit.text, unit.lang);
        // Text with no sentence boundary found is one sentence; no text (a paragraph
        // found to have nothing to read, paragraphs.ts) is none, and is skipped.
        if (sentences.length === 0 && unit.text !== '')
          sentences = [{ start: 0, end: unit.text.length, text: unit.text }];
        found[index] = sentences;
      }
      return sentences;
    },
    recount() {
      delete counts.wordsBefore;
    },
    withLexicon,
  });
  return withLexicon(lexicon);
}

/** One paragraph's utterances for one engine limit and rate, kept until either changes. */
export interface ParagraphCut {
  readonly paragraphIndex: number;
  readonly limit: UtteranceLimit;
  readonly utterances: readonly Sentence[];
  /** Offsets where sentences (not later parts of a cut sentence) start. */
  readonly sentenceStarts: ReadonlySet<number>;
}

export function cutParagraph(article: LoadedArticle, paragraphIndex: number, limit: UtteranceLimit): ParagraphCut {
  const sentences = article.sentences(paragraphIndex);
  const text = article.paragraphs[paragraphIndex]?.text ?? '';
  return {
    paragraphIndex,
    limit,
    utterances: cutSentences(text, sentences, limit),
    sentenceStarts: new Set(sentences.map((sentence) => sentence.start)),
  };
}

/** Index of the utterance of `cut` that holds `offset` (the place kept across a re-cut). */
export function utteranceAt(cut: ParagraphCut, offset: number): number {
  let found = 0;
  cut.utterances.forEach((utterance, index) => {
    if (utterance.start <= offset) found = index;
  });
  return found;
}

/** `current` when it is for this paragraph and limit, else a new cut (lazily, the first time a paragraph is read). */
export function cutFor(
  article: LoadedArticle | null,
  current: ParagraphCut | null,
  paragraphIndex: number,
  limit: UtteranceLimit,
): ParagraphCut {
  const same = current?.limit.maxSeconds === limit.maxSeconds && current.limit.rate === limit.rate;
  if (current?.paragraphIndex === paragraphIndex && same) return current;
  return article
    ? cutParagraph(article, paragraphIndex, limit)
    : { paragraphIndex, limit, utterances: [], sentenceStarts: new Set() };
}

/**
 * Index in `cut` of utterance `index` of `previous`: the same one when the
 * cut did not change, else the one that holds where it started (a re-cut for
 * a new rate or engine keeps the place).
 */
export function placeIn(cut: ParagraphCut, previous: ParagraphCut | null, index: number): number {
  if (previous?.paragraphIndex === cut.paragraphIndex && previous !== cut) {
    return utteranceAt(cut, previous.utterances[index]?.start ?? 0);
  }
  return Math.min(index, cut.utterances.length - 1);
}

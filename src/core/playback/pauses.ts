/**
 * How long a careful reader pauses between what is read, in milliseconds
 * of silence from the end of one utterance's speech to the start of the
 * next. Both engines use them: the built-in voice as silence in its audio,
 * Web Speech as a cancellable wait between utterances.
 */
export const PAUSE_MS = Object.freeze({
  /** Between the parts of a sentence cut for a length-limited engine: a breath, no more. */
  clause: 100,
  /** Between sentences of a paragraph. */
  sentence: 300,
  /** Between paragraphs. */
  paragraph: 700,
  /** After the headline, before the body. */
  headline: 800,
});

/** Where one utterance stands relative to the one read before it. */
export interface UtterancePlace {
  readonly paragraphIndex: number;
  /** Offset of the utterance's start in its paragraph. */
  readonly start: number;
  /** The utterance opens a sentence (not a later part of a cut one). */
  readonly sentenceStart: boolean;
  /** The paragraph is a heading. */
  readonly heading: boolean;
}

/** The pause before `next` when `previous` was read just before it. */
export function pauseBetween(previous: UtterancePlace, next: UtterancePlace): number {
  if (previous.paragraphIndex !== next.paragraphIndex) return previous.heading ? PAUSE_MS.headline : PAUSE_MS.paragraph;
  return next.sentenceStart ? PAUSE_MS.sentence : PAUSE_MS.clause;
}

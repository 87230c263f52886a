/**
 * A paragraph as the index holds it (paragraphs.ts): what a walk of tags and
 * attributes tells now, and its spoken text, with whether CSS hides it and
 * whether it is only a link line, when first used.
 */
import type { Paragraph, ParagraphKind } from './paragraphs.ts';
import { hasWordCharacter } from './extract/has-words.ts';
import { rememberSpokenText, spokenText, type SpokenText } from './extract/spoken-text.ts';
import { isHiddenByStyle } from './extract/visibility.ts';
import { countWords } from '../playback/timing.ts';

/**
 * A short paragraph that is mostly a link ("Read more: …", a list of other
 * stories): a pointer elsewhere, not the story.
 */
function isLinkLine(element: Element, text: string): boolean {
  // No child element, no link: most paragraphs are plain text.
  if (element.firstElementChild === null || element.querySelector('a[href]') === null) return false;
  const length = text.replace(/\s+/g, ' ').trim().length;
  if (length === 0 || length > 200) return false;
  let linked = 0;
  for (const link of Array.from(element.querySelectorAll('a[href]'))) linked += (link.textContent ?? '').trim().length;
  return linked / length >= 0.6;
}

const EMPTY: SpokenText = { text: '', pieces: [] };

/** How many of an article's first paragraphs are counted for `WordSample`. */
const SAMPLED = 64;

/**
 * Words per paragraph of one article, from its first paragraphs: each
 * paragraph's share of the time estimate until its own words are counted
 * (reading one paragraph's text costs about what indexing it does).
 */
export class WordSample {
  readonly #units: readonly IndexedParagraph[];
  #average: number | undefined;

  constructor(units: readonly IndexedParagraph[]) {
    this.#units = units;
  }

  get average(): number {
    if (this.#average === undefined) {
      const sample = this.#units.slice(0, SAMPLED);
      const words = sample.reduce((sum, unit) => sum + countWords(unit.rawText()), 0);
      this.#average = sample.length > 0 ? words / sample.length : 0;
    }
    return this.#average;
  }
}

/**
 * A paragraph as indexed: cheap facts now; its spoken text (whether CSS
 * hides it, whether it is a link line) and its words on first use, kept
 * from then on.
 */
export class IndexedParagraph implements Paragraph {
  readonly element: HTMLElement;
  readonly kind: ParagraphKind;
  readonly lang: string;
  /** The child nodes read, when not all (the loose text of a container). */
  readonly #children: readonly Node[] | undefined;
  readonly #sample: WordSample;
  #spoken: SpokenText | undefined;
  #words: number | undefined;

  constructor(
    element: HTMLElement,
    kind: ParagraphKind,
    lang: string,
    sample: WordSample,
    children: readonly Node[] | undefined,
  ) {
    this.element = element;
    this.kind = kind;
    this.lang = lang;
    this.#sample = sample;
    this.#children = children;
  }

  /** The text as the DOM has it, hidden parts included. */
  rawText(): string {
    return this.#children
      ? this.#children.map((node) => node.textContent ?? '').join('')
      : (this.element.textContent ?? '');
  }

  get text(): string {
    if (!this.#spoken) {
      const spoken = isHiddenByStyle(this.element) ? EMPTY : spokenText(this.element, this.#children);
      const linkLine =
        (this.kind === 'paragraph' || this.kind === 'list-item') && isLinkLine(this.element, spoken.text);
      this.#spoken = hasWordCharacter(spoken.text) && !linkLine ? spoken : EMPTY;
      this.#words = countWords(this.#spoken.text);
      rememberSpokenText(this.element, this.#spoken);
    }
    return this.#spoken.text;
  }

  get words(): number {
    return this.#words ?? this.#sample.average;
  }
}

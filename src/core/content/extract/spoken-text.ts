/**
 * The text of one paragraph as a listener should hear it, with a map back to
 * the DOM for highlighting. Hidden spans, buttons, footnote markers and the
 * like are left out (visibility.ts), `<br>` becomes a line break (a space and
 * a short pause: sentence segmentation ends an utterance there) and every
 * other whitespace character becomes a plain space. Each character of the
 * result comes from one place in the DOM, so a word's offsets map back to a
 * `Range` exactly.
 */
import { unreadReason } from './visibility.ts';

/** A run of the spoken text: from a text node, or one character standing for a `<br>` or a block edge. */
export interface TextPiece {
  /** Offset of the run in the spoken text (UTF-16 code units). */
  readonly start: number;
  readonly length: number;
  /** The text node the run copies, or null for a line break or block edge. */
  readonly node: Text | null;
}

export interface SpokenText {
  readonly text: string;
  readonly pieces: readonly TextPiece[];
}

/** Elements that start a new line when they sit inside a paragraph's text. */
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'BLOCKQUOTE',
  'CENTER',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

/** Whitespace other than a plain space: what the spoken text turns into spaces. */
const OTHER_WHITESPACE = /[^\S ]/;

class Builder {
  text = '';
  readonly pieces: TextPiece[] = [];

  addText(node: Text): void {
    const data = node.data;
    if (!data) return;
    // One character for one: offsets into the text node stay offsets into the spoken text.
    this.pieces.push({ start: this.text.length, length: data.length, node });
    // Testing first spares a copy of the (usual) text that has only plain spaces.
    this.text += OTHER_WHITESPACE.test(data) ? data.replace(/\s/g, ' ') : data;
  }

  addBreak(character: '\n' | ' '): void {
    this.pieces.push({ start: this.text.length, length: 1, node: null });
    this.text += character;
  }

  get endsInSpace(): boolean {
    return this.text === '' || /\s$/.test(this.text);
  }
}

/**
 * Runs of `element`'s spoken text. `children` limits it to some of its child
 * nodes (the text runs of a `<div>` that also holds paragraphs).
 */
export function spokenText(element: Element, children?: readonly Node[]): SpokenText {
  const builder = new Builder();
  for (const child of children ?? element.childNodes) add(builder, child);
  return { text: builder.text, pieces: builder.pieces };
}

function add(builder: Builder, node: Node): void {
  if (node.nodeType === Node.TEXT_NODE) {
    builder.addText(node as Text);
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  const element = node as Element;
  if (element.tagName === 'BR') {
    builder.addBreak('\n');
    return;
  }
  if (element.tagName === 'WBR') return;
  if (unreadReason(element)) return;
  const block = BLOCKS.has(element.tagName);
  if (block && !builder.endsInSpace) builder.addBreak('\n');
  for (const child of element.childNodes) add(builder, child);
  if (block && !builder.endsInSpace) builder.addBreak('\n');
}

/** Texts as indexed, per element, for the highlighter to map offsets back (see highlighter.ts). */
const indexed = new WeakMap<Element, SpokenText>();

export function rememberSpokenText(element: Element, spoken: SpokenText): void {
  indexed.set(element, spoken);
}

export function spokenTextOf(element: Element): SpokenText | undefined {
  return indexed.get(element);
}

/**
 * The DOM position of `offset` in `spoken`: inside a text node, or at the
 * nearest one for a break. At a boundary between two nodes, a word's `start`
 * belongs to the next node and its `end` to the one before, so a range never
 * takes in text left unread between them (a footnote marker).
 */
export function domPosition(
  spoken: SpokenText,
  offset: number,
  side: 'start' | 'end' = 'start',
): { node: Text; offset: number } | null {
  let before: { node: Text; offset: number } | null = null;
  for (const piece of spoken.pieces) {
    const end = piece.start + piece.length;
    if (!piece.node) {
      if (offset >= piece.start && offset < end && before) return before;
      continue;
    }
    if (offset >= piece.start && (offset < end || (side === 'end' && offset === end))) {
      return { node: piece.node, offset: offset - piece.start };
    }
    if (offset < piece.start) return { node: piece.node, offset: 0 };
    before = { node: piece.node, offset: piece.length };
  }
  return before;
}

/**
 * SSML utterances: the specification lets `text` be a complete SSML
 * document. Engines get its plain text; the `<mark>`s become `mark` events,
 * and every offset reported to the page is an offset into the SSML source,
 * which is the utterance's `text`. Pure (no DOM), so Node tests cover it.
 *
 * Elements other than `<mark>` keep their text and lose their effect
 * (`<prosody>`, `<emphasis>`, `<say-as>`); `<break>`, `<p>` and `<s>`
 * separate words with a space.
 */

export interface SsmlMark {
  readonly name: string;
  /** Offset of the `<mark>` in the plain text: it fires before the word that starts there. */
  readonly at: number;
  /** Offset of the `<mark>` tag in the source. */
  readonly source: number;
}

export interface SsmlText {
  /** What is spoken. */
  readonly text: string;
  /** `origin[i]`: offset in the source where plain-text character i starts (one more entry for the end). */
  readonly origin: readonly number[];
  /** `originEnd[i]`: offset in the source just after plain-text character i (an entity ends after its `;`). */
  readonly originEnd: readonly number[];
  readonly marks: readonly SsmlMark[];
  /** `xml:lang` of `<speak>`, or ''. */
  readonly lang: string;
}

/** A complete SSML document: an optional XML declaration, then `<speak>`. */
export function isSsml(text: string): boolean {
  return /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<speak[\s>/]/.test(text);
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntity(entity: string): string | null {
  const name = entity.slice(1, -1);
  if (name.startsWith('#x') || name.startsWith('#X')) return safeCodePoint(parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return safeCodePoint(parseInt(name.slice(1), 10));
  return ENTITIES[name] ?? null;
}

function safeCodePoint(code: number): string | null {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

function attribute(tag: string, name: string): string {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  const raw = match?.[2] ?? match?.[3] ?? '';
  return raw.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (entity) => decodeEntity(entity) ?? entity);
}

const SEPARATING = new Set(['break', 'p', 's', 'paragraph', 'sentence']);

export function parseSsml(source: string): SsmlText {
  let text = '';
  const origin: number[] = [];
  const originEnd: number[] = [];
  const marks: SsmlMark[] = [];
  let lang = '';
  const add = (piece: string, at: number, end: number): void => {
    text += piece;
    for (let index = 0; index < piece.length; index++) {
      origin.push(at);
      originEnd.push(end);
    }
  };

  let position = 0;
  while (position < source.length) {
    const char = source[position] ?? '';
    if (char === '<') {
      const skip = (end: string): void => {
        const close = source.indexOf(end, position);
        position = close < 0 ? source.length : close + end.length;
      };
      if (source.startsWith('<!--', position)) skip('-->');
      else if (source.startsWith('<![CDATA[', position)) {
        const close = source.indexOf(']]>', position);
        const end = close < 0 ? source.length : close;
        for (let index = position + 9; index < end; index++) add(source[index] ?? '', index, index + 1);
        position = end + 3;
      } else {
        const close = source.indexOf('>', position);
        const tag = source.slice(position + 1, close < 0 ? source.length : close);
        const name = /^\/?\s*([\w:-]+)/.exec(tag)?.[1]?.toLowerCase() ?? '';
        if (!tag.startsWith('/') && name === 'mark')
          marks.push({ name: attribute(tag, 'name'), at: text.length, source: position });
        if (!tag.startsWith('/') && name === 'speak' && !lang) lang = attribute(tag, 'xml:lang');
        // A space that stands for the tag, with no width in the source.
        if (SEPARATING.has(name)) add(' ', position, position);
        position = close < 0 ? source.length : close + 1;
      }
      continue;
    }
    if (char === '&') {
      const match = /^&(#x?[0-9a-f]+|[a-z]+);/i.exec(source.slice(position, position + 12));
      const decoded = match ? decodeEntity(match[0]) : null;
      if (match && decoded !== null) {
        add(decoded, position, position + match[0].length);
        position += match[0].length;
        continue;
      }
    }
    add(char, position, position + 1);
    position++;
  }
  origin.push(source.length);
  return { text, origin, originEnd, marks, lang };
}

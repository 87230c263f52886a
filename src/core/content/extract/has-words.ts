/**
 * Whether DOM text has words (a letter or a digit), found without copying
 * it: an index of a long article asks this of thousands of nodes.
 */

const HAS_WORDS = /[\p{L}\p{N}]/u;

/**
 * `HAS_WORDS.test(text)`, with ASCII looked at first: most texts asked about
 * are whitespace or start with a letter, which a character or two answers
 * for less than entering the regular expression.
 */
export function hasWordCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x80) return HAS_WORDS.test(text.slice(index));
    const lower = code | 0x20;
    if ((code >= 0x30 && code <= 0x39) || (lower >= 0x61 && lower <= 0x7a)) return true;
  }
  return false;
}

/** Whether `node` is, or holds, a text node with a letter or digit (stopping at the first). */
export function hasWords(node: Node): boolean {
  if (node.nodeType === Node.TEXT_NODE) return hasWordCharacter((node as Text).data);
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (hasWords(child)) return true;
  }
  return false;
}

/**
 * The first child text node of `element` with a letter or digit, or null.
 * XPath picks the text nodes that are not only whitespace natively: the
 * whitespace between an article's blocks is most of its text nodes, and
 * handing each to script (a wrapper and a string per node) cost about as
 * much as the rest of an index of 10,000 paragraphs.
 */
export function firstWordyText(element: Element): Text | null {
  const found = element.ownerDocument.evaluate(
    'text()[normalize-space()]',
    element,
    null,
    XPathResult.ORDERED_NODE_ITERATOR_TYPE,
    null,
  );
  for (let node = found.iterateNext(); node; node = found.iterateNext()) {
    if (hasWordCharacter((node as Text).data)) return node as Text;
  }
  return null;
}

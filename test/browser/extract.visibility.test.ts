/**
 * The DOM side of reading a publisher's page: what CSS and markup hide from a
 * sighted reader, how a paragraph's spoken text is built (and maps back for
 * the word highlight), where the place goes when an article changes, and
 * what counts as a placeholder.
 */
import { expect, fixture } from '@open-wc/testing';
import { extractParagraphs, readableParagraphs, type Paragraph } from '../../src/core/content/paragraphs.ts';
import { domPosition, spokenText } from '../../src/core/content/extract/spoken-text.ts';
import { isHiddenByStyle, unreadReason } from '../../src/core/content/extract/visibility.ts';
import { findStoryBody } from '../../src/core/content/extract/find-body.ts';
import { placeByText } from '../../src/elements/aloud-player/article-place.ts';
import { isPlaceholder } from '../../src/elements/aloud-player/article-watcher.ts';

/** What is read of `root`: the index with its paragraphs' texts built (as the player settles it). */
const read = (root: HTMLElement) =>
  readableParagraphs(extractParagraphs(root, { readCaptions: false, fallbackLang: 'en' })).map((unit) =>
    unit.text.replace(/\s+/g, ' ').trim(),
  );

describe('visibility: what a sighted reader does not see is not read', () => {
  const table: Array<[string, string, boolean]> = [
    ['a plain paragraph', '<p id="t">Seen.</p>', false],
    ['display: none', '<p id="t" style="display:none">Unseen.</p>', true],
    ['inside a display: none parent', '<div style="display:none"><p id="t">Unseen.</p></div>', true],
    ['visibility: hidden', '<p id="t" style="visibility:hidden">Unseen.</p>', true],
    ['content-visibility: hidden', '<div style="content-visibility:hidden"><p id="t">Unseen.</p></div>', true],
    ['display: contents keeps its children shown', '<div id="t" style="display:contents"><p>Seen.</p></div>', false],
    ['a closed <details> body', '<details><summary>More</summary><p id="t">Unseen.</p></details>', true],
    ['opacity does not hide (the text is still there)', '<p id="t" style="opacity:0.5">Seen.</p>', false],
  ];
  for (const [what, markup, hidden] of table) {
    it(`${what}: ${hidden ? 'hidden' : 'shown'}`, async () => {
      const root = await fixture<HTMLElement>(`<div>${markup}</div>`);
      expect(isHiddenByStyle(root.querySelector('#t') as Element)).to.equal(hidden);
    });
  }

  it('names the reason an element is left unread', async () => {
    const root = await fixture<HTMLElement>(
      '<div><span class="share-tools">x</span><span style="display:none">y</span><em>z</em></div>',
    );
    const [share, hidden, em] = Array.from(root.children);
    expect([unreadReason(share!), unreadReason(hidden!), unreadReason(em!)]).to.deep.equal([
      'class share',
      'hidden by CSS',
      null,
    ]);
  });
});

describe('spoken text: one character for one, with a map back to the DOM', () => {
  it('leaves out hidden spans and turns <br> into a line break, keeping every offset mappable', async () => {
    const p = await fixture<HTMLElement>(
      '<p>Pears <span hidden>NOTE</span>were <b>ripe</b><br>and\n   sweet<sup><a href="#n">1</a></sup>.</p>',
    );
    const spoken = spokenText(p);
    expect(spoken.text).to.equal('Pears were ripe\nand    sweet.');
    // "sweet" in the spoken text is "sweet" in the DOM.
    const start = spoken.text.indexOf('sweet');
    const from = domPosition(spoken, start);
    const to = domPosition(spoken, start + 5, 'end');
    const range = document.createRange();
    range.setStart(from!.node, from!.offset);
    range.setEnd(to!.node, to!.offset);
    expect(range.toString()).to.equal('sweet');
    const ripe = spoken.text.indexOf('ripe');
    const ripeFrom = domPosition(spoken, ripe)!;
    expect(ripeFrom.node.data.slice(ripeFrom.offset, ripeFrom.offset + 4)).to.equal('ripe');
  });

  it('leaves out "Read more" link lines and gallery captions (with the captions setting off)', async () => {
    const root = await fixture<HTMLElement>(`<div>
      <p>The story goes on, with a link to <a href="/a">the council's report</a> in the middle of it.</p>
      <p><strong>Read more:</strong> <a href="/b">Church bells ring again after a winter of silence</a></p>
      <div class="gallery"><div class="caption">The bells, before they were cleaned.</div></div>
      <ul><li><a href="/c">Another story, a link and nothing else</a></li></ul></div>`);
    expect(read(root)).to.deep.equal(["The story goes on, with a link to the council's report in the middle of it."]);
  });

  it('reads <div> text blocks, table cells and loose text in reading order', async () => {
    const root = await fixture<HTMLElement>(`<div>
      <font size="5">The headline of an old page</font>
      <div>First block of text.<br><br>Second block of text.</div>
      <table><tr><td>Cell one</td><td>Cell two</td></tr></table>
      <ul><li>Item with a nested list<ul><li>Nested item</li></ul></li></ul></div>`);
    expect(read(root)).to.deep.equal([
      'The headline of an old page',
      'First block of text. Second block of text.',
      'Cell one',
      'Cell two',
      'Item with a nested list',
      'Nested item',
    ]);
  });
});

describe('finding the story body', () => {
  it('prefers the story after the player over a longer one elsewhere, within reason', async () => {
    const long = 'A long paragraph, with commas, clauses, and enough words to count as real prose here. ';
    const root = await fixture<HTMLElement>(`<div>
      <div class="first"><p>${long.repeat(3)}</p><p>${long.repeat(3)}</p><p>${long}</p></div>
      <span id="player"></span>
      <div class="second"><p>${long.repeat(2)}</p><p>${long.repeat(2)}</p></div></div>`);
    const found = findStoryBody(document, root.querySelector('#player'));
    expect(found?.element.className).to.equal('second');
    expect(found?.paragraphs).to.equal(2);
  });

  it('skips comment threads even when they are longer than the story', async () => {
    const text = 'I disagree with this, strongly, and I have said so before, at length, many times. ';
    const root = await fixture<HTMLElement>(`<div>
      <div class="text"><p>${'The story itself, with a clause or two, is shorter. '.repeat(3)}</p></div>
      <div class="comments">${`<div class="reply"><p>${text.repeat(3)}</p></div>`.repeat(6)}</div></div>`);
    expect(findStoryBody(document, null)?.element).to.equal(root.querySelector('.text'));
  });
});

describe('article changes: place kept by text, placeholders recognised', () => {
  const unit = (text: string): Paragraph => ({ element: document.body, kind: 'paragraph', text, lang: 'en' });
  it("keeps the place by the paragraph's text", () => {
    const before = ['Title', 'One.', 'Two.', 'Three.'].map(unit);
    const table: Array<[string[], number]> = [
      [['Title', 'Update.', 'One.', 'Two.', 'Three.'], 3],
      [['Title', 'Two.', 'Three.'], 1],
      [['Other', 'Texts', 'Entirely', 'Here', 'Now'], 2],
      [['Only'], 0],
    ];
    for (const [after, index] of table)
      expect(placeByText(before, 2, after.map(unit)), after.join('|')).to.equal(index);
  });

  it('finds the place in a long index by reading only the texts around it', () => {
    let read = 0;
    const counted = (text: string): Paragraph => ({
      element: document.body,
      kind: 'paragraph',
      lang: 'en',
      get text() {
        read += 1;
        return text;
      },
    });
    const long = Array.from({ length: 10_000 }, (_, index) => counted(`Paragraph ${index}.`));
    // One paragraph added above the place: the same text is one further on.
    const after = [counted('A new paragraph.'), ...long];
    read = 0;
    expect(placeByText(long, 5000, after)).to.equal(5001);
    expect(read, 'texts read').to.be.at.most(5);
  });

  it('takes "Loading…", aria-busy and an empty index as a placeholder, and a story as not', async () => {
    const plain = await fixture<HTMLElement>('<div><p>Text.</p></div>');
    const busy = await fixture<HTMLElement>('<div aria-busy="true"><p>Some text.</p></div>');
    expect(isPlaceholder(null, [])).to.equal(true);
    expect(isPlaceholder(plain, [])).to.equal(true);
    expect(isPlaceholder(plain, [unit('Loading…')])).to.equal(true);
    expect(isPlaceholder(plain, [unit('Please wait')])).to.equal(true);
    expect(isPlaceholder(busy, [unit('Some text.')])).to.equal(true);
    expect(isPlaceholder(plain, [unit('Loading bays at the harbour were rebuilt over the winter.')])).to.equal(false);
    expect(isPlaceholder(plain, [unit('Short.'), unit('Story.')])).to.equal(false);
  });
});

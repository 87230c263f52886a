/**
 * The pure rules of finding a publisher's story: which elements are page
 * furniture (rules.ts) and how paragraphs and containers score (score.ts).
 * Tables of inputs a real page has, with the answer a careful reader gives.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { furnitureWord, nameWords, skipReason, type ElementTraits } from '../../src/core/content/extract/rules.ts';
import {
  NEAR_SHARE,
  candidateScore,
  chooseCandidate,
  isSameStory,
  paragraphPoints,
  traitWeight,
} from '../../src/core/content/extract/score.ts';

const el = (tag: string, more: Partial<ElementTraits> = {}): ElementTraits => ({ tag, ...more });

describe('rules: what is left unread', () => {
  const table: Array<[string, ElementTraits, string | null]> = [
    ['a paragraph', el('P'), null],
    ['the story body', el('DIV', { className: 'story-body' }), null],
    ['an article body that mentions ads in its name', el('DIV', { className: 'article-body ad-free' }), null],
    ['a heading (not "ad" inside a word)', el('DIV', { className: 'heading loaded shared-story' }), null],
    ['navigation', el('NAV'), '<nav>'],
    ['a sidebar', el('ASIDE'), '<aside>'],
    ['a footer', el('FOOTER'), '<footer>'],
    ['a button', el('BUTTON'), '<button>'],
    ['a form', el('FORM'), '<form>'],
    ['an input', el('INPUT'), '<input>'],
    ['another player', el('ALOUD-PLAYER'), '<aloud-player>'],
    ['hidden', el('SPAN', { attributes: { hidden: '' } }), 'hidden'],
    ['aria-hidden', el('SPAN', { attributes: { 'aria-hidden': 'true' } }), 'aria-hidden'],
    ['aria-hidden="false" is shown', el('SPAN', { attributes: { 'aria-hidden': 'false' } }), null],
    ['inert', el('DIV', { attributes: { inert: '' } }), 'inert'],
    ['data-aloud-skip', el('P', { attributes: { 'data-aloud-skip': '' } }), 'data-aloud-skip'],
    ['role=navigation', el('DIV', { role: 'navigation' }), 'role=navigation'],
    ['role=complementary', el('DIV', { role: 'complementary' }), 'role=complementary'],
    ['role=contentinfo', el('DIV', { role: 'contentinfo' }), 'role=contentinfo'],
    ['role=toolbar', el('DIV', { role: 'toolbar' }), 'role=toolbar'],
    ['a footnote marker', el('SUP', { onlyLink: true }), 'footnote marker'],
    ['a superscript that is text (m²)', el('SUP'), null],
    ['a share bar', el('DIV', { className: 'share-bar' }), 'class share'],
    ['a camelCase share bar', el('DIV', { className: 'shareBar' }), 'class share'],
    ['a byline', el('P', { className: 'byline' }), 'class byline'],
    ['a dateline', el('P', { className: 'dateline' }), 'class dateline'],
    ['related stories', el('DIV', { className: 'related-stories' }), 'class related'],
    ['a newsletter box', el('DIV', { className: 'newsletter-signup' }), 'class newsletter'],
    ['an ad slot', el('DIV', { className: 'ad-slot' }), 'class ad'],
    ['an ad by id', el('DIV', { id: 'ad_top' }), 'class ad'],
    ['comments', el('SECTION', { id: 'comments' }), 'class comments'],
    ['a promo', el('DIV', { className: 'inline-promo' }), 'class promo'],
    ['a paywall prompt', el('DIV', { className: 'paywall-prompt' }), 'class paywall'],
    ['a loading placeholder', el('P', { className: 'loading' }), 'class loading'],
    ['screen-reader-only text', el('SPAN', { className: 'sr-only' }), 'class sr'],
    ['a speakable summary with a furniture class is read', el('P', { className: 'meta', included: true }), null],
    ['data-speakable beats a class', el('P', { className: 'byline', attributes: { 'data-speakable': '' } }), null],
    ['data-aloud-read beats a class', el('DIV', { className: 'promo', attributes: { 'data-aloud-read': '' } }), null],
    ['a page-level class says nothing about the body', el('BODY', { className: 'ad-free comments-open' }), null],
    ['nor about an article', el('ARTICLE', { className: 'post has-comments' }), null],
    ['but never beats hidden', el('P', { attributes: { hidden: '', 'data-aloud-read': '' } }), 'hidden'],
  ];
  for (const [what, traits, reason] of table) {
    it(`${what}: ${reason ?? 'read'}`, () => assert.equal(skipReason(traits), reason));
  }

  it('splits class names into whole words', () => {
    assert.deepEqual(nameWords('shareBar ad-slot story_body'), ['share', 'bar', 'ad', 'slot', 'story', 'body']);
    assert.equal(furnitureWord(el('DIV', { className: 'header' })), null);
  });
});

describe('score: which container holds the story', () => {
  it('paragraph points: nothing for short lines, more for length and commas', () => {
    const table: Array<[string, number]> = [
      ['Share', 0],
      ['Read more about this.', 0],
      ['A plain sentence of about thirty characters.', 1],
      ['One, two, three commas, here.', 4],
      ['x'.repeat(250), 3],
      ['x'.repeat(900), 4],
      ['واحد، اثنان، ثلاثة، أربعة، خمسة كلمات', 5],
    ];
    for (const [text, points] of table) assert.equal(paragraphPoints(text), points, text.slice(0, 30));
  });

  it('trait weight: story names and roles up, furniture down', () => {
    const table: Array<[ElementTraits, number]> = [
      [el('DIV'), 0],
      [el('DIV', { className: 'story-body' }), 25],
      [el('DIV', { className: 'comments' }), -25],
      [el('DIV', { role: 'article' }), 25],
      [el('ARTICLE'), 10],
      [el('DIV', { attributes: { itemprop: 'articleBody' } }), 50],
    ];
    for (const [traits, weight] of table) assert.equal(traitWeight(traits), weight, JSON.stringify(traits));
  });

  it('candidate score: scaled down by link density; nothing without paragraphs', () => {
    const base = { points: 20, textLength: 1000, traits: el('DIV') };
    assert.equal(candidateScore({ ...base, linkTextLength: 0 }), 20);
    assert.equal(candidateScore({ ...base, linkTextLength: 500 }), 10);
    assert.equal(candidateScore({ ...base, linkTextLength: 1000 }), 0, 'a list of links');
    assert.equal(candidateScore({ ...base, points: 0, linkTextLength: 0 }), 0);
    assert.equal(candidateScore({ ...base, traits: el('DIV', { className: 'story' }), linkTextLength: 0 }), 45);
  });

  it('choose: the closest container after the player that is good enough, else the best on the page', () => {
    const table: Array<[number[], number[], number]> = [
      [[10, 40, 30], [], 1],
      [[10, 40, 30], [2], 2],
      [[10, 40, 30], [0], 1],
      [[10, 40, 30], [2, 1], 2],
      [[10, 40, 30], [0, 2, 1], 2],
      [[10, 40, 40 * NEAR_SHARE], [2], 2],
      [[0, 0], [], -1],
      [[], [], -1],
    ];
    for (const [scores, near, chosen] of table) {
      assert.equal(chooseCandidate(scores, near), chosen, `${scores} near ${near}`);
    }
  });

  it('same story: a sibling with a real share of the score joins it; a stray caption does not', () => {
    assert.equal(isSameStory(30, 60), true);
    assert.equal(isSameStory(5, 10), false, 'too few points');
    assert.equal(isSameStory(11, 100), false, 'too small a share');
  });
});

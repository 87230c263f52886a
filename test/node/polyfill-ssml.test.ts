/**
 * The polyfill's pure parts: SSML reduced to its spoken text with marks and
 * offsets back into the source, and the Web IDL conversions of the
 * utterance's attributes and the events' init members.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clampFloat, toDOMString, toUnsignedLong } from '../../src/polyfill/idl.ts';
import { isSsml, parseSsml } from '../../src/polyfill/ssml.ts';

describe('SSML utterances', () => {
  it('tells a complete SSML document from text that merely contains markup', () => {
    assert.equal(isSsml('<speak>Hello</speak>'), true);
    assert.equal(isSsml('  <?xml version="1.0"?>\n<speak version="1.1" xml:lang="en-GB">Hi</speak>'), true);
    assert.equal(isSsml('Use <speak> tags to mark up speech.'), false);
    assert.equal(isSsml('<speaker>Bob</speaker>'), false);
  });

  it('speaks the text, keeps each mark before the word that follows it, and maps offsets back', () => {
    const source =
      '<speak xml:lang="en-GB">Good <mark name="here"/>morning &amp; <emphasis>welcome</emphasis>.</speak>';
    const parsed = parseSsml(source);
    assert.equal(parsed.text, 'Good morning & welcome.');
    assert.equal(parsed.lang, 'en-GB');
    assert.deepEqual(parsed.marks, [{ name: 'here', at: 5, source: source.indexOf('<mark') }]);
    const word = (text: string) => {
      const index = parsed.text.indexOf(text);
      const from = parsed.origin[index] ?? -1;
      const to = parsed.originEnd[index + text.length - 1] ?? -1;
      return source.slice(from, to);
    };
    assert.equal(word('morning'), 'morning');
    assert.equal(word('welcome'), 'welcome');
    assert.equal(word('&'), '&amp;');
    assert.equal(parsed.origin.length, parsed.text.length + 1);
  });

  it('separates words at <break>, <s> and <p>, drops comments, and decodes character references', () => {
    const parsed = parseSsml("<speak><p>One<break time='1s'/>two</p><!-- not said --><s>&#x41;&#66;&apos;</s></speak>");
    assert.equal(parsed.text.replace(/\s+/g, ' ').trim(), "One two AB'");
  });

  it('never throws on broken markup: it keeps what can be said', () => {
    for (const broken of [
      '<speak>Unclosed <mark name="x"',
      '<speak>a &bogus; b</speak>',
      '<speak><![CDATA[x < y]]></speak>',
    ])
      assert.doesNotThrow(() => parseSsml(broken));
    assert.equal(parseSsml('<speak>a &bogus; b</speak>').text, 'a &bogus; b');
    assert.equal(parseSsml('<speak><![CDATA[x < y]]></speak>').text, 'x < y');
  });
});

describe('Web IDL conversions', () => {
  it('DOMString: String() for every value but a Symbol, which throws a TypeError', () => {
    assert.deepEqual([null, undefined, 12, true, { toString: () => 'obj' }].map(toDOMString), [
      'null',
      'undefined',
      '12',
      'true',
      'obj',
    ]);
    assert.throws(() => toDOMString(Symbol('s')), TypeError);
  });

  it('float attributes: single precision, clamped, and a TypeError for NaN and infinities', () => {
    assert.equal(clampFloat(0.3, 0, 1, 'x'), Math.fround(0.3));
    assert.equal(clampFloat(0, 0.1, 10, 'rate'), Math.fround(0.1));
    assert.equal(clampFloat('5', 0, 2, 'pitch'), 2);
    for (const bad of [NaN, Infinity, -Infinity, 'abc', {}]) assert.throws(() => clampFloat(bad, 0, 1, 'x'), TypeError);
  });

  it('unsigned long init members: truncated modulo 2^32, NaN as 0', () => {
    assert.deepEqual([3.9, -1, 2 ** 32 + 5, NaN, '7'].map(toUnsignedLong), [3, 2 ** 32 - 1, 5, 0, 7]);
  });
});

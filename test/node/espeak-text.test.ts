/**
 * What the built-in engine hands eSpeak-NG, and how it maps eSpeak's answers
 * back to the article text (src/core/speech/builtin/espeak-text.ts). Pure:
 * synthetic events here; the real engine is in espeak-data.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EspeakEvent } from '@echogarden/espeak-ng-emscripten';
import { prepareText, wordTimings } from '../../src/core/speech/builtin/espeak-text.ts';

/** The SSML with its marks taken out, to compare with the source. */
const withoutMarks = (ssml: string) => ssml.replace(/<mark name="\d+"\/>/g, '');

const event = (type: string, textPosition: number, audioPosition: number, id?: number | string): EspeakEvent => ({
  type,
  text_position: textPosition,
  word_length: 0,
  audio_position: audioPosition,
  ...(id === undefined ? {} : { id }),
});

describe('prepareText', () => {
  it('escapes SSML and neutralises [[ so article text never becomes markup or phonemes', () => {
    const { ssml } = prepareText('Tom & Jerry <b>said</b> [[h@l@U]] > 3', 'en');
    const text = withoutMarks(ssml);
    assert.equal(text, 'Tom &amp; Jerry &lt;b&gt;said&lt;/b&gt; ((h@l@U)) &gt; 3');
    assert.ok(!/<(?!mark )/.test(ssml), 'the only tags are our marks');
  });

  it('maps curly quotes, dashes and ellipses one-to-one, so no offset moves', () => {
    const source = '“We’re here”—she said… ‘twice’ – 20–30';
    const { ssml, origin } = prepareText(source, 'en');
    assert.equal(withoutMarks(ssml), `"We're here"-she said. 'twice' - 20-30`);
    const plain = withoutMarks(ssml);
    assert.equal([...plain].length, [...source].length);
    // The last code point of the SSML stands for the last character of the source.
    assert.equal(origin[origin.length - 1], source.length - 1);
  });

  it('puts a mark before each word, named by its index, and maps every code point back to UTF-16 offsets', () => {
    const source = 'Hi 😀 Zoë, ok';
    const prepared = prepareText(source, 'en');
    assert.deepEqual(
      prepared.words.map((word) => source.slice(word.start, word.end)),
      ['Hi', 'Zoë', 'ok'],
    );
    assert.equal(prepared.ssml, '<mark name="0"/>Hi 😀 <mark name="1"/>Zoë, <mark name="2"/>ok');
    assert.equal(prepared.origin.length, [...prepared.ssml].length);
    // eSpeak's text_position is 1-based in code points: "Zoë" starts after the mark.
    const zoe = [...prepared.ssml].indexOf('Z');
    assert.equal(prepared.origin[zoe], source.indexOf('Zoë'));
    // The emoji is one code point but two UTF-16 units: "ok" must land after it correctly.
    const ok = [...prepared.ssml].lastIndexOf('o');
    assert.equal(prepared.origin[ok], source.indexOf('ok'));
  });

  it('replaces control characters with spaces', () => {
    assert.equal(withoutMarks(prepareText('a\u0000b\u0085c', 'en').ssml), 'a b c');
  });
});

describe('wordTimings', () => {
  const source = 'One two three four';
  const prepared = prepareText(source, 'en');
  // 1-based position of the word's first letter in the (all-ASCII) SSML, as eSpeak counts.
  const position = (word: string) => prepared.ssml.indexOf(`/>${word}`) + 3;

  it('takes marks where present and word events for the rest, in order', () => {
    const events = [
      event('mark', 1, 0, '0'),
      event('word', position('two'), 300),
      event('mark', 1, 610, '2'),
      event('word', position('three'), 600),
      event('word', position('four'), 900),
    ];
    assert.deepEqual(wordTimings(prepared, events), [
      { charIndex: 0, charLength: 3, timeMs: 0 },
      { charIndex: 4, charLength: 3, timeMs: 300 },
      { charIndex: 8, charLength: 5, timeMs: 610 },
      { charIndex: 14, charLength: 4, timeMs: 900 },
    ]);
  });

  it('drops a word that would move the highlight backwards, and words nobody reported', () => {
    const events = [event('mark', 1, 500, '0'), event('mark', 1, 200, '1'), event('mark', 1, 800, '3')];
    assert.deepEqual(
      wordTimings(prepared, events).map((timing) => timing.charIndex),
      [0, 14],
    );
  });

  it('ignores marks it did not insert and events outside the text', () => {
    const events = [event('mark', 1, 0, 'x'), event('mark', 1, 0, '99'), event('word', 10_000, 5), event('end', 3, 5)];
    assert.deepEqual(wordTimings(prepared, events), []);
  });
});

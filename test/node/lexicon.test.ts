// The pronunciation lexicon: what the engine hears, and the way back to what is written.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { applyLexicon, type Lexicon } from '../../src/core/content/lexicon.ts';
import { parseLexicon } from '../../src/core/content/lexicon-json.ts';
import { wordRanges } from '../../src/core/content/segment.ts';

const SEED: Lexicon = new Map([
  ['RFE/RL', 'R F E R L'],
  ['Shbib', 'shbeeb'],
]);

describe('applyLexicon', () => {
  const written = 'Muhammad Shbib told RFE/RL on December 13 that Shbibs and xShbib are not him.';
  const spoken = applyLexicon(written, SEED);

  it('gives the engine the aliases, whole words only', () => {
    assert.equal(spoken.text, 'Muhammad shbeeb told R F E R L on December 13 that Shbibs and xShbib are not him.');
  });

  it('takes every spoken word back to the written word it stands for', () => {
    const back = wordRanges(spoken.text, 'en').map((range) => {
      const { start, end } = spoken.toWritten(range);
      return written.slice(start, end);
    });
    assert.deepEqual(back, [
      'Muhammad',
      'Shbib',
      'told',
      // "R", "F", "E", "R", "L" each highlight the whole abbreviation.
      'RFE/RL',
      'RFE/RL',
      'RFE/RL',
      'RFE/RL',
      'RFE/RL',
      'on',
      'December',
      '13',
      'that',
      'Shbibs',
      'and',
      'xShbib',
      'are',
      'not',
      'him',
    ]);
  });

  it('changes nothing without entries', () => {
    const plain = applyLexicon(written, new Map());
    assert.equal(plain.text, written);
    assert.deepEqual(plain.toWritten({ start: 9, end: 14 }), { start: 9, end: 14 });
  });

  it('prefers the longest entry', () => {
    const lexicon = new Map([
      ['RFE', 'R F E'],
      ['RFE/RL', 'R F E R L'],
    ]);
    assert.equal(applyLexicon('at RFE/RL and RFE', lexicon).text, 'at R F E R L and R F E');
  });
});

describe('parseLexicon', () => {
  it('accepts a map of written words to how they are said', () => {
    const parsed = parseLexicon({ 'RFE/RL': 'R F E R L', Shbib: 'shbeeb' });
    assert.ok('lexicon' in parsed);
    assert.equal(parsed.lexicon.get('Shbib'), 'shbeeb');
  });

  it('says what is wrong, naming the entry', () => {
    assert.deepEqual(parseLexicon(['Shbib']), {
      reason: 'must map each written word to how it is said, like {"Shbib": "shbeeb"}',
    });
    const empty = parseLexicon({ Shbib: '' });
    assert.ok('reason' in empty && empty.reason.startsWith('"Shbib" must map to how it is said'));
    const number = parseLexicon({ Shbib: 7 });
    assert.ok('reason' in number && number.reason.includes('"Shbib"'));
  });
});

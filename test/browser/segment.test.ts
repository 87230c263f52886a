import { expect } from '@open-wc/testing';
import { splitIntoChunks, wordAt, wordRanges, type Chunk } from '../../src/core/content/segment.ts';

const SHBIB = '"We may be killed or imprisoned. We don’t know," Shbib said. "There is no safe place [to hide]."';

/** The invariants every result must satisfy, whatever the input. */
function expectValidChunks(text: string, chunks: Chunk[], maxChars = 200): void {
  let previousEnd = 0;
  const covered = new Uint8Array(text.length);
  for (const chunk of chunks) {
    expect(chunk.text.length, `chunk ${chunk.start}`).to.be.greaterThan(0);
    expect(chunk.text.length).to.be.at.most(maxChars);
    expect(chunk.text).to.equal(text.slice(chunk.start, chunk.end));
    expect(chunk.text.trim()).to.equal(chunk.text);
    expect(chunk.start).to.be.at.least(previousEnd);
    const first = chunk.text.charCodeAt(0);
    const last = chunk.text.charCodeAt(chunk.text.length - 1);
    // Never half of a surrogate pair at either edge.
    expect(first >= 0xdc00 && first <= 0xdfff, 'starts with low surrogate').to.equal(false);
    expect(last >= 0xd800 && last <= 0xdbff, 'ends with high surrogate').to.equal(false);
    covered.fill(1, chunk.start, chunk.end);
    previousEnd = chunk.end;
  }
  for (let index = 0; index < text.length; index++) {
    if (!covered[index] && !/\s/.test(text[index] ?? '')) {
      throw new Error(`non-whitespace at ${index} is in no chunk`);
    }
  }
}

describe('splitIntoChunks', () => {
  it('splits a paragraph of the article into its sentences, quotes included', () => {
    const chunks = splitIntoChunks(SHBIB, 'en');
    expect(chunks.map((chunk) => chunk.text)).to.deep.equal([
      '"We may be killed or imprisoned.',
      'We don’t know," Shbib said.',
      '"There is no safe place [to hide]."',
    ]);
    expect(chunks[0]?.start).to.equal(0);
    expect(chunks[2]?.end).to.equal(SHBIB.length);
    expectValidChunks(SHBIB, chunks);
  });

  it('trims surrounding whitespace and adjusts the offsets', () => {
    const text = '  \n First one.   Second one.\n\n ';
    const chunks = splitIntoChunks(text, 'en');
    expect(chunks).to.deep.equal([
      { text: 'First one.', start: 4, end: 14 },
      { text: 'Second one.', start: 17, end: 28 },
    ]);
  });

  it('never cuts a hyphenated word such as "al-Assad" (regression)', () => {
    const sentence =
      'Some of the tens of thousands of citizens in eastern neighborhoods of the devastated northern Syrian city of ' +
      'Aleppo still controlled by rebels opposed to President Bashar al-Assad have been sharing "final messages" and ' +
      'calls for help on social media.';
    const chunks = splitIntoChunks(sentence, 'en');
    expect(chunks.length).to.be.greaterThan(1);
    expect(chunks.some((chunk) => chunk.text.endsWith('al-'))).to.equal(false);
    expect(chunks.some((chunk) => chunk.text.includes('al-Assad'))).to.equal(true);
  });

  it('returns nothing for empty or whitespace-only text', () => {
    expect(splitIntoChunks('', 'en')).to.deep.equal([]);
    expect(splitIntoChunks(' \n\t\u00a0\u3000 ', 'en')).to.deep.equal([]);
  });

  it('cuts a long sentence at clause punctuation or spaces, never mid-word', () => {
    const clause = 'the shelling moved closer to the old city, block by block';
    const text = `${Array.from({ length: 12 }, () => clause).join('; ')}.`;
    expect(text.length).to.be.greaterThan(600);
    const chunks = splitIntoChunks(text, 'en');
    expect(chunks.length).to.be.greaterThan(3);
    expectValidChunks(text, chunks);
    const words = new Set(text.split(/[\s,;.]+/).filter(Boolean));
    for (const chunk of chunks) {
      for (const word of chunk.text.split(/[\s,;.]+/).filter(Boolean)) {
        expect(words.has(word), `"${word}" is a whole word`).to.equal(true);
      }
    }
    // Every cut but the last follows the clause punctuation that keeps a
    // chunk at least half full.
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.text.at(-1)).to.be.oneOf([',', ';']);
      expect(chunk.text.length).to.be.at.least(100);
    }
  });

  it('honours a smaller maxChars and splits text without sentence punctuation', () => {
    const text = 'no punctuation at all just words flowing on and on '.repeat(20).trim();
    const chunks = splitIntoChunks(text, 'en', 60);
    expectValidChunks(text, chunks, 60);
    expect(chunks.length).to.be.greaterThan(text.length / 60);
    // Cuts land on spaces: rejoining with single spaces gives the text back.
    expect(chunks.map((chunk) => chunk.text).join(' ')).to.equal(text);
  });

  it('splits Arabic (right-to-left) sentences, including the Arabic question mark', () => {
    const text = 'قال شبيب: قد نُقتل أو نُسجن. لا نعرف. هل يوجد مكان آمن؟ لا يوجد مكان آمن للاختباء.';
    const chunks = splitIntoChunks(text, 'ar');
    expect(chunks.map((chunk) => chunk.text)).to.deep.equal([
      'قال شبيب: قد نُقتل أو نُسجن.',
      'لا نعرف.',
      'هل يوجد مكان آمن؟',
      'لا يوجد مكان آمن للاختباء.',
    ]);
    expectValidChunks(text, chunks);
  });

  it('cuts a long Arabic sentence at the Arabic comma', () => {
    const text = `${Array.from({ length: 10 }, () => 'سقطت القذائف على الحي القديم').join('، ')}.`;
    const chunks = splitIntoChunks(text, 'ar', 80);
    expectValidChunks(text, chunks, 80);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.text.at(-1)).to.equal('،');
  });

  it('keeps emoji whole', () => {
    const text = 'Stay safe 🙏🏽 please. We are here 👨‍👩‍👧 still! '.repeat(30);
    const chunks = splitIntoChunks(text, 'en', 40);
    expectValidChunks(text, chunks, 40);
    expect(chunks.some((chunk) => chunk.text.includes('👨‍👩‍👧'))).to.equal(true);
    expect(chunks.some((chunk) => chunk.text.includes('🙏🏽'))).to.equal(true);
  });

  it('hard-splits a run with no word boundary without splitting a surrogate pair', () => {
    // Mathematical bold letters are astral letters: one "word" of pairs,
    // shifted by one so a naive cut at 200 would land inside a pair.
    const text = `a${'𝐀'.repeat(300)}`;
    const chunks = splitIntoChunks(text, 'en');
    expectValidChunks(text, chunks);
    expect(chunks[0]?.end).to.equal(199);
    expect(chunks.map((chunk) => chunk.text).join('')).to.equal(text);
  });

  it('cuts CJK text without spaces at word boundaries', () => {
    const text = '我们可能会被杀害或被监禁我们不知道没有安全的地方可以躲藏'.repeat(20);
    const chunks = splitIntoChunks(text, 'zh', 50);
    expectValidChunks(text, chunks, 50);
    expect(chunks.map((chunk) => chunk.text).join('')).to.equal(text);
  });

  it('hard-splits a 1 MB paragraph with no spaces into exact 200-unit chunks', () => {
    const text = 'x'.repeat(1024 * 1024);
    const before = performance.now();
    const chunks = splitIntoChunks(text, 'en');
    const elapsed = performance.now() - before;
    expect(chunks.length).to.equal(Math.ceil(text.length / 200));
    chunks.forEach((chunk, index) => {
      if (chunk.start !== index * 200 || chunk.text.length !== Math.min(200, text.length - chunk.start)) {
        throw new Error(`chunk ${index} is ${chunk.start}..${chunk.end}`);
      }
    });
    // A sanity bound, not a benchmark: quadratic work would take minutes.
    expect(elapsed).to.be.below(5000);
  });

  it('handles a 1 MB paragraph of words without sentence punctuation', () => {
    const text = 'words without any end '.repeat(Math.ceil((1024 * 1024) / 22));
    const chunks = splitIntoChunks(text, 'en');
    expect(chunks.length).to.be.greaterThan(text.length / 200);
    expect(chunks.every((chunk) => chunk.text.length <= 200)).to.equal(true);
    expect(chunks.map((chunk) => chunk.text).join(' ')).to.equal(text.trim());
  });
});

describe('wordRanges', () => {
  it('lists word-like segments only, with offsets that slice back to the words', () => {
    const text = '"We don’t know," Shbib said — 3.5 km.';
    const words = wordRanges(text, 'en').map(({ start, end }) => text.slice(start, end));
    expect(words).to.deep.equal(['We', 'don’t', 'know', 'Shbib', 'said', '3.5', 'km']);
  });

  it('works for Arabic and skips emoji', () => {
    const text = 'لا نعرف 🙏 شيئا';
    const words = wordRanges(text, 'ar').map(({ start, end }) => text.slice(start, end));
    expect(words).to.deep.equal(['لا', 'نعرف', 'شيئا']);
  });
});

describe('wordAt', () => {
  const text = 'We may be killed, or imprisoned.';

  it('finds the word containing an index', () => {
    expect(wordAt(text, 0, 'en')).to.deep.equal({ start: 0, end: 2 });
    expect(wordAt(text, 12, 'en')).to.deep.equal({ start: 10, end: 16 });
  });

  it('moves on to the next word from a space or punctuation', () => {
    expect(wordAt(text, 2, 'en')).to.deep.equal({ start: 3, end: 6 });
    expect(wordAt(text, 16, 'en')).to.deep.equal({ start: 18, end: 20 });
  });

  it('returns null past the last word or outside the text', () => {
    expect(wordAt(text, text.length - 1, 'en')).to.equal(null);
    expect(wordAt(text, text.length, 'en')).to.equal(null);
    expect(wordAt(text, -1, 'en')).to.equal(null);
  });

  it('survives an invalid language tag', () => {
    expect(wordAt(text, 4, 'not a tag!')).to.deep.equal({ start: 3, end: 6 });
    expect(splitIntoChunks(text, '')).to.have.length(1);
  });
});

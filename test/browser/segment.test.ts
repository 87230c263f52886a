import { expect } from '@open-wc/testing';
import { wordAt, wordRanges, type Chunk } from '../../src/core/content/segment.ts';
import { utterancesOf } from '../../src/core/content/utterances.ts';
import { estimateSpeechSeconds } from '../../src/core/playback/timing.ts';

const SHBIB = '"We may be killed or imprisoned. We don’t know," Shbib said. "There is no safe place [to hide]."';
/** Web Speech at normal speed: Chrome's Google voices stop after about 15 s. */
const WEB = { maxSeconds: 10, rate: 1 };
const BUILT_IN = { maxSeconds: Infinity, rate: 1 };

/** The invariants every result must satisfy, whatever the input. */
function expectValidUtterances(text: string, utterances: readonly Chunk[], maxSeconds = Infinity, rate = 1): void {
  let previousEnd = 0;
  for (const utterance of utterances) {
    expect(utterance.text.length, `utterance ${utterance.start}`).to.be.greaterThan(0);
    expect(utterance.text).to.equal(text.slice(utterance.start, utterance.end));
    expect(utterance.text.trim()).to.equal(utterance.text);
    // Only whitespace between utterances: joined, they give back the text.
    expect(text.slice(previousEnd, utterance.start).trim(), `gap before ${utterance.start}`).to.equal('');
    const first = utterance.text.charCodeAt(0);
    const last = utterance.text.charCodeAt(utterance.text.length - 1);
    // Never half of a surrogate pair at either edge.
    expect(first >= 0xdc00 && first <= 0xdfff, 'starts with low surrogate').to.equal(false);
    expect(last >= 0xd800 && last <= 0xdbff, 'ends with high surrogate').to.equal(false);
    if (Number.isFinite(maxSeconds) && /\s/.test(utterance.text)) {
      expect(estimateSpeechSeconds(utterance.text, rate)).to.be.at.most(maxSeconds);
    }
    previousEnd = utterance.end;
  }
  expect(text.slice(previousEnd).trim()).to.equal('');
}

describe('utterancesOf (in Chromium)', () => {
  it('gives a paragraph of the article one utterance per sentence, quotes included', () => {
    const utterances = utterancesOf(SHBIB, 'en', WEB);
    expect(utterances.map((utterance) => utterance.text)).to.deep.equal([
      '"We may be killed or imprisoned.',
      'We don’t know," Shbib said.',
      '"There is no safe place [to hide]."',
    ]);
    expect(utterances[0]?.start).to.equal(0);
    expect(utterances[2]?.end).to.equal(SHBIB.length);
    expectValidUtterances(SHBIB, utterances);
  });

  it('trims surrounding whitespace and adjusts the offsets', () => {
    const text = '  \n First one.   Second one.\n\n ';
    expect(utterancesOf(text, 'en', WEB)).to.deep.equal([
      { text: 'First one.', start: 4, end: 14 },
      { text: 'Second one.', start: 17, end: 28 },
    ]);
  });

  it('cuts the long seed sentence for Web Speech at a word, never at the hyphen of "al-Assad"', () => {
    const sentence =
      'Some of the tens of thousands of citizens in eastern neighborhoods of the devastated northern Syrian city of ' +
      'Aleppo still controlled by rebels opposed to President Bashar al-Assad have been sharing "final messages" and ' +
      'calls for help on social media.';
    const utterances = utterancesOf(sentence, 'en', WEB);
    expect(utterances.length).to.be.greaterThan(1);
    expectValidUtterances(sentence, utterances, 10);
    expect(utterances.some((utterance) => utterance.text.endsWith('al-'))).to.equal(false);
    expect(utterances.some((utterance) => utterance.text.includes('al-Assad'))).to.equal(true);
    // The built-in voice has no time limit: the whole sentence.
    expect(utterancesOf(sentence, 'en', BUILT_IN).map((utterance) => utterance.text)).to.deep.equal([sentence]);
  });

  it('returns nothing for empty or whitespace-only text', () => {
    expect(utterancesOf('', 'en', WEB)).to.deep.equal([]);
    expect(utterancesOf(' \n\t\u00a0\u3000 ', 'en', WEB)).to.deep.equal([]);
  });

  it('cuts a long sentence after clause punctuation, never mid-word', () => {
    const clause = 'the shelling moved closer to the old city, block by block';
    const text = `${Array.from({ length: 12 }, () => clause).join('; ')}.`;
    const utterances = utterancesOf(text, 'en', WEB);
    expect(utterances.length).to.be.greaterThan(3);
    expectValidUtterances(text, utterances, 10);
    for (const utterance of utterances.slice(0, -1)) expect(utterance.text.at(-1)).to.be.oneOf([',', ';']);
  });

  it('splits Arabic (right-to-left) sentences, including the Arabic question mark', () => {
    const text = 'قال شبيب: قد نُقتل أو نُسجن. لا نعرف. هل يوجد مكان آمن؟ لا يوجد مكان آمن للاختباء.';
    expect(utterancesOf(text, 'ar', WEB).map((utterance) => utterance.text)).to.deep.equal([
      'قال شبيب: قد نُقتل أو نُسجن.',
      'لا نعرف.',
      'هل يوجد مكان آمن؟',
      'لا يوجد مكان آمن للاختباء.',
    ]);
  });

  it('cuts a long Arabic sentence at the Arabic comma', () => {
    const text = `${Array.from({ length: 10 }, () => 'سقطت القذائف على الحي القديم').join('، ')}.`;
    const utterances = utterancesOf(text, 'ar', { maxSeconds: 5, rate: 1 });
    expectValidUtterances(text, utterances, 5);
    expect(utterances.length).to.be.greaterThan(1);
    for (const utterance of utterances.slice(0, -1)) expect(utterance.text.at(-1)).to.equal('،');
  });

  it('keeps emoji whole', () => {
    const text = 'Stay safe 🙏🏽 please. We are here 👨‍👩‍👧 still! '.repeat(30);
    const utterances = utterancesOf(text, 'en', WEB);
    expectValidUtterances(text, utterances, 10);
    expect(utterances.some((utterance) => utterance.text.includes('👨‍👩‍👧'))).to.equal(true);
    expect(utterances.some((utterance) => utterance.text.includes('🙏🏽'))).to.equal(true);
  });

  it('cuts CJK text without spaces between words, with Chromium’s word breaks', () => {
    const text = '我们可能会被杀害或被监禁我们不知道没有安全的地方可以躲藏'.repeat(20);
    const utterances = utterancesOf(text, 'zh', { maxSeconds: 1, rate: 1 });
    expectValidUtterances(text, utterances);
    expect(utterances.length).to.be.greaterThan(5);
    expect(utterances.map((utterance) => utterance.text).join('')).to.equal(text);
  });

  it('keeps a 1 MB run without spaces whole rather than cut inside it', () => {
    const text = 'x'.repeat(1024 * 1024);
    expect(utterancesOf(text, 'en', WEB)).to.deep.equal([{ start: 0, end: text.length, text }]);
  });

  it('cuts a 1 MB paragraph of words without sentence punctuation into utterances under 10 s', () => {
    const text = 'words without any end '.repeat(Math.ceil((1024 * 1024) / 22));
    const utterances = utterancesOf(text, 'en', WEB);
    expect(utterances.length).to.be.greaterThan(text.length / 150);
    expect(utterances.every((utterance) => estimateSpeechSeconds(utterance.text, 1) <= 10)).to.equal(true);
    expect(utterances.map((utterance) => utterance.text).join(' ')).to.equal(text.trim());
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
    expect(utterancesOf(text, '', WEB)).to.have.length(1);
  });
});

// Sentence boundaries, table-driven: each row says why the rule matters to a listener.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { splitSentences } from '../../src/core/content/sentences.ts';
import { GOLDEN_RULES } from '../fixtures/golden-rules.ts';

const texts = (text: string, lang = 'en') => splitSentences(text, lang).map((sentence) => sentence.text);

describe('splitSentences: the 48 English Golden Rules', () => {
  for (const [index, { rule, why, text, sentences }] of GOLDEN_RULES.entries()) {
    it(`${index + 1}. ${rule}: ${why}`, () => {
      assert.deepEqual(texts(text), sentences);
    });
  }
});

describe('splitSentences: what a listener heard wrong before', () => {
  const cases: ReadonlyArray<{ why: string; text: string; sentences: string[] }> = [
    {
      why: 'an honorific is followed by a name',
      text: 'Dr. Rivera met the mayor. They spoke for an hour.',
      sentences: ['Dr. Rivera met the mayor.', 'They spoke for an hour.'],
    },
    {
      why: 'a title and initials belong to one name',
      text: 'Mr. J. K. Doe opened the meeting.',
      sentences: ['Mr. J. K. Doe opened the meeting.'],
    },
    {
      why: '"U.S." before the name of an institution',
      text: 'The U.S. Senate voted on Tuesday.',
      sentences: ['The U.S. Senate voted on Tuesday.'],
    },
    {
      why: '"St." before a name',
      text: 'Crowds filled the St. James corridor.',
      sentences: ['Crowds filled the St. James corridor.'],
    },
    {
      why: 'a question mark inside a URL',
      text: 'Visit example.org/news?id=7 for the list. It is updated daily.',
      sentences: ['Visit example.org/news?id=7 for the list.', 'It is updated daily.'],
    },
    {
      why: 'a period in an e-mail address or a version number',
      text: 'Mail j.doe@example.com about v2.4.1 today. Thanks.',
      sentences: ['Mail j.doe@example.com about v2.4.1 today.', 'Thanks.'],
    },
    {
      why: 'a sentence may open with a quotation mark or a bracket',
      text: 'He hung up. "Nobody is coming," she said. (The line was dead.)',
      sentences: ['He hung up.', '"Nobody is coming," she said.', '(The line was dead.)'],
    },
    {
      why: 'a list of numbered points after a colon',
      text: 'Three things matter: 1. Water 2. Bread 3. Blankets',
      sentences: ['Three things matter:', '1. Water', '2. Bread', '3. Blankets'],
    },
    {
      why: 'a lone number is not a list',
      text: 'He was born in 1990. Nine years later he left.',
      sentences: ['He was born in 1990.', 'Nine years later he left.'],
    },
  ];
  for (const { why, text, sentences } of cases) {
    it(why, () => assert.deepEqual(texts(text), sentences));
  }
});

describe('splitSentences: Arabic and Persian', () => {
  it('ends Arabic sentences at the full stop and the Arabic question mark', () => {
    assert.deepEqual(texts('قال شبيب: قد نُقتل أو نُسجن. لا نعرف. هل يوجد مكان آمن؟ لا.', 'ar'), [
      'قال شبيب: قد نُقتل أو نُسجن.',
      'لا نعرف.',
      'هل يوجد مكان آمن؟',
      'لا.',
    ]);
  });

  it('keeps a one-letter Arabic title with its name ("د. أحمد", Dr. Ahmad)', () => {
    assert.deepEqual(texts('التقى د. أحمد بالعائلات. ثم غادر.', 'ar'), ['التقى د. أحمد بالعائلات.', 'ثم غادر.']);
  });

  it('keeps a dotted Persian abbreviation inside its sentence ("ر.ک.", see)', () => {
    assert.deepEqual(texts('برای جزئیات ر.ک. فصل دوم. این مهم است.', 'fa'), [
      'برای جزئیات ر.ک. فصل دوم.',
      'این مهم است.',
    ]);
  });

  it('ends a Persian question at the Arabic question mark, with Persian digits around', () => {
    assert.deepEqual(texts('در سال ۲۰۱۶ چه شد؟ شهر سقوط کرد.', 'fa'), ['در سال ۲۰۱۶ چه شد؟', 'شهر سقوط کرد.']);
  });
});

describe('splitSentences: offsets', () => {
  it('gives UTF-16 ranges into the original text, trimmed, for any script', () => {
    const text = '  Stay safe 🙏🏽. We are here.\n 我们不知道。没有！ ';
    const sentences = splitSentences(text, 'en');
    assert.deepEqual(
      sentences.map((sentence) => sentence.text),
      ['Stay safe 🙏🏽.', 'We are here.', '我们不知道。', '没有！'],
    );
    for (const sentence of sentences) assert.equal(text.slice(sentence.start, sentence.end), sentence.text);
  });

  it('returns nothing for whitespace', () => {
    assert.deepEqual(splitSentences(' \n\u00a0 ', 'en'), []);
  });
});

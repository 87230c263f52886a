// Utterance cuts, as properties: whatever the text, engine limit and rate.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { splitSentences } from '../../src/core/content/sentences.ts';
import { utterancesOf, type UtteranceLimit } from '../../src/core/content/utterances.ts';
import { countWords, estimateSpeechSeconds } from '../../src/core/playback/timing.ts';
import { cutParagraph, prepareArticle, utteranceAt } from '../../src/core/playback/prepared-article.ts';
import type { Paragraph } from '../../src/core/content/paragraphs.ts';
import { initialState } from '../../src/core/playback/state.ts';
import { transition } from '../../src/core/playback/transition.ts';

const word = fc.stringMatching(/^[A-Za-z][a-z]{0,9}$/);
const number = fc.oneof(
  fc.integer({ min: 0, max: 99_999 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `$${a}.${b}`),
  fc.integer({ min: 1000, max: 999_999 }).map((n) => n.toLocaleString('en-US')),
);
const url = fc
  .tuple(fc.stringMatching(/^[a-z]{2,8}$/), fc.stringMatching(/^[a-z0-9]{1,8}$/))
  .map(([host, path]) => `https://${host}.example.org/${path}?id=7`);
const email = fc.stringMatching(/^[a-z]{1,6}$/).map((name) => `${name}.doe@example.com`);
/** A token never to be cut, and what may follow it. */
const joined = fc.constantFrom('Nations’', "boys'", 'al-Assad', 'pro-', 'don’t', '“quoted”', '(aside)');
const token = fc.tuple(
  fc.oneof(word, word, word, number, url, email, joined),
  fc.constantFrom('', '', '', ',', ';', ':', '.', '?', ' —'),
);
const paragraph = fc
  .array(token, { minLength: 1, maxLength: 120 })
  .map((tokens) => tokens.map(([text, after]) => `${text}${after}`).join(' '));
const limit = fc.record({ maxSeconds: fc.constant(10), rate: fc.double({ min: 0.5, max: 3, noNaN: true }) });

/** Whole tokens of the text (runs between spaces): a cut must never fall inside one. */
function runs(text: string): Set<number> {
  const inside = new Set<number>();
  for (const match of text.matchAll(/\S+/g)) {
    for (let offset = match.index + 1; offset < match.index + match[0].length; offset++) inside.add(offset);
  }
  return inside;
}

describe('utterancesOf (properties)', () => {
  it('joined, the utterances give back the text exactly (only whitespace between them)', () => {
    fc.assert(
      fc.property(paragraph, limit, (text, limits: UtteranceLimit) => {
        let rebuilt = '';
        let previous = 0;
        for (const utterance of utterancesOf(text, 'en', limits)) {
          assert.equal(text.slice(utterance.start, utterance.end), utterance.text);
          assert.match(text.slice(previous, utterance.start), /^\s*$/);
          rebuilt += text.slice(previous, utterance.end);
          previous = utterance.end;
        }
        assert.equal(rebuilt + text.slice(previous), text);
      }),
    );
  });

  it('never cuts inside a word, a number, a URL or an e-mail address', () => {
    fc.assert(
      fc.property(paragraph, limit, (text, limits: UtteranceLimit) => {
        const inside = runs(text);
        for (const utterance of utterancesOf(text, 'en', limits)) {
          assert.ok(!inside.has(utterance.start), `starts inside a token at ${utterance.start}`);
          assert.ok(!inside.has(utterance.end), `ends inside a token at ${utterance.end}`);
        }
      }),
    );
  });

  it('gives Web Speech utterances of at most 10 s (estimated) at any rate', () => {
    fc.assert(
      fc.property(paragraph, limit, (text, limits: UtteranceLimit) => {
        for (const utterance of utterancesOf(text, 'en', limits)) {
          const seconds = estimateSpeechSeconds(utterance.text, limits.rate);
          assert.ok(seconds <= 10, `${seconds.toFixed(1)} s at ${limits.rate}×: ${utterance.text}`);
        }
      }),
    );
  });

  it('gives the built-in voice whole sentences', () => {
    fc.assert(
      fc.property(paragraph, fc.double({ min: 0.5, max: 3, noNaN: true }), (text, rate) => {
        assert.deepEqual(utterancesOf(text, 'en', { maxSeconds: Infinity, rate }), splitSentences(text, 'en'));
      }),
    );
  });

  it('keeps the place when the rate changes: the new utterance holds the old one’s start', () => {
    fc.assert(
      fc.property(paragraph, limit, limit, fc.nat(), (text, before: UtteranceLimit, after: UtteranceLimit, pick) => {
        const unit = { text, lang: 'en', kind: 'paragraph' } as unknown as Paragraph;
        const article = prepareArticle('t', 'en', [unit]);
        const old = cutParagraph(article, 0, before);
        const place = old.utterances[pick % old.utterances.length];
        if (!place) return;
        const recut = cutParagraph(article, 0, after);
        const found = recut.utterances[utteranceAt(recut, place.start)];
        assert.ok(found && found.start <= place.start && place.start < found.end);
      }),
    );
  });
});

describe('utterancesOf (examples)', () => {
  it('cuts a long sentence at a clause boundary, not inside the quotation', () => {
    const text =
      'Humanitarian watchdog Amnesty International issued an "urgent plea" in connection with UN warnings, and said ' +
      'that residents "are being massacred in cold blood in their homes by government forces, street by street."';
    const utterances = utterancesOf(text, 'en', { maxSeconds: 10, rate: 0.75 }).map((utterance) => utterance.text);
    assert.ok(utterances.length > 1);
    assert.ok(utterances[0]?.endsWith('warnings,'), utterances[0]);
    assert.ok(!utterances.some((utterance) => utterance.endsWith('forces,')), 'cut inside the quotation');
  });

  it('speaks the whole seed sentence in one Web Speech utterance at 2×, and in parts at 0.75×', () => {
    const text =
      'He described the situation facing residents as a "genocide" and talked of "mass executions" by Assad forces ' +
      'supported "from the sky" by Russian jets that have been attacking the city without "any mercy."';
    assert.equal(utterancesOf(text, 'en', { maxSeconds: 10, rate: 2 }).length, 1);
    const slow = utterancesOf(text, 'en', { maxSeconds: 10, rate: 0.75 }).map((utterance) => utterance.text);
    assert.ok(slow.length >= 2);
    // The old 200-character cut left "mercy."" alone, a 0.7 s caption.
    assert.ok(
      slow.every((utterance) => utterance.split(' ').length >= 4),
      slow.join(' | '),
    );
  });
});

describe('transition: the utterances event (a paragraph cut when it is read)', () => {
  const loaded = transition(initialState, { type: 'load', utteranceCounts: [1, 1, 1] }).state;

  it('sets the paragraph’s utterance count and the place, with no effect of its own', () => {
    const playing = transition(loaded, { type: 'seek', paragraphIndex: 1 }).state;
    const cut = transition(playing, { type: 'utterances', paragraphIndex: 1, count: 3, utteranceIndex: 0 });
    assert.deepEqual(cut.effects, []);
    assert.deepEqual(cut.state.utteranceCounts, [1, 3, 1]);
    // Reading on now goes through the three utterances before the next paragraph.
    let state = cut.state;
    const spoken: Array<[number, number]> = [];
    for (let step = 0; step < 3; step++) {
      const ended = transition(state, { type: 'engine-end', token: state.token });
      state = ended.state;
      for (const effect of ended.effects)
        if (effect.type === 'speak') spoken.push([effect.paragraphIndex, effect.utteranceIndex]);
    }
    assert.deepEqual(spoken, [
      [1, 1],
      [1, 2],
      [2, 0],
    ]);
  });

  it('ignores a cut of another paragraph, and keeps the place in range', () => {
    assert.equal(
      transition(loaded, { type: 'utterances', paragraphIndex: 2, count: 4, utteranceIndex: 1 }).state,
      loaded,
    );
    const clamped = transition(loaded, { type: 'utterances', paragraphIndex: 0, count: 2, utteranceIndex: 9 }).state;
    assert.equal(clamped.utteranceIndex, 1);
  });
});

describe('countWords', () => {
  it('counts words joined by apostrophes and hyphens once, whatever ends the text', () => {
    const cases: Array<[string, number]> = [
      ['The United Nations’', 3],
      ["the boys'", 2],
      ['pro-', 1],
      ["We don’t know, al-Assad's 3.5 km -- ok", 8],
      ['قد نُقتل أو نُسجن', 4],
      ['🙏🏽 we 𝐀𝐁 x', 3],
      ['', 0],
    ];
    for (const [text, words] of cases) assert.equal(countWords(text), words, text);
  });
});

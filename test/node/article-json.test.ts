/**
 * `article.json` as the player validates it before rendering (src="…"): the
 * build's own output passes; anything else of the wrong shape is refused with
 * a reason a developer can act on.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArticleJson } from '../../src/core/content/article-json.ts';
import { parseArticleFile } from '../../src/pipeline/parse-article.ts';

const seedPath = new URL('../../content/aleppo-final-messages.md', import.meta.url).pathname;

const minimal = {
  headline: 'A headline',
  language: 'en',
  body: [{ kind: 'paragraph', text: 'One paragraph.', html: 'One paragraph.' }],
};

function reasonOf(value: unknown): string {
  const result = parseArticleJson(value);
  assert.ok('reason' in result, `expected a refusal for ${JSON.stringify(value).slice(0, 80)}`);
  return result.reason;
}

describe('parseArticleJson', () => {
  it('accepts what the build emits as dist/article.json', () => {
    const article = JSON.parse(
      JSON.stringify(parseArticleFile(seedPath, 'content/aleppo-final-messages.md')),
    ) as unknown;
    const result = parseArticleJson(article);
    assert.ok('article' in result);
    assert.equal(result.article.language, 'en');
    assert.equal(result.article.author, 'Golnaz Esfandiari');
    assert.equal(result.article.date, '2016-12-13');
    assert.ok(result.article.body.length > 10);
    assert.equal(result.article.figures.size, 2);
  });

  it('accepts a minimal article and keeps only plain text (never the html field)', () => {
    const result = parseArticleJson({
      ...minimal,
      body: [{ kind: 'paragraph', text: 'Plain', html: '<img src=x onerror=alert(1)>' }],
    });
    assert.ok('article' in result);
    assert.deepEqual(result.article.body, [{ kind: 'paragraph', text: 'Plain' }]);
    assert.equal(result.article.author, null);
  });

  it('refuses what is not an article, saying which field is wrong', () => {
    assert.match(reasonOf(null), /object/);
    assert.match(reasonOf([minimal]), /object/);
    assert.match(reasonOf('text'), /object/);
    assert.match(reasonOf({ ...minimal, headline: '' }), /headline/);
    assert.match(reasonOf({ ...minimal, headline: 42 }), /headline/);
    assert.match(reasonOf({ ...minimal, language: 'english please' }), /language/);
    assert.match(reasonOf({ ...minimal, body: 'text' }), /body/);
    assert.match(reasonOf({ ...minimal, body: [{ kind: 'video', src: 'x' }] }), /body\[0\]/);
    assert.match(reasonOf({ ...minimal, body: [{ kind: 'paragraph', text: 7 }] }), /body\[0\]/);
    assert.match(reasonOf({ ...minimal, figures: [{ id: 'a' }] }), /figures\[0\]/);
    assert.match(
      reasonOf({ ...minimal, figures: [{ id: 'a', caption: 'c', image: { src: 'x.jpg' } }] }),
      /figures\[0\]/,
    );
    assert.match(reasonOf({ ...minimal, author: { name: 5 } }), /author/);
    assert.match(reasonOf({ ...minimal, author: 'Someone' }), /author/);
    assert.match(reasonOf({ ...minimal, date: '13/12/2016' }), /date/);
  });

  it('bounds sizes, so a hostile file cannot make the player render megabytes', () => {
    assert.match(reasonOf({ ...minimal, body: Array.from({ length: 5001 }, () => minimal.body[0]) }), /body/);
    assert.match(reasonOf({ ...minimal, body: [{ kind: 'paragraph', text: 'x'.repeat(50_001) }] }), /body\[0\]/);
  });
});

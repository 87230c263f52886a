import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Article } from '../../src/core/content/article.ts';
import { parseArticleFile, parseArticleSource } from '../../src/pipeline/parse-article.ts';
import {
  escapeHtml,
  formatArticleDate,
  renderArticleHtml,
  renderArticleTitle,
  renderAttribution,
} from '../../src/pipeline/render-article-html.ts';

const ATTACK = '<img src=x onerror=alert(1)>';
const ESCAPED_ATTACK = '&lt;img src=x onerror=alert(1)&gt;';

/** Markup in every text field, parsed the real way so the body goes through markdown-it and sanitize-html. */
function hostileArticle(): Article {
  const source = [
    '---',
    `headline: "Breaking ${ATTACK} & \\"quotes\\""`,
    'author:',
    `  name: "Jo \\"><script>alert(1)</script>"`,
    `  bio: "Bio ${ATTACK}"`,
    'date: 2016-12-13',
    'source:',
    `  name: "News ${ATTACK}"`,
    '  url: "https://example.org/?a=1&b=\\"2\\""',
    'language: en',
    'figures:',
    '  - id: lead',
    `    caption: "Caption ${ATTACK}"`,
    '    image:',
    '      src: "images/a\\" onload=\\"alert(1).jpg"',
    `      alt: "Alt \\" onerror=\\"alert(1)"`,
    '      width: 1200',
    '      height: 675',
    '---',
    '',
    '[[figure:lead]]',
    '',
    `Paragraph ${ATTACK} <script>alert(1)</script> *kept*.`,
    '',
  ].join('\n');
  return parseArticleSource(source, 'content/hostile.md');
}

describe('renderArticleHtml', () => {
  it('escapes markup in headline, byline, captions, paragraphs, alt and author box', () => {
    const html = renderArticleHtml(hostileArticle());
    assert.ok(!html.includes('<img src=x'), 'no live injected <img>');
    assert.ok(!html.includes('<script'), 'no live <script>');
    // Real attributes only: values are blanked first, since escaped text may mention "onerror=".
    const tags = (html.match(/<[a-z][^>]*>/g) ?? []).map((tag) => tag.replace(/="[^"]*"/g, '=""'));
    assert.deepEqual(
      tags.filter((tag) => /\son\w+=/.test(tag)),
      [],
      'no event-handler attributes',
    );
    const expected = [
      `<h1 id="headline">Breaking ${ESCAPED_ATTACK} &amp; &quot;quotes&quot;</h1>`,
      `<figcaption>Caption ${ESCAPED_ATTACK}</figcaption>`,
      `<p data-aloud-paragraph="0">Paragraph ${ESCAPED_ATTACK} &lt;script&gt;alert(1)&lt;/script&gt; <em>kept</em>.</p>`,
      `<p class="kicker" data-aloud-skip>News ${ESCAPED_ATTACK}</p>`,
      '<a href="#author">Jo &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</a>',
      '<img src="images/a&quot; onload=&quot;alert(1).jpg" alt="Alt &quot; onerror=&quot;alert(1)" width="1200" height="675"',
      `<p>Bio ${ESCAPED_ATTACK}</p>`,
    ];
    for (const fragment of expected) assert.ok(html.includes(fragment), `missing: ${fragment}`);
  });

  it('escapes the page title and the attribution', () => {
    const article = hostileArticle();
    assert.equal(renderArticleTitle(article), `Breaking ${ESCAPED_ATTACK} &amp; &quot;quotes&quot; — Aloud`);
    assert.equal(
      renderAttribution(article),
      `Article: <a href="https://example.org/?a=1&amp;b=&quot;2&quot;">News ${ESCAPED_ATTACK}</a>, 13 December 2016. Reproduced for demonstration.`,
    );
  });

  it('produces the documented structure for the real article', () => {
    const article = parseArticleFile('content/aleppo-final-messages.md');
    const html = renderArticleHtml(article);
    const order = [
      '<aloud-article>',
      '<article id="story" lang="en" aria-labelledby="headline">',
      '<header class="article-header">',
      '<h1 id="headline">&#39;We Are Being Killed&#39;: Desperate Calls From Aleppo As Assad Regime Closes In</h1>',
      '<p class="byline" data-aloud-skip>By <a href="#author">Golnaz Esfandiari</a> <span aria-hidden="true">·</span> <time datetime="2016-12-13">13 December 2016</time></p>',
      '</header>',
      '<aloud-player for="story" shortcuts="page" pronunciations="article.json"></aloud-player>',
      '<figure id="figure-iv-drip" class="figure figure-caption-only">',
      '<figcaption>A man carries a child',
      '<p data-aloud-paragraph="0">Some of the tens',
      '<p data-aloud-paragraph="3">Humanitarian watchdog',
      '<figure id="figure-bustan-al-qasr" class="figure figure-caption-only">',
      '<p data-aloud-paragraph="18">The capture of Aleppo',
      '<section id="author" class="author-box" aria-labelledby="author-heading" data-aloud-skip>',
      '<h2 id="author-heading">About the author</h2>',
      '<p class="author-name">Golnaz Esfandiari</p>',
      '</article>',
      '</aloud-article>',
    ];
    let from = 0;
    for (const fragment of order) {
      const at = html.indexOf(fragment, from);
      assert.ok(at >= from, `expected, in order: ${fragment}`);
      from = at + fragment.length;
    }
    assert.equal(html.match(/<h1\b/g)?.length, 1);
    assert.equal(html.match(/<p data-aloud-paragraph=/g)?.length, 19);
  });
});

describe('formatting helpers', () => {
  it('formats the dateline in en-GB, independent of the time zone', () => {
    assert.equal(formatArticleDate('2016-12-13'), '13 December 2016');
    assert.equal(formatArticleDate('2016-01-01'), '1 January 2016');
  });

  it('escapes all five HTML-significant characters', () => {
    assert.equal(
      escapeHtml(`<a href="x" title='y'>&</a>`),
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

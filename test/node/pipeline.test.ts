import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Article } from '../../src/core/content/article.ts';
import { ContentError, parseArticleFile, parseArticleSource } from '../../src/pipeline/parse-article.ts';
import { splitContent } from '../../src/pipeline/front-matter.ts';
import { validateFrontMatter } from '../../src/pipeline/validate-front-matter.ts';
import { plainTypography, readSeed } from '../helpers/seed.ts';
import { parseArticleJson } from '../../src/core/content/article-json.ts';
import { lexiconFromJson } from '../../src/core/content/lexicon-json.ts';

const CONTENT_FILE = 'content/aleppo-final-messages.md';
const FIXTURES = 'test/fixtures/content';

const paragraphsOf = (article: Article): string[] =>
  article.body.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));

/** What a browser's textContent gives for the sanitised HTML (only em/strong/a/code survive). */
const textContentOf = (html: string): string =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');

const FRONT_MATTER = [
  '---',
  'headline: A fine headline',
  'author:',
  '  name: Jo Reporter',
  'date: 2016-12-13',
  'source:',
  '  name: Example News',
  'language: en',
  '---',
  '',
].join('\n');

describe('the published article (content/aleppo-final-messages.md)', () => {
  const article = parseArticleFile(CONTENT_FILE);
  const seed = readSeed();

  it('has the headline, author, date, source and language of the seed', () => {
    assert.equal(article.slug, 'aleppo-final-messages');
    assert.equal(article.headline, seed.headline);
    assert.equal(article.author.name, 'Golnaz Esfandiari');
    assert.equal(article.author.bio, seed.authorBio);
    assert.equal(article.date, '2016-12-13');
    assert.equal(article.source.name, 'RFE/RL');
    assert.equal(article.language, 'en');
  });

  it('says how "RFE/RL" and "Shbib" are pronounced, and publishes that in article.json', () => {
    assert.deepEqual(article.pronunciations, { 'RFE/RL': 'R F E R L', Shbib: 'shbeeb' });
    const parsed = parseArticleJson(JSON.parse(JSON.stringify(article)));
    assert.ok('article' in parsed);
    assert.equal(lexiconFromJson(parsed.article, 'article.json').get('Shbib'), 'shbeeb');
  });

  it('has all 19 body paragraphs of the seed, verbatim and in order', () => {
    assert.equal(seed.paragraphs.length, 19);
    assert.deepEqual(paragraphsOf(article).map(plainTypography), seed.paragraphs.map(plainTypography));
  });

  it('sets quotes, apostrophes, dashes and ellipses typographically', () => {
    const text = paragraphsOf(article).join('\n');
    assert.ok(!/["']|--|\.\.\./.test(text), 'no keyboard quote, double hyphen or three dots is left');
    assert.ok(text.includes('sharing “final messages” and'));
    assert.ok(text.includes('those regions – with support'));
    assert.ok(text.includes('Assad’s enemies'));
    assert.ok(text.includes('sleep at night…” he said'));
  });

  it('keeps bracketed insertions such as [to hide] as plain text, not links', () => {
    const bracketed = article.body.filter((block) => block.kind === 'paragraph' && block.text.includes('['));
    assert.equal(bracketed.length, 2);
    for (const block of bracketed) {
      assert.ok(block.kind === 'paragraph' && !block.html.includes('<a'), 'no link was made');
    }
  });

  it('renders paragraph HTML whose text is exactly the spoken text', () => {
    for (const block of article.body) {
      if (block.kind === 'paragraph') assert.equal(textContentOf(block.html), block.text);
    }
  });

  it('has two figures with the seed captions, the second kept once', () => {
    assert.deepEqual(
      article.figures.map((figure) => figure.caption),
      [...seed.captions],
    );
    assert.ok(
      article.figures.every((figure) => figure.image === undefined),
      'no photos ship',
    );
  });

  it('places the lead figure first and the second after the fourth paragraph', () => {
    const kinds = article.body.map((block) => (block.kind === 'figure' ? `figure:${block.figureId}` : 'p'));
    const [lead, second] = article.figures;
    assert.equal(kinds[0], `figure:${lead?.id}`);
    assert.deepEqual(kinds.slice(1, 5), ['p', 'p', 'p', 'p']);
    assert.equal(kinds[5], `figure:${second?.id}`);
    assert.equal(kinds.length, 21);
  });

  it('drops scrape leftovers and keeps the author out of the body', () => {
    const text = paragraphsOf(article).join('\n');
    for (const leftover of ['Accessibility links', 'Breaking News', '16x9 Image', 'Golnaz Esfandiari']) {
      assert.ok(!text.includes(leftover), `body contains ${leftover}`);
    }
  });
});

describe('content errors name file, line and field', () => {
  const cases: Array<{ fixture: string; field: string; line: number; reason: RegExp }> = [
    { fixture: 'malformed-yaml.md', field: 'front matter', line: 8, reason: /not valid YAML/ },
    { fixture: 'unclosed-front-matter.md', field: 'front matter', line: 1, reason: /not closed/ },
    { fixture: 'missing-headline.md', field: 'headline', line: 1, reason: /is missing/ },
    { fixture: 'empty-headline.md', field: 'headline', line: 2, reason: /is empty/ },
    { fixture: 'empty-body.md', field: 'body', line: 10, reason: /no paragraphs/ },
    { fixture: 'bad-date.md', field: 'date', line: 5, reason: /2016-02-30 is not a real calendar date/ },
    { fixture: 'unknown-key.md', field: 'tags', line: 9, reason: /not a known field/ },
    { fixture: 'unknown-nested-key.md', field: 'author.twitter', line: 5, reason: /not a known field/ },
    { fixture: 'missing-author-name.md', field: 'author.name', line: 3, reason: /is missing/ },
    { fixture: 'bad-language.md', field: 'language', line: 8, reason: /BCP 47/ },
    { fixture: 'figure-without-caption.md', field: 'figures[1].caption', line: 12, reason: /is missing/ },
    { fixture: 'duplicate-figure-id.md', field: 'figures[1].id', line: 12, reason: /used by another figure/ },
    {
      fixture: 'unknown-figure.md',
      field: 'body',
      line: 18,
      reason: /\[\[figure:missing\]\] refers to an unknown figure/,
    },
    { fixture: 'image-without-alt.md', field: 'figures[0].image.alt', line: 12, reason: /is missing/ },
    { fixture: 'heading-in-body.md', field: 'body', line: 13, reason: /headings are not supported/ },
    { fixture: 'pronunciation-not-text.md', field: 'pronunciations.RFE/RL', line: 11, reason: /is missing/ },
    {
      fixture: 'pronunciations-list.md',
      field: 'pronunciations',
      line: 9,
      reason: /must be a set of `written word: how it is said` fields/,
    },
  ];

  for (const { fixture, field, line, reason } of cases) {
    it(`${fixture}: ${field} on line ${line}`, () => {
      const file = `${FIXTURES}/${fixture}`;
      assert.throws(
        () => parseArticleFile(file),
        (error: unknown) => {
          assert.ok(error instanceof ContentError, `expected a ContentError, got ${String(error)}`);
          assert.equal(error.file, file);
          assert.equal(error.field, field);
          assert.equal(error.line, line);
          assert.match(error.message, reason);
          assert.ok(error.message.startsWith(`${file}:${line}: ${field}: `), error.message);
          return true;
        },
      );
    });
  }

  describe('with files written at test time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aloud-content-'));
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('rejects bytes that are not UTF-8, naming the line', () => {
      const file = join(dir, 'latin1.md');
      // "café" in Latin-1: the lone 0xE9 byte is not valid UTF-8.
      const bytes = Buffer.concat([
        Buffer.from(`${FRONT_MATTER}\nA paragraph.\n\nA caf`),
        Buffer.from([0xe9]),
        Buffer.from('.\n'),
      ]);
      writeFileSync(file, bytes);
      assert.throws(
        () => parseArticleFile(file, 'content/latin1.md'),
        (error: unknown) =>
          error instanceof ContentError &&
          error.field === 'encoding' &&
          error.line === 13 &&
          error.message.startsWith('content/latin1.md:13: encoding: is not valid UTF-8'),
      );
    });

    it('parses a 1 MB paragraph (the player chunks it; it is not an error)', () => {
      const file = join(dir, 'long.md');
      const paragraph = 'Word '.repeat(210_000).trim();
      writeFileSync(file, `${FRONT_MATTER}\n${paragraph}\n`);
      const started = performance.now();
      const article = parseArticleFile(file);
      assert.deepEqual(paragraphsOf(article), [paragraph]);
      assert.ok(paragraph.length > 1_000_000);
      assert.ok(performance.now() - started < 10_000, 'parsing stays fast');
    });
  });
});

describe('parseArticleSource', () => {
  const parse = (body: string, extra = ''): Article =>
    parseArticleSource(FRONT_MATTER.replace('language: en\n', `language: en\n${extra}`) + body, 'content/t.md');

  it('accepts a Buffer and strips a UTF-8 byte-order mark', () => {
    const article = parseArticleSource(Buffer.from(`\uFEFF${FRONT_MATTER}\nText.\n`), 'content/bom.md');
    assert.equal(article.headline, 'A fine headline');
    assert.equal(article.slug, 'bom');
  });

  it('shows raw HTML as text and never as markup', () => {
    const [block] = parse('\nHello <img src=x onerror=alert(1)> <script>alert(1)</script> world\n').body;
    assert.ok(block?.kind === 'paragraph');
    assert.equal(block.text, 'Hello <img src=x onerror=alert(1)> <script>alert(1)</script> world');
    assert.ok(!/<img|<script/.test(block.html), block.html);
    assert.match(block.html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  it('keeps emphasis and web links, and drops unsafe links', () => {
    const [block] = parse('\n*Quietly* **loud** `code` [site](https://example.org) [bad](javascript:alert(1))\n').body;
    assert.ok(block?.kind === 'paragraph');
    assert.equal(
      block.html,
      '<em>Quietly</em> <strong>loud</strong> <code>code</code> <a href="https://example.org">site</a> [bad](javascript:alert(1))',
    );
    assert.equal(block.text, 'Quietly loud code site [bad](javascript:alert(1))');
  });

  it('turns line breaks inside a paragraph into spaces in text and HTML alike', () => {
    const [block] = parse('\nOne line\nand the next.\n').body;
    assert.ok(block?.kind === 'paragraph');
    assert.equal(block.text, 'One line and the next.');
    assert.equal(textContentOf(block.html), block.text);
  });

  it('accepts a quoted date', () => {
    assert.equal(parse('\nText.\n').date, '2016-12-13');
    const quoted = parseArticleSource(
      FRONT_MATTER.replace('date: 2016-12-13', 'date: "2016-12-13"') + '\nText.\n',
      'content/q.md',
    );
    assert.equal(quoted.date, '2016-12-13');
  });

  it('rejects a date that is not written YYYY-MM-DD, naming the line', () => {
    for (const written of ['yesterday', '13/12/2016', '2016-12-13T10:00:00Z']) {
      const source = FRONT_MATTER.replace('date: 2016-12-13', `date: "${written}"`) + '\nText.\n';
      assert.throws(
        () => parseArticleSource(source, 'content/d.md'),
        (error: unknown) =>
          error instanceof ContentError &&
          error.field === 'date' &&
          error.line === 5 &&
          /must be a date written YYYY-MM-DD/.test(error.message),
        written,
      );
    }
  });

  it('checks the date as written when YAML has already made it a Date', () => {
    // A YAML 1.1 loader turns 2016-02-30 into a Date that silently rolls over to 1 March.
    const source = FRONT_MATTER.replace('2016-12-13', '2016-02-30') + '\nText.\n';
    const { data, fields } = splitContent(source, 'content/d.md');
    const asYaml11 = { ...(data as object), date: new Date(Date.UTC(2016, 1, 30)) };
    assert.throws(
      () => validateFrontMatter(asYaml11, fields, 'content/d.md'),
      /^ContentError: content\/d\.md:5: date: 2016-02-30 is not a real calendar date$/,
    );
    const valid = { ...(data as object), date: new Date(Date.UTC(2016, 11, 13)) };
    const { fields: validFields } = splitContent(FRONT_MATTER + '\nText.\n', 'content/d.md');
    assert.equal(validateFrontMatter(valid, validFields, 'content/d.md').date, '2016-12-13');
  });

  it('requires a [[figure:ID]] reference to stand alone', () => {
    assert.throws(
      () => parse('\nSee [[figure:lead]] here.\n', 'figures:\n  - id: lead\n    caption: C.\n'),
      /content\/t\.md:14: body: a \[\[figure:ID\]\] reference must be a paragraph on its own/,
    );
  });

  it('rejects a figure placed twice, which would duplicate an HTML id', () => {
    assert.throws(
      () => parse('\n[[figure:lead]]\n\nText.\n\n[[figure:lead]]\n', 'figures:\n  - id: lead\n    caption: C.\n'),
      /content\/t\.md:18: body: \[\[figure:lead\]\] is placed more than once/,
    );
  });

  it('rejects a script URL as an image source', () => {
    assert.throws(
      () =>
        parse(
          '\nText.\n',
          'figures:\n  - id: lead\n    caption: C.\n    image:\n      src: "javascript:alert(1)"\n      alt: A.\n',
        ),
      /content\/t\.md:13: figures\[0\]\.image\.src: must be a relative path/,
    );
  });

  it('rejects a file without front matter', () => {
    assert.throws(
      () => parseArticleSource('Just text.\n', 'content/plain.md'),
      /content\/plain\.md:1: front matter: is missing/,
    );
  });
});

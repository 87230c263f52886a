/**
 * The built embed (`dist/aloud.js`, strict CSP) on a sample of the invented
 * publisher pages, loaded as real pages: the browser's own parser builds
 * their declarative shadow roots, their JSON-LD and metadata are real, and
 * their story arrives late where the page says so. The player must find the
 * story by itself, read the headline first and once, and score at least 0.9
 * word recall and precision; the full set is measured by `npm run bench`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { launchBrowser } from '../helpers/browser.ts';
import { readPublisherPages, type PublisherResult } from '../helpers/publisher-built.ts';

/** One page of each kind: div soup, headline above, <br> text, late body, client app, shadow DOM, RTL, JSON-LD, old tables. */
const SAMPLE = [
  '01-div-story-body',
  '02-headline-outside-article',
  '05-br-paragraphs-in-a-div',
  '08-late-story-body',
  '09-client-rendered-app',
  '10-shadow-dom-article',
  '11-shadow-dom-for',
  '12-rtl-arabic',
  '18-jsonld-headline-and-speakable',
  '25-layout-table-old-site',
];

describe('built embed on publisher pages', () => {
  let browser: Browser;
  let results: PublisherResult[] = [];
  before(async () => {
    browser = await launchBrowser();
    results = await readPublisherPages(browser, SAMPLE);
  });
  after(() => browser.close());

  for (const name of SAMPLE) {
    it(`${name}: finds the story, reads the headline once, recall and precision ≥ 0.9`, () => {
      const page = results.find((result) => result.name === name);
      assert.ok(page, `${name} was read`);
      assert.match(page.choice, /^<aloud-player>: reading /, 'the choice is logged for the publisher');
      assert.ok(page.headlineFirst, `the headline comes first: ${page.spoken[0]}`);
      assert.equal(page.headlineReads, 1, 'the headline is read once');
      const detail = `recall ${page.recall}, precision ${page.precision}\n${page.spoken.join('\n')}`;
      assert.ok(page.recall >= 0.9, detail);
      assert.ok(page.precision >= 0.9, detail);
    });
  }
});

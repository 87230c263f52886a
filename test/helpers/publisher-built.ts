/**
 * The invented publisher pages (test/fixtures/publishers/) served as real
 * pages with the BUILT embed (`dist/`), under the strict CSP: each page gets
 * one `<script type="module" src="aloud.js">` in its head, as a publisher
 * would add it, and nothing else. A recording fake speechSynthesis reads each
 * page to the end; the words spoken are scored against what the page says
 * must be read. For the e2e tests and `npm run bench`. Expects `npm run build`.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { openBuiltPage } from './browser.ts';
import { injectFakeSpeech } from './inject-fake-speech.ts';
import { scoreWords, squash, type WordScores } from './word-scores.ts';

const FIXTURES = 'test/fixtures/publishers';

export interface PublisherResult extends WordScores {
  readonly name: string;
  /** Utterances whose text is exactly the headline: 1 when it is read once. */
  readonly headlineReads: number;
  readonly headlineFirst: boolean;
  /** What the player told the publisher in the console ("reading div.story-body (5 paragraphs…)"). */
  readonly choice: string;
  readonly spoken: readonly string[];
}

export function publisherPageNames(): string[] {
  return JSON.parse(readFileSync(join(FIXTURES, 'index.json'), 'utf8')) as string[];
}

/** A folder with the built embed and the pages, each with the embed's script tag added. */
function buildSite(): { root: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'aloud-publishers-'));
  symlinkSync(resolve('dist/assets'), join(root, 'assets'));
  copyFileSync('dist/aloud.js', join(root, 'aloud.js'));
  for (const file of readdirSync(FIXTURES)) {
    const source = readFileSync(join(FIXTURES, file), 'utf8');
    const out = file.endsWith('.html')
      ? source.replace('</head>', '  <script type="module" src="aloud.js"></script>\n</head>')
      : source;
    writeFileSync(join(root, file), out);
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

interface PageReport {
  readonly spoken: string[];
  readonly expected: string[];
  readonly headline: string;
}

/**
 * Runs in the page: plays its late content on schedule, waits until the
 * player has indexed the story (and is no longer waiting), reads it to the
 * end. A string: tsx would wrap a function here in a `__name` helper the page lacks.
 */
const READ_PAGE = `(async () => {
  for (const template of document.querySelectorAll('template[data-late-into]')) {
    setTimeout(() => document.querySelector(template.dataset.lateInto)?.replaceChildren(template.content.cloneNode(true)),
      Number(template.dataset.afterMs ?? 0));
  }
  const find = (root) => root.querySelector('aloud-player') ??
    [...root.querySelectorAll('*')].map((element) => (element.shadowRoot ? find(element.shadowRoot) : null)).find(Boolean) ?? null;
  const player = find(document);
  if (!player) throw new Error('no player');
  const deadline = performance.now() + 5000;
  const status = () => player.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim() ?? '';
  while (player.paragraphCount === 0 || status() !== '') {
    if (performance.now() > deadline) throw new Error('the story was not indexed');
    await new Promise((done) => setTimeout(done, 10));
  }
  const ended = new Promise((done) => player.addEventListener('ended', done, { once: true }));
  await player.play();
  await ended;
  const template = document.querySelector('#expected-reading');
  return {
    spoken: window.__fakeSpeech.spoken.map((utterance) => utterance.text),
    expected: [...(template?.content.querySelectorAll('p') ?? [])].map((p) => p.textContent ?? ''),
    headline: template?.dataset.headline ?? '',
  };
})()`;

/** Opens each page, lets its late content arrive, reads it to the end and scores it. */
export async function readPublisherPages(browser: Browser, names = publisherPageNames()): Promise<PublisherResult[]> {
  const site = buildSite();
  const results: PublisherResult[] = [];
  try {
    for (const name of names) {
      const choices: string[] = [];
      const built = await openBuiltPage(browser, {
        root: site.root,
        path: `${name}.html`,
        beforeLoad: (page) => {
          page.on('console', (message) => {
            if (message.text().startsWith('<aloud-player>: reading')) choices.push(message.text());
          });
          return injectFakeSpeech(page, {
            mode: 'auto',
            stepMs: 0,
            voices: [
              { name: 'Test English', lang: 'en-US', default: true },
              { name: 'Test Arabic', lang: 'ar-SA' },
              { name: 'Test Persian', lang: 'fa-IR' },
            ],
          });
        },
      });
      try {
        const report = (await built.page.evaluate(READ_PAGE)) as PageReport;
        const headline = squash(report.headline);
        results.push({
          name,
          ...scoreWords(report.expected, report.spoken),
          headlineReads: report.spoken.filter((text) => squash(text) === headline).length,
          headlineFirst: squash(report.spoken[0] ?? '') === headline,
          choice: choices[0] ?? '',
          spoken: report.spoken,
        });
      } finally {
        await built.close();
      }
    }
  } finally {
    site.remove();
  }
  return results;
}

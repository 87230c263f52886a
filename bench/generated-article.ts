/**
 * A copy of dist/ plus generated article pages of any length, for scale
 * benchmarks. The generated page uses only the public embed snippet, and is
 * marked up as publishers do: a class on every paragraph, a link or an
 * emphasis in some of them, and now and then a paragraph their stylesheet
 * hides (`HIDDEN_EVERY`).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SENTENCES = [
  'Residents described long queues for bread and water in the cold.',
  'Aid agencies said they could not reach the eastern districts.',
  'The city has been divided for four years, and its people are exhausted.',
  'Activists shared messages on social media late into the night.',
];

/** One paragraph in this many is followed by one the page's stylesheet hides (an edition note). */
export const HIDDEN_EVERY = 1000;

export function generatedArticleHtml(paragraphs: number): string {
  const body: string[] = [];
  for (let index = 0; index < paragraphs; index += 1) {
    const first = SENTENCES[index % 4] ?? '';
    // Every third paragraph has a link, every fifth an emphasis: inline markup costs indexing more than text.
    const lead =
      index % 3 === 0
        ? `<a href="#p${index}">Paragraph ${index + 1}.</a>`
        : index % 5 === 0
          ? `<em>Paragraph ${index + 1}.</em>`
          : `Paragraph ${index + 1}.`;
    body.push(`<p class="article-paragraph">${lead} ${first} ${SENTENCES[(index + 1) % 4]}</p>`);
    if (index % HIDDEN_EVERY === HIDDEN_EVERY - 1)
      body.push('<p class="article-paragraph edition-note">Printed edition.</p>');
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Generated article, ${paragraphs} paragraphs</title>
<link rel="icon" href="./favicon.svg"><link rel="stylesheet" href="./generated.css"><script type="module" src="./aloud.js"></script></head>
<body><main><article id="story"><h1>A generated article of ${paragraphs} paragraphs</h1>
<aloud-player for="story" shortcuts="page"></aloud-player>
${body.join('\n')}
</article></main></body></html>`;
}

export interface GeneratedSite {
  readonly root: string;
  /** Page file name for a given paragraph count. */
  page(paragraphs: number): string;
  remove(): void;
}

export function generatedSite(counts: readonly number[]): GeneratedSite {
  const root = mkdtempSync(join(tmpdir(), 'aloud-bench-'));
  cpSync('dist', root, { recursive: true });
  for (const count of counts) writeFileSync(join(root, `generated-${count}.html`), generatedArticleHtml(count));
  writeFileSync(join(root, 'generated.css'), '.edition-note { display: none; }\n');
  return {
    root,
    page: (paragraphs) => `generated-${paragraphs}.html`,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/**
 * A copy of dist/ plus generated article pages of any length, for scale
 * benchmarks. The generated page uses only the public embed snippet.
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

export function generatedArticleHtml(paragraphs: number): string {
  const body: string[] = [];
  for (let index = 0; index < paragraphs; index += 1) {
    body.push(`<p>Paragraph ${index + 1}. ${SENTENCES[index % 4]} ${SENTENCES[(index + 1) % 4]}</p>`);
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Generated article, ${paragraphs} paragraphs</title>
<link rel="icon" href="./favicon.svg"><script type="module" src="./aloud.js"></script></head>
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
  return {
    root,
    page: (paragraphs) => `generated-${paragraphs}.html`,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

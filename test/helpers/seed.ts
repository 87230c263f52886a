/**
 * The scraped source article, kept verbatim in test/fixtures/seed so that
 * tests can prove the published text matches it word for word (the shared
 * seed folder does not exist on CI machines).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEED_PATH = fileURLToPath(new URL('../fixtures/seed/aleppo-final-messages.txt', import.meta.url));

export interface Seed {
  readonly headline: string;
  readonly captions: readonly [string, string];
  /** The 19 body paragraphs, in order. */
  readonly paragraphs: readonly string[];
  readonly authorName: string;
  readonly authorBio: string;
}

/** Scrape leftovers that are not part of the article. */
const LEFTOVERS = new Set(['Accessibility links', 'Breaking News', '• 16x9 Image']);

export function readSeed(): Seed {
  const blocks = readFileSync(SEED_PATH, 'utf8')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '' && !LEFTOVERS.has(block));
  const [headline, leadCaption, ...rest] = blocks;
  // The second photo's alt text and caption were scraped as two identical lines.
  const captionIndex = rest.findIndex((block) => {
    const lines = block.split('\n');
    return lines.length === 2 && lines[0] === lines[1];
  });
  const secondCaption = rest[captionIndex]?.split('\n')[0];
  const authorBio = rest.at(-1);
  const authorName = rest.at(-2);
  const paragraphs = rest.slice(0, -2).filter((_, index) => index !== captionIndex);
  if (!headline || !leadCaption || !secondCaption || !authorName || !authorBio) {
    throw new Error(`unexpected seed layout in ${SEED_PATH}`);
  }
  return { headline, captions: [leadCaption, secondCaption], paragraphs, authorName, authorBio };
}

/**
 * The page sets the reporter's keyboard typography as a printer would
 * (markdown-it's typographer): this undoes only that, quote and dash and
 * ellipsis characters, so the words can be compared with the seed verbatim.
 */
export function plainTypography(text: string): string {
  return text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/—/g, '---').replace(/–/g, '--').replace(/…/g, '...');
}

/**
 * `node --import tsx bench/index-cost.ts`: only the indexing figure of the
 * latency benchmark (upgrade and index a player on a 10,000-paragraph
 * article against a plain DOM walk), for a quick check without the whole
 * `npm run bench`. Expects `npm run build`.
 */
import { launchBrowser } from '../test/helpers/browser.ts';
import { generatedSite } from './generated-article.ts';
import { measureLatency } from './latency.ts';
import { round } from './stats.ts';

const paragraphs = Number(process.env['BENCH_PARAGRAPHS'] ?? 10_000);
const site = generatedSite([paragraphs]);
const browser = await launchBrowser();
try {
  const result = await measureLatency(browser, { root: site.root, path: site.page(paragraphs), presses: 3 });
  const { player, baseline, ratio } = result.index;
  console.log(
    `${paragraphs} paragraphs: upgrade + index ${round(player.median, 1)} ms, plain DOM walk ${round(baseline.median, 1)} ms, ×${round(ratio, 1)} (goal ≤ 3×)`,
  );
} finally {
  await browser.close();
  site.remove();
}

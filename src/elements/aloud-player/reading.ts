/**
 * The reading half of the player: a lazy chunk (see reading-api.ts for why
 * and when it loads). Everything between an article on the page and speech
 * with highlighting lives here.
 */
import { extractReadingUnits, type ReadingUnit } from '../../core/content/reading-units.ts';
import { outsideHeadline } from '../../core/content/extract/headline.ts';
import { rememberSpokenText, spokenText } from '../../core/content/extract/spoken-text.ts';
import { PlaybackController, prepareArticle, type StateListener } from '../../core/playback/playback-controller.ts';
import { FallbackEngine } from '../../core/speech/fallback-engine.ts';
import type { AloudPlayer } from './aloud-player.ts';
import { articleTitle, findArticle, logChoice, type ArticleLookup } from './find-article.ts';
import type { Reading } from './reading-api.ts';
import { ArticleWatcher, placeByText } from './article-watcher.ts';

/** The paragraphs of `element`, after the headline that sits outside it, if any (never read twice). */
function unitsOf(element: HTMLElement, readCaptions: boolean, lang: string): { units: ReadingUnit[]; from: string } {
  const units = extractReadingUnits(element, { readCaptions, fallbackLang: lang });
  const headline = outsideHeadline(element, units[0]);
  if (!headline) return { units, from: '' };
  const isHeading = headline.element.tagName === 'H1';
  const spoken = isHeading ? spokenText(headline.element) : { text: headline.text, pieces: [] };
  rememberSpokenText(headline.element, spoken);
  const unit: ReadingUnit = { element: headline.element, kind: 'heading', text: spoken.text, lang };
  return { units: [unit, ...units], from: isHeading ? 'the h1 above it' : 'the page metadata' };
}

export function startReading(player: AloudPlayer, onStateChange: StateListener): Reading {
  const speech = new FallbackEngine({ choice: () => player.engine });
  const playback = new PlaybackController(player, speech, onStateChange);
  const watcher = new ArticleWatcher(player, playback);
  let lookup: ArticleLookup | null = null;
  return {
    speech,
    playback,
    get waiting() {
      return watcher.waiting;
    },
    find(forId) {
      lookup = findArticle(player, forId);
      // A wrong `for` is the publisher's typo, said at once; no article yet may be a page still rendering.
      if (!lookup.found && lookup.reason === 'no-article') watcher.indexed(null, []);
      return lookup;
    },
    read(element, key, readCaptions) {
      const lang = element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
      const { units, from } = unitsOf(element, readCaptions, lang);
      watcher.indexed(element, units);
      if (lookup?.found && lookup.element === element && !watcher.waiting) logChoice(lookup, units.length, from);
      // Re-indexing the same article (captions switched on, the page changed it) keeps the listener's place, by its text.
      const previous = playback.article;
      const keepPlace = previous ? placeByText(previous.units, playback.state.paragraphIndex, units) : 0;
      playback.load(prepareArticle(key, lang, units), Math.min(keepPlace, Math.max(0, units.length - 1)));
      return from && units[0] ? units[0].text.replace(/\s+/g, ' ').trim() : articleTitle(element);
    },
    clear: () => playback.load(prepareArticle('', 'en', [])),
  };
}

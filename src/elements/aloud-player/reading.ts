/**
 * The reading half of the player: a lazy chunk (see reading-api.ts for why
 * and when it loads). Everything between an article on the page and speech
 * with highlighting lives here.
 */
import { extractReadingUnits, type ReadingUnit } from '../../core/content/reading-units.ts';
import { useSpeakable } from '../../core/content/extract/visibility.ts';
import { rememberSpokenText, spokenText } from '../../core/content/extract/spoken-text.ts';
import { PlaybackController, prepareArticle, type StateListener } from '../../core/playback/playback-controller.ts';
import { FallbackEngine } from '../../core/speech/fallback-engine.ts';
import type { AloudPlayer } from './aloud-player.ts';
import { outsideHeadline } from '../../core/content/extract/headline.ts';
import { ArticleWatcher } from './article-watcher.ts';
import { placeByText } from './article-place.ts';
import { articleTitle, findArticle, logChoice, type ArticleLookup, type PageReadingModule } from './find-article.ts';
import type { Reading } from './reading-api.ts';

/** The paragraphs of `element`, after the headline that sits outside it, if any (never read twice). */
function unitsOf(
  element: HTMLElement,
  readCaptions: boolean,
  lang: string,
  pageReading: PageReadingModule | null,
): { units: ReadingUnit[]; from: string } {
  useSpeakable(pageReading?.speakableSelector(element.ownerDocument) ?? '');
  const units = extractReadingUnits(element, { readCaptions, fallbackLang: lang });
  const headline = outsideHeadline(element, units[0], pageReading?.jsonLdHeadline);
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
  /** The on-demand page reading (page-reading.ts); 'failed' when it could not be fetched. */
  let pageReading: PageReadingModule | 'failed' | null = null;
  let fetching = false;
  const fetchPageReading = () => {
    if (fetching) return;
    fetching = true;
    import('./page-reading.ts')
      .then(
        (module) => (pageReading = module),
        (error: unknown) => {
          pageReading = 'failed';
          console.warn(`<aloud-player>: could not load the page reading (${String(error)})`);
        },
      )
      .finally(() => {
        fetching = false;
        player.refresh();
      });
  };
  const loaded = () => (pageReading === 'failed' ? null : pageReading);
  return {
    speech,
    playback,
    get waiting() {
      return fetching || watcher.waiting;
    },
    find(forId) {
      lookup = findArticle(player, forId, pageReading);
      // The page needs the page reading (to find its story, or for its JSON-LD): index nothing until it is here.
      const hasJsonLd = (root: Document) => root.querySelector('script[type="application/ld+json"]') !== null;
      if (pageReading === null && (!lookup.found ? lookup.reason === 'pending' : hasJsonLd(player.ownerDocument))) {
        fetchPageReading();
        lookup = { found: false, reason: 'pending' };
      }
      // A wrong `for` is the publisher's typo, said at once; no article yet may be a page still rendering.
      else if (!lookup.found && lookup.reason === 'no-article') watcher.indexed(null, []);
      return lookup;
    },
    read(element, key, readCaptions) {
      const lang = element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
      const { units, from } = unitsOf(element, readCaptions, lang, loaded());
      watcher.indexed(element, units);
      if (lookup?.found && lookup.element === element && !watcher.waiting)
        logChoice(lookup, units.length - (from ? 1 : 0), from);
      // Re-indexing the same article (captions switched on, the page changed it) keeps the listener's place, by its text.
      const previous = playback.article;
      const keepPlace = previous ? placeByText(previous.units, playback.state.paragraphIndex, units) : 0;
      playback.load(prepareArticle(key, lang, units), Math.min(keepPlace, Math.max(0, units.length - 1)));
      return from && units[0] ? units[0].text.replace(/\s+/g, ' ').trim() : articleTitle(element);
    },
    clear: () => playback.load(prepareArticle('', 'en', [])),
  };
}

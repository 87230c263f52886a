/**
 * One player's reading, in the reading chunk (see reading-chunk.ts for why
 * and when it loads): everything between an article on the page and speech
 * with highlighting. It lives for one connection of the player: `dispose()`
 * stops it and lets go of the engine and every listener.
 */
import type { ReactiveControllerHost } from 'lit';
import { outsideHeadline } from '../../core/content/extract/headline.ts';
import { rememberSpokenText, spokenText } from '../../core/content/extract/spoken-text.ts';
import { useSpeakable } from '../../core/content/extract/visibility.ts';
import {
  extractParagraphs,
  FINISHED_AT_ONCE,
  readableParagraphs,
  type Paragraph,
} from '../../core/content/paragraphs.ts';
import type { IndexSettler } from './settle-index.ts';
import { extraStrings } from '../../core/i18n/extras-strings.ts';
import { registerLateMessages } from '../../core/i18n/messages.ts';
import { PlaybackNews } from '../../core/player/playback-news.ts';
import type { PlayerStore } from '../../core/player/player-store.ts';
import type { ReadingView } from '../../core/player/snapshot.ts';
import type { Lexicon } from '../../core/content/lexicon.ts';
import { PlaybackController, prepareArticle } from '../../core/playback/playback-controller.ts';
import { FallbackEngine } from '../../core/speech/fallback-engine.ts';
import { placeByText } from './article-place.ts';
import { ArticleWatcher } from './article-watcher.ts';
import { articleTitle, findArticle, logChoice, type ArticleLookup, type PageReadingModule } from './find-article.ts';
import type { PlayerHost, Reading, ReadingOptions } from './reading-chunk.ts';

/**
 * A pronunciation lexicon, when the article has one: from the JSON an
 * article.json left on its element, or from the player's `pronunciations`
 * URL. Its code is a chunk of its own, fetched only then; words are said
 * right from the next utterance once it is in.
 */
function loadLexicon(player: HTMLElement, element: HTMLElement, use: (lexicon: Lexicon) => void): void {
  const inline = element.getAttribute('data-aloud-pronunciations');
  const url = player.getAttribute('pronunciations');
  if (!inline && !url) return;
  import('../../core/content/lexicon-json.ts')
    .then((module) =>
      inline
        ? module.lexiconFromJson({ headline: '', pronunciations: JSON.parse(inline) }, 'the article')
        : module.fetchLexicon(url ?? '', document.baseURI),
    )
    .then(use, (error: unknown) => console.warn('<aloud-player>: pronunciations not loaded:', error));
}

registerLateMessages({ articleWaiting: extraStrings.articleWaiting, articleReplaced: extraStrings.articleReplaced });

/** The paragraphs of `element`, after the headline that sits outside it, if any (never read twice). */
function unitsOf(
  element: HTMLElement,
  readCaptions: boolean,
  lang: string,
  pageReading: PageReadingModule | null,
): { units: Paragraph[]; from: string } {
  useSpeakable(pageReading?.speakableSelector(element.ownerDocument) ?? '');
  const units = extractParagraphs(element, { readCaptions, fallbackLang: lang });
  // The first paragraph heard: a spacer or hidden paragraph before it says nothing about the headline.
  const first = units.find((unit) => unit.text !== '');
  const headline = outsideHeadline(element, first, pageReading?.jsonLdHeadline);
  if (!headline) return { units, from: '' };
  const isHeading = headline.element.tagName === 'H1';
  const spoken = isHeading ? spokenText(headline.element) : { text: headline.text, pieces: [] };
  rememberSpokenText(headline.element, spoken);
  const unit: Paragraph = { element: headline.element, kind: 'heading', text: spoken.text, lang };
  return { units: [unit, ...units], from: isHeading ? 'the h1 above it' : 'the page metadata' };
}

export function startReading(host: PlayerHost, store: PlayerStore, options: ReadingOptions): Reading {
  const speech = new FallbackEngine({ choice: options.engine });
  // The controller's "host" for re-renders is the store: a change it reports becomes a new snapshot.
  const controllerHost: ReactiveControllerHost = {
    addController: (controller) => host.addController(controller),
    removeController: (controller) => host.removeController(controller),
    requestUpdate: () => store.refresh(),
    get updateComplete() {
      return host.updateComplete;
    },
  };
  const news = new PlaybackNews(store);
  const playback = new PlaybackController(controllerHost, speech, (previous, next) =>
    news.playbackChanged(previous, next),
  );
  /** Finishes long indexes in idle time: a chunk of its own, fetched for the first long article. */
  let settler: IndexSettler | null = null;
  let disposed = false;
  const settleLater = (units: readonly Paragraph[]) => {
    import('./settle-index.ts')
      .then((module) => {
        if (disposed || playback.article?.paragraphs !== units) return;
        settler ??= new module.IndexSettler(() => store.refresh());
        settler.loaded(playback.article);
      })
      .catch((error: unknown) => console.warn(`<aloud-player>: the index is not finished (${String(error)})`));
  };
  playback.onVoiceGone = () => store.announce({ key: 'voiceGone' });
  playback.onEngineNotice = (event) => news.engineNotice(event);
  const view = (): ReadingView => ({
    article: playback.article,
    paragraph: playback.currentParagraph,
    sentence: playback.currentUtterance,
    word: playback.currentWord,
    voices: playback.voices,
    pausing: playback.pausing,
  });
  store.attach(playback, view);
  const watcher = new ArticleWatcher(host, playback, {
    refresh: options.refresh,
    say: (message) => store.set({ status: message ? { key: 'late', id: message } : null }),
    usesSrc: () => host.hasAttribute('src'),
  });
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
        options.refresh();
      });
  };
  const loaded = () => (pageReading === 'failed' ? null : pageReading);
  /** The article is empty or a placeholder and is being waited for: not an error yet. */
  const waiting = () => fetching || watcher.waiting;
  const find = (forId: string | null): ArticleLookup => {
    let lookup = findArticle(host, forId, pageReading);
    // The page needs the page reading (to find its story, or for its JSON-LD): index nothing until it is here.
    const hasJsonLd = (root: Document) => root.querySelector('script[type="application/ld+json"]') !== null;
    if (pageReading === null && (!lookup.found ? lookup.reason === 'pending' : hasJsonLd(host.ownerDocument))) {
      fetchPageReading();
      lookup = { found: false, reason: 'pending' };
    }
    // A wrong `for` is the publisher's typo, said at once; no article yet may be a page still rendering.
    else if (!lookup.found && lookup.reason === 'no-article') watcher.indexed(null, []);
    return lookup;
  };
  /** Counts article loads, so a slow `src` fetch cannot overwrite a newer article. */
  let loads = 0;
  return {
    speech,
    load(target, done) {
      const load = ++loads;
      const read = (element: HTMLElement, key: string, lookup: ArticleLookup | null) => {
        const lang = element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
        const indexed = unitsOf(element, target.readCaptions, lang, loaded());
        const from = indexed.from;
        // A short article is finished now: its count and time estimate are exact from the start.
        const short = indexed.units.length <= FINISHED_AT_ONCE;
        const units = short ? readableParagraphs(indexed.units) : indexed.units;
        watcher.indexed(element, units);
        if (lookup?.found && lookup.element === element && !watcher.waiting)
          logChoice(lookup, units.length - (from ? 1 : 0), from);
        // Re-indexing the same article (captions switched on, the page changed it) keeps the place, by its text.
        const previous = playback.article;
        const place =
          target.paragraphIndex ??
          (previous ? placeByText(previous.paragraphs, playback.state.paragraphIndex, units) : 0);
        playback.load(prepareArticle(key, lang, units), Math.min(place, Math.max(0, units.length - 1)));
        settler?.dispose();
        if (!short) settleLater(units);
        loadLexicon(host, element, (lexicon) => playback.setLexicon(lexicon, key));
        const headline = from && units[0] ? units[0].text.replace(/\s+/g, ' ').trim() : articleTitle(element);
        done({ found: true, headline, waiting: waiting() });
      };
      const clear = () => playback.load(prepareArticle('', 'en', []));
      if (target.src) {
        // Not on the page: fetch and render it (a lazy chunk), then read it like any host article.
        const src = target.src;
        clear();
        import('./article-source.ts')
          .then((module) => module.loadArticleSource(host, src))
          .then(
            (element) => load === loads && read(element, `src:${new URL(src, document.baseURI).href}`, null),
            (cause: unknown) => load === loads && done({ found: false, why: 'loadFailed', cause }),
          );
        return;
      }
      const lookup = find(target.forId || null);
      if (!lookup.found) {
        clear();
        done(waiting() ? { found: false, why: 'waiting' } : { found: false, why: 'noArticle' });
        return;
      }
      read(lookup.element, `${location.pathname}#${lookup.element.id}`, lookup);
    },
    setHighlighting: (enabled) => playback.setHighlighting(enabled),
    setVoice: (voiceId) => playback.dispatch({ type: 'voice', voiceId }),
    dispose() {
      disposed = true;
      settler?.dispose();
      host.removeController(playback);
      speech.dispose();
    },
  };
}

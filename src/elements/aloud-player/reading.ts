/**
 * One player's reading, in the reading chunk (see reading-chunk.ts for why
 * and when it loads): everything between an article on the page and speech
 * with highlighting. It lives for one connection of the player: `dispose()`
 * stops it and lets go of the engine and every listener.
 */
import type { ReactiveControllerHost } from 'lit';
import { extractReadingUnits } from '../../core/content/reading-units.ts';
import { PlaybackNews } from '../../core/player/playback-news.ts';
import type { PlayerStore } from '../../core/player/player-store.ts';
import type { ReadingView } from '../../core/player/snapshot.ts';
import type { Lexicon } from '../../core/content/lexicon.ts';
import { PlaybackController, prepareArticle } from '../../core/playback/playback-controller.ts';
import { FallbackEngine } from '../../core/speech/fallback-engine.ts';
import { articleTitle, findArticle } from './find-article.ts';
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
  playback.onVoiceGone = () => store.announce({ key: 'voiceGone' });
  playback.onEngineNotice = (event) => news.engineNotice(event);
  const view = (): ReadingView => ({
    article: playback.article,
    paragraph: playback.currentUnit,
    sentence: playback.currentChunk,
    word: playback.currentWord,
    voices: playback.voices,
    pausing: playback.pausing,
  });
  store.attach(playback, view);
  /** Counts article loads, so a slow `src` fetch cannot overwrite a newer article. */
  let loads = 0;
  return {
    speech,
    load(target, done) {
      const load = ++loads;
      const read = (element: HTMLElement, key: string) => {
        const lang = element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
        const units = extractReadingUnits(element, { readCaptions: target.readCaptions, fallbackLang: lang });
        // Re-indexing the same article (captions switched on, say) keeps the listener's place.
        const place = target.paragraphIndex ?? (playback.article ? playback.state.paragraphIndex : 0);
        playback.load(prepareArticle(key, lang, units), Math.min(place, Math.max(0, units.length - 1)));
        loadLexicon(host, element, (lexicon) => playback.setLexicon(lexicon, key));
        done({ found: true, headline: articleTitle(element) });
      };
      const clear = () => playback.load(prepareArticle('', 'en', []));
      if (target.src) {
        // Not on the page: fetch and render it (a lazy chunk), then read it like any host article.
        const src = target.src;
        clear();
        import('./article-source.ts')
          .then((module) => module.loadArticleSource(host, src))
          .then(
            (element) => load === loads && read(element, `src:${new URL(src, document.baseURI).href}`),
            (cause: unknown) => load === loads && done({ found: false, why: 'loadFailed', cause }),
          );
        return;
      }
      const lookup = findArticle(host, target.forId || null);
      if (!lookup.found) {
        clear();
        done({ found: false, why: 'noArticle' });
        return;
      }
      read(lookup.element, `${location.pathname}#${lookup.element.id}`);
    },
    setHighlighting: (enabled) => playback.setHighlighting(enabled),
    setVoice: (voiceId) => playback.dispatch({ type: 'voice', voiceId }),
    dispose() {
      host.removeController(playback);
      speech.dispose();
    },
  };
}

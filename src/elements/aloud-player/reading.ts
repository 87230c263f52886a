/**
 * The reading half of the player: a lazy chunk (see reading-api.ts for why
 * and when it loads). Everything between an article on the page and speech
 * with highlighting lives here.
 */
import { extractReadingUnits } from '../../core/content/reading-units.ts';
import { PlaybackController, prepareArticle, type StateListener } from '../../core/playback/playback-controller.ts';
import type { Lexicon } from '../../core/content/lexicon.ts';
import { FallbackEngine } from '../../core/speech/fallback-engine.ts';
import type { AloudPlayer } from './aloud-player.ts';
import { articleTitle, findArticle } from './find-article.ts';
import type { Reading } from './reading-api.ts';

/**
 * A pronunciation lexicon, when the article has one: from the JSON an
 * article.json left on its element, or from the player's `pronunciations`
 * URL. Its code is a chunk of its own, fetched only then; words are said
 * right from the next utterance once it is in.
 */
function loadLexicon(player: AloudPlayer, element: HTMLElement, use: (lexicon: Lexicon) => void): void {
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

export function startReading(player: AloudPlayer, onStateChange: StateListener): Reading {
  const speech = new FallbackEngine({ choice: () => player.engine });
  const playback = new PlaybackController(player, speech, onStateChange);
  return {
    speech,
    playback,
    find: (forId) => findArticle(player, forId),
    read(element, key, readCaptions) {
      const lang = element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
      const units = extractReadingUnits(element, { readCaptions, fallbackLang: lang });
      // Re-indexing the same article (captions switched on, say) keeps the listener's place.
      const keepPlace = playback.article ? playback.state.paragraphIndex : 0;
      playback.load(prepareArticle(key, lang, units), Math.min(keepPlace, Math.max(0, units.length - 1)));
      loadLexicon(player, element, (lexicon) => playback.setLexicon(lexicon, key));
      return articleTitle(element);
    },
    clear: () => playback.load(prepareArticle('', 'en', [])),
  };
}

/**
 * The reading half of the player: a lazy chunk (see reading-api.ts for why
 * and when it loads). Everything between an article on the page and speech
 * with highlighting lives here.
 */
import { extractReadingUnits } from '../../core/content/reading-units.ts';
import { attachedLexicon, fetchLexicon } from '../../core/content/lexicon-source.ts';
import { PlaybackController, prepareArticle, type StateListener } from '../../core/playback/playback-controller.ts';
import { FallbackEngine } from '../../core/speech/fallback-engine.ts';
import type { AloudPlayer } from './aloud-player.ts';
import { articleTitle, findArticle } from './find-article.ts';
import type { Reading } from './reading-api.ts';

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
      const lexicon = attachedLexicon(element);
      playback.load(prepareArticle(key, lang, units, lexicon), Math.min(keepPlace, Math.max(0, units.length - 1)));
      // The attribute's lexicon arrives later: words are said right from the next utterance.
      const url = player.getAttribute('pronunciations');
      if (url) {
        fetchLexicon(url, document.baseURI).then(
          (fetched) => playback.setLexicon(fetched),
          (error: unknown) => console.warn('<aloud-player>: pronunciations not loaded:', error),
        );
      }
      return articleTitle(element);
    },
    clear: () => playback.load(prepareArticle('', 'en', [])),
  };
}

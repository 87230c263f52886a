/**
 * The player in two parts, to keep `aloud.js` within its 15 KB gzip budget:
 *
 * - the shell (`aloud.js`): Lit, the element, its toolbar, captions, status
 *   and error lines, strings and styles;
 * - one lazy chunk (entry: lazy-parts.ts) with the reading (reading.ts:
 *   finding and indexing the article, the playback logic and controller, the
 *   speech engines, sentence segmentation, highlighting) and the extras
 *   (extras-api.ts).
 *
 * A player fetches the chunk as soon as it connects, so it is there long
 * before anyone can press Play. Until then no article is indexed, so Play is
 * disabled rather than pretending; that also means a press on Play always
 * reaches `speak()` synchronously inside the click, as iOS and Safari need for
 * the first utterance. Calls to the API are held (see
 * pending-playback.ts) and carried out in order once it is there. If the
 * chunk cannot be fetched, the player says so in its error line.
 * `player.updateComplete` waits for the chunk.
 */
import type { PlaybackController, StateListener } from '../../core/playback/playback-controller.ts';
import type { FallbackEngine } from '../../core/speech/fallback-engine.ts';
import type { AloudPlayer } from './aloud-player.ts';
import type { PlayerExtras } from './extras-api.ts';
import type { ArticleLookup } from './find-article.ts';

/** What the element and its parts read of the playback: the controller, or its stand-in. */
export type Playback = Pick<
  PlaybackController,
  'state' | 'article' | 'voices' | 'currentUnit' | 'currentChunk' | 'currentWord' | 'dispatch' | 'setHighlighting'
>;

/** One player's reading half, created once per element. */
export interface Reading {
  readonly speech: FallbackEngine;
  readonly playback: PlaybackController;
  /** The element `for` names, else the enclosing article, else the story found on the page (find-article.ts). */
  find(forId: string | null): ArticleLookup;
  /** The article is empty or a placeholder and is being waited for (article-watcher.ts): not an error yet. */
  readonly waiting: boolean;
  /**
   * Indexes `element` and makes it the article being read, keeping the place
   * when it is re-indexed; `key` names it for saved places. Returns its headline.
   */
  read(element: HTMLElement, key: string, readCaptions: boolean): string;
  /** Nothing to read (no article found, or one still being fetched). */
  clear(): void;
}

/** The lazy chunk's exports (its entry is lazy-parts.ts). */
export interface LazyParts {
  readonly extras: PlayerExtras;
  startReading(player: AloudPlayer, onStateChange: StateListener): Reading;
}

let loading: Promise<LazyParts> | undefined;

/** One fetch per page, shared by every player. Rejects if the chunk cannot be fetched. */
export function loadParts(): Promise<LazyParts> {
  loading ??= import('./lazy-parts.ts');
  return loading;
}

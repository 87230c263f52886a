/**
 * The player in three parts, to keep `aloud.js` within its 15 KB gzip budget
 * and what a page loads before Play works within 27 KB:
 *
 * - the shell (`aloud.js`): Lit, the element, its store, the toolbar and
 *   messages parts, strings and styles;
 * - the reading chunk (entry: reading.ts): finding and indexing the article,
 *   the playback logic and controller, the speech engines, sentence
 *   segmentation and highlighting: what Play needs;
 * - the late chunk (entry: late.ts): the parts a listener needs once reading
 *   (captions, slider, settings, shortcuts dialog, resume offer) and their
 *   controllers (keyboard shortcuts, follow-along, Media Session, clicks on
 *   the article).
 *
 * A player fetches both chunks at once as soon as it connects, so they are
 * there long before anyone can press Play. Until then no article is indexed, so Play is
 * disabled rather than pretending; that also means a press on Play always
 * reaches `speak()` synchronously inside the click, as iOS and Safari need for
 * the first utterance. Calls to the API are held (pending-playback.ts) and
 * carried out in order once it is there. If the chunk cannot be fetched, the
 * player says so in its alert line. `player.updateComplete` waits for it.
 */
import type { CSSResult, ReactiveControllerHost } from 'lit';
import type { PlayerStore } from '../../core/player/player-store.ts';
import type { EngineChoice, FallbackEngine } from '../../core/speech/fallback-engine.ts';

export type PlayerHost = ReactiveControllerHost & HTMLElement;

/** One player's reading, for as long as it is connected. */
export interface Reading {
  readonly speech: FallbackEngine;
  /**
   * Finds the article (`src`, else the element `for` names, in the player's
   * own root first; else the enclosing article, else the story found on the
   * page: find-article.ts), indexes it and makes it the article being read
   * at `paragraphIndex` (clamped; by default the place is kept when the same
   * article is re-indexed). `done` hears the outcome: synchronously for an
   * article on the page, once fetched for `src`; a load overtaken by a newer
   * one is never reported.
   */
  load(target: ArticleTarget, done: (result: LoadResult) => void): void;
  setHighlighting(enabled: boolean): void;
  setVoice(voiceId: string | null): void;
  /** Stops, lets go of the engine and every listener; the reading is unusable after. */
  dispose(): void;
}

export interface ArticleTarget {
  /** The `for` attribute: an element id, or '' */
  readonly forId: string;
  /** The `src` attribute: an `article.json` URL, or '' */
  readonly src: string;
  readonly readCaptions: boolean;
  readonly paragraphIndex?: number | undefined;
}

/**
 * `waiting`: the article is empty or only a placeholder and is being waited
 * for (article-watcher.ts), so an empty index is not an error yet.
 */
export type LoadResult =
  | { readonly found: true; readonly headline: string; readonly waiting: boolean }
  | { readonly found: false; readonly why: 'noArticle' | 'loadFailed' | 'waiting'; readonly cause?: unknown };

export interface ReadingOptions {
  readonly engine: () => EngineChoice;
  /** Find and index the article again (the page changed it, or the page reading arrived). */
  readonly refresh: () => void;
}

export interface LateOptions {
  /** The single-key shortcuts work anywhere on the page right now (`shortcuts="page"` and the setting). */
  readonly pageWide: () => boolean;
}

/** The reading chunk's exports (reading.ts). */
export interface ReadingChunk {
  startReading(host: PlayerHost, store: PlayerStore, options: ReadingOptions): Reading;
}

/** The late chunk's exports (late.ts). */
export interface LateChunk {
  readonly styles: CSSResult;
  /** Once per element: defines the late parts and adds the late controllers. */
  attachLate(host: PlayerHost, store: PlayerStore, options: LateOptions): void;
}

let reading: Promise<ReadingChunk> | undefined;
let late: Promise<LateChunk> | undefined;

/** One fetch per page, shared by every player. Rejects if the chunk cannot be fetched. */
export function loadReadingChunk(): Promise<ReadingChunk> {
  reading ??= import('./reading.ts');
  return reading;
}

/** Likewise for the late chunk. */
export function loadLateChunk(): Promise<LateChunk> {
  late ??= import('./late.ts');
  return late;
}

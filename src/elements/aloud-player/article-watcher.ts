/**
 * Keeps the player's index in step with an article that changes after load:
 *
 * - an article that is empty or only a placeholder when the player indexes
 *   it ("Loading…", `aria-busy="true"`, a skeleton) is waited for: the page
 *   is observed and re-read as it changes, for at most `watchTimings.waitMs`,
 *   after which the player says there is nothing to read;
 * - while stopped or paused, a changed article is indexed again and the
 *   listener's place is kept by its text (`placeByText`);
 * - when the element being read leaves the document (a client-side route
 *   change), reading stops at once, the article is found again, and the
 *   status line says so.
 *
 * One MutationObserver per player, on the root the article lives in (and the
 * document), connected and disconnected with the player.
 */
import type { ReactiveController } from 'lit';
import type { Paragraph } from '../../core/content/paragraphs.ts';
import type { PlaybackController } from '../../core/playback/playback-controller.ts';
import type { PlayerHost } from './reading-chunk.ts';

/** What the watcher asks of the player. */
export interface WatcherOptions {
  /** Find and index the article again. */
  readonly refresh: () => void;
  /** Say this in the status line (`null` clears what the watcher said). */
  readonly say: (message: 'articleWaiting' | 'articleReplaced' | null) => void;
  /** The article comes from `src`: the player's own rendering, replaced only when `src` changes. */
  readonly usesSrc: () => boolean;
}

/** Timings, in milliseconds; tests lower them. */
export const watchTimings = {
  /** How long an empty or placeholder article is waited for. */
  waitMs: 10_000,
  /** Quiet time after the last change before re-indexing (a rendering framework writes in bursts). */
  settleMs: 150,
};

/** Words of a placeholder: a short text that only says the story is on its way. */
const PLACEHOLDER = /^\W*(loading|please wait|wait|chargement|cargando|جار التحميل|در حال بارگذاری)\b[\s\S]{0,20}$/iu;

/** Whether `units` read from `article` are only a stand-in for a story that has not arrived. */
export function isPlaceholder(article: Element | null, units: readonly Paragraph[]): boolean {
  if (!article) return true;
  if (units.length === 0) return true;
  if (article.closest('[aria-busy="true"]') || article.querySelector('[aria-busy="true"]')) return true;
  // Only a paragraph or two can be a stand-in: a long article's text is never joined.
  if (units.length > 2) return false;
  const text = units
    .map((unit) => unit.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return PLACEHOLDER.test(text);
}

/** Attributes that change what is read (shown, hidden, busy); not the player's own highlight attribute. */
const WATCHED_ATTRIBUTES = ['hidden', 'class', 'style', 'aria-hidden', 'aria-busy', 'inert', 'open'];

export class ArticleWatcher implements ReactiveController {
  readonly #player: PlayerHost;
  readonly #playback: PlaybackController;
  readonly #options: WatcherOptions;
  #observers: MutationObserver[] = [];
  #article: Element | null = null;
  #waitTimer: ReturnType<typeof setTimeout> | undefined;
  #settleTimer: ReturnType<typeof setTimeout> | undefined;
  /** True from an empty index until the article arrives or the wait times out. */
  #waiting = false;
  #waitStarted = false;

  constructor(player: PlayerHost, playback: PlaybackController, options: WatcherOptions) {
    this.#player = player;
    this.#playback = playback;
    this.#options = options;
    player.addController(this);
  }

  /** Whether the player is waiting for the article's content (then an empty index is not an error yet). */
  get waiting(): boolean {
    return this.#waiting;
  }

  hostConnected(): void {
    this.#observe();
  }

  hostDisconnected(): void {
    for (const observer of this.#observers) observer.disconnect();
    this.#observers = [];
    clearTimeout(this.#waitTimer);
    clearTimeout(this.#settleTimer);
    this.#waitTimer = this.#settleTimer = undefined;
    this.#waiting = this.#waitStarted = false;
  }

  /** The reading indexed `article` (null: none found) into `units`. */
  indexed(article: Element | null, units: readonly Paragraph[]): void {
    const moved = article !== this.#article;
    this.#article = article;
    if (moved) this.#observe();
    if (!isPlaceholder(article, units)) {
      if (this.#waiting) this.#options.say(null);
      this.#waiting = false;
      clearTimeout(this.#waitTimer);
      this.#waitTimer = undefined;
      return;
    }
    // Wait once per load of the page (or route change), not again after the timeout.
    if (this.#waitStarted) return;
    this.#waitStarted = this.#waiting = true;
    // After the player has loaded the empty index, whose own status change would clear the line.
    queueMicrotask(() => {
      if (this.#waiting) this.#options.say('articleWaiting');
    });
    this.#waitTimer = setTimeout(() => {
      // Given up: the player's error line now says why there is nothing to read
      // (one assertive message; the polite "Waiting…" goes, so it is not stale).
      this.#waiting = false;
      this.#options.say(null);
      console.info(`<aloud-player>: waited ${watchTimings.waitMs / 1000} s for the article to load`);
      this.#options.refresh();
    }, watchTimings.waitMs);
  }

  #observe(): void {
    for (const observer of this.#observers) observer.disconnect();
    this.#observers = [];
    if (!this.#player.isConnected) return;
    const roots = new Set<Node>([this.#player.ownerDocument]);
    const articleRoot = this.#article?.getRootNode();
    if (articleRoot && articleRoot !== this.#player.ownerDocument) roots.add(articleRoot);
    const playerRoot = this.#player.getRootNode();
    if (playerRoot !== this.#player.ownerDocument) roots.add(playerRoot);
    for (const root of roots) {
      const observer = new MutationObserver((records) => this.#changed(records));
      observer.observe(root, {
        childList: true,
        subtree: true,
        characterData: true,
        attributeFilter: WATCHED_ATTRIBUTES,
      });
      this.#observers.push(observer);
    }
  }

  #changed(records: readonly MutationRecord[]): void {
    // An article from `src` is the player's own rendering, replaced only when `src` changes.
    if (this.#options.usesSrc()) return;
    const article = this.#article;
    const current = this.#playback.currentParagraph?.element;
    const status = this.#playback.state.status;
    const reading = status === 'playing' || status === 'starting';
    // The story being read left the page: a client-side route change. Stop now, not after the sentence.
    if ((current && !current.isConnected) || (article && !article.isConnected)) {
      const wasReading = reading || status === 'paused';
      if (reading || status === 'paused') this.#playback.dispatch({ type: 'stop' });
      this.#article = null;
      this.#waitStarted = false;
      this.#options.refresh();
      if (wasReading) this.#options.say('articleReplaced');
      return;
    }
    if (reading) return;
    // Only changes to the story matter, and not the player's own.
    const player = this.#player;
    const relevant = records.some(
      (record) => !player.contains(record.target) && (this.#waiting || !article || article.contains(record.target)),
    );
    if (!relevant) return;
    clearTimeout(this.#settleTimer);
    this.#settleTimer = setTimeout(() => {
      this.#settleTimer = undefined;
      const now = this.#playback.state.status;
      if (now !== 'playing' && now !== 'starting') this.#options.refresh();
    }, watchTimings.settleMs);
  }
}

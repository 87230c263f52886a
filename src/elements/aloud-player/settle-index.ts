/**
 * Finishes a long index (a chunk of its own, fetched for the first article
 * longer than `FINISHED_AT_ONCE` paragraphs): an indexed paragraph builds its
 * spoken text, and finds out whether CSS hides it, only when first used
 * (core/content/paragraphs.ts). Here that is done for every paragraph in idle
 * time, a few milliseconds at a time, so that a 10,000-paragraph page is
 * ready to play in about the time of a DOM walk and stays responsive while
 * the rest is done.
 */
import type { Paragraph } from '../../core/content/paragraphs.ts';
import { prepareArticle, type LoadedArticle } from '../../core/playback/prepared-article.ts';
import type { PlaybackState } from '../../core/playback/state.ts';

/** Longest slice of idle work, in milliseconds, when the browser gives no deadline. */
const SLICE_MS = 8;

/**
 * Builds the text of every paragraph of `units` in idle slices, then calls
 * `done` with those that have something to read (in order), unless cancelled
 * first. Returns the cancel function.
 */
export function settleInIdle(units: readonly Paragraph[], done: (readable: Paragraph[]) => void): () => void {
  const readable: Paragraph[] = [];
  let index = 0;
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  const step = (deadline?: IdleDeadline) => {
    idle = timer = undefined;
    if (cancelled) return;
    const until = performance.now() + Math.max(1, Math.min(SLICE_MS, deadline?.timeRemaining() ?? SLICE_MS));
    while (index < units.length && performance.now() < until) {
      // A few at a time between clock reads: one paragraph takes microseconds.
      for (const end = Math.min(units.length, index + 16); index < end; index++) {
        const unit = units[index];
        if (unit && unit.text !== '') readable.push(unit);
      }
    }
    if (index < units.length) schedule();
    else done(readable);
  };
  // Safari has no requestIdleCallback: a zero timeout still lets input and rendering in between slices.
  const schedule = () => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(step, { timeout: 1000 });
    else timer = setTimeout(step, 0);
  };
  schedule();
  return () => {
    cancelled = true;
    if (idle !== undefined) cancelIdleCallback(idle);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/**
 * Stopped, finished, or paused at the start of a paragraph with nothing in
 * flight (after moving while stopped): a new index loses nothing there.
 */
function atRest(state: PlaybackState): boolean {
  if (state.status === 'idle' || state.status === 'ended') return true;
  return state.status === 'paused' && !state.inFlight && state.utteranceIndex === 0 && state.from === 0;
}

/** What the settler needs of the playback. */
export interface SettledPlayback {
  readonly article: LoadedArticle | null;
  readonly state: PlaybackState;
  load(article: LoadedArticle, paragraphIndex: number): void;
}

/**
 * Finishes each long index the playback loads, and drops its paragraphs with
 * nothing to read once the player is at rest (`atRest`): loading a new index
 * while reading or paused mid-paragraph would lose the place within it, and
 * the reading skips such a paragraph anyway.
 */
export class IndexSettler {
  readonly #playback: SettledPlayback;
  readonly #counted: () => void;
  #cancel: () => void = () => {};
  #pending: (() => void) | null = null;

  /** `counted`: the article's word counts got exact, so its time estimates changed. */
  constructor(playback: SettledPlayback, counted: () => void) {
    this.#playback = playback;
    this.#counted = counted;
  }

  /** The playback just loaded `article`; finish its index in idle time. */
  loaded(article: LoadedArticle): void {
    this.dispose();
    this.#cancel = settleInIdle(article.paragraphs, (readable) => {
      this.#cancel = () => {};
      // Estimated from lengths until now; the dropped paragraphs count no words.
      article.recount();
      this.#counted();
      if (readable.length === article.paragraphs.length || readable.length === 0) return;
      this.#pending = () => this.#replace(article, readable);
      this.stateChanged();
    });
  }

  /** Call on every playback state change: a waiting index is put in when the player comes to rest. */
  stateChanged(): void {
    if (!this.#pending || !atRest(this.#playback.state)) return;
    const apply = this.#pending;
    this.#pending = null;
    // Not inside the state change being reported: loading is a state change of its own.
    queueMicrotask(apply);
  }

  dispose(): void {
    this.#cancel();
    this.#cancel = () => {};
    this.#pending = null;
  }

  #replace(article: LoadedArticle, readable: readonly Paragraph[]): void {
    const current = this.#playback.article;
    // Another article, or the same one indexed again, since: not ours to change.
    if (!current || current.paragraphs !== article.paragraphs) return;
    // The place moves to the same paragraph, or the next one kept if it was dropped.
    const kept = new Set(readable);
    let place = 0;
    for (let index = 0; index < this.#playback.state.paragraphIndex; index++) {
      if (kept.has(article.paragraphs[index] as Paragraph)) place++;
    }
    this.#playback.load(
      prepareArticle(current.key, current.lang, readable, current.lexicon),
      Math.min(place, readable.length - 1),
    );
  }
}

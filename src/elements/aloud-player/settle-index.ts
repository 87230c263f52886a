/**
 * Finishes a long index (a chunk of its own, fetched for the first article
 * longer than `FINISHED_AT_ONCE` paragraphs): an indexed paragraph builds its
 * spoken text, and finds out whether CSS hides it, only when first used
 * (core/content/paragraphs.ts). Here that is done for every paragraph in idle
 * time, a few milliseconds at a time, so that a 10,000-paragraph page is
 * ready to play in about the time of a DOM walk and stays responsive while
 * the rest is done; then the article's words are counted again, for exact
 * time estimates.
 *
 * The paragraphs keep their numbers: one found to have nothing to read stays
 * in the index and the reading passes it without a word. Dropping it would
 * renumber what comes after, under a saved place, `currentParagraph` and the
 * `paragraphchange` events a page has seen.
 */
import type { Paragraph } from '../../core/content/paragraphs.ts';
import type { LoadedArticle } from '../../core/playback/prepared-article.ts';

/** Longest slice of idle work, in milliseconds, when the browser gives no deadline. */
const SLICE_MS = 8;

/**
 * Builds the text of every paragraph of `units` in idle slices, then calls
 * `done`, unless cancelled first. Returns the cancel function.
 */
export function settleInIdle(units: readonly Paragraph[], done: () => void): () => void {
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
      // Reading `text` builds it, and checks CSS, once; the paragraph keeps it.
      for (const end = Math.min(units.length, index + 16); index < end; index++) void units[index]?.text;
    }
    if (index < units.length) schedule();
    else done();
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

/** Finishes each long index the playback loads, one at a time. */
export class IndexSettler {
  readonly #counted: () => void;
  #cancel: () => void = () => {};

  /** `counted`: the article's words were counted again, so its time estimates changed. */
  constructor(counted: () => void) {
    this.#counted = counted;
  }

  /** The playback just loaded `article`; finish its index in idle time. */
  loaded(article: LoadedArticle): void {
    this.dispose();
    this.#cancel = settleInIdle(article.paragraphs, () => {
      this.#cancel = () => {};
      // Estimated from the first paragraphs until now (paragraphs.ts, `WordSample`).
      article.recount();
      this.#counted();
    });
  }

  dispose(): void {
    this.#cancel();
    this.#cancel = () => {};
  }
}

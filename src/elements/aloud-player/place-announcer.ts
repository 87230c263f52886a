/**
 * Says which paragraph the place moved to while nothing is being read:
 * Previous, Next, the slider or a click while paused move silently
 * otherwise. "Paragraph 4 of 20: Muhammad Shbib, a media activist…", once per
 * move, in the polite status line. While reading, the speech itself says it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { excerpt, extraStrings } from '../../core/i18n/extras-strings.ts';
import type { PlayerStore } from '../../core/player/player-store.ts';
import { isActive } from '../../core/playback/state.ts';

export const placeMessages = {
  paragraph: (position: number, count: number, text: string) => extraStrings.paragraphOf(position, count, text),
};

export class PlaceAnnouncer implements ReactiveController {
  readonly #store: PlayerStore;
  #unsubscribe: (() => void) | null = null;

  constructor(host: ReactiveControllerHost, store: PlayerStore) {
    this.#store = store;
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe = this.#store.subscribe((next, previous) => {
      const article = next.reading.article;
      if (!article || article !== previous.reading.article) return;
      const index = next.playback.paragraphIndex;
      if (index === previous.playback.paragraphIndex || isActive(next.playback)) return;
      const count = next.playback.utteranceCounts.length;
      const text = excerpt(article.paragraphs[index]?.text ?? '');
      // A paragraph found to have nothing to read (paragraphs.ts): the reading passes it, so no word of it.
      if (text === '') return;
      this.#store.announce({ key: 'late', id: 'paragraph', args: [index + 1, count, text] });
    });
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }
}

/**
 * `<aloud-progress>` (late chunk): the paragraph slider as the row's progress
 * bar, whose `aria-valuetext` names the paragraph, and the time left.
 *
 * While paused (or not yet started) moving it moves the place and speaks
 * nothing; the place announcer says which paragraph it is. While reading it
 * jumps there and reads on, debounced, so that five arrow presses start one
 * utterance, not five.
 */
import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { excerpt, extraStrings, formatDuration } from '../../../core/i18n/extras-strings.ts';
import { isReading, paragraphCount, type PlayerSnapshot } from '../../../core/player/snapshot.ts';
import { estimateTime } from '../../../core/playback/timing.ts';
import { definePart, PlayerPart } from './player-part.ts';

/** How long the slider must rest before a jump while reading is spoken (ms). */
export const SLIDER_SETTLE_MS = 400;

export class AloudProgress extends PlayerPart {
  #settle: ReturnType<typeof setTimeout> | undefined;
  /** The paragraph the slider was moved to while reading, until the jump is made (0-based). */
  #moving: number | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#settle);
  }

  protected override renderPart(snapshot: PlayerSnapshot) {
    const { playback } = snapshot;
    const article = snapshot.reading.article;
    const count = paragraphCount(snapshot);
    if (!article || count === 0) return html`<div class="progress"></div>`;
    // While the listener is still moving it, the slider shows where it is going, not what is being read.
    const position = (this.#moving ?? playback.paragraphIndex) + 1;
    const text = excerpt(article.paragraphs[position - 1]?.text ?? '');
    const sentences = playback.utteranceCounts[playback.paragraphIndex] ?? 1;
    const fraction = playback.status === 'ended' ? 1 : playback.utteranceIndex / sentences;
    const time = estimateTime(article.wordsBefore, playback.paragraphIndex, fraction, playback.rate);
    const left = formatDuration(time.remainingSeconds, snapshot.locale.tag);
    return html`
      <div class="progress">
        <input
          id="progress"
          part="progress"
          type="range"
          min="1"
          max=${count}
          step="1"
          aria-label=${extraStrings.progress()}
          .value=${live(String(position))}
          aria-valuetext=${extraStrings.paragraphOf(position, count, text)}
          @input=${this.#onInput}
        />
        <span class="time-left"
          ><span class="visually-hidden">${extraStrings.remaining(left)}</span
          ><span aria-hidden="true">−${left}</span></span
        >
      </div>
    `;
  }

  readonly #onInput = (event: Event): void => {
    const paragraphIndex = Number((event.target as HTMLInputElement).value) - 1;
    clearTimeout(this.#settle);
    if (!this.snapshot || !isReading(this.snapshot)) {
      this.#moving = null;
      this.request({ type: 'seek', paragraphIndex, play: false });
      return;
    }
    this.#moving = paragraphIndex;
    this.requestUpdate();
    this.#settle = setTimeout(() => {
      this.#moving = null;
      this.request({ type: 'seek', paragraphIndex, play: true });
    }, SLIDER_SETTLE_MS);
  };
}

definePart('aloud-progress', AloudProgress);

/**
 * `<aloud-captions>` (late chunk): the player's second line. While reading or
 * paused it shows the sentence being spoken, with the spoken word marked and
 * kept in view; at rest it offers "Resume from paragraph N" when there is a
 * saved place, or names the player. "Back to current paragraph" appears here
 * once the listener has scrolled the reading away. The line's height is
 * reserved, so nothing on the page moves when Play is pressed.
 *
 * Deliberately not a live region: a screen reader would talk over the speech.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { extraStrings } from '../../../core/i18n/extras-strings.ts';
import { strings } from '../../../core/i18n/strings.ts';
import { isReading, showsCaptions, type PlayerSnapshot } from '../../../core/player/snapshot.ts';
import { definePart, PlayerPart } from './player-part.ts';

/** The sentence with the spoken word marked; `null` when nothing is being read. */
export function renderCaption(snapshot: PlayerSnapshot, className: string) {
  const { sentence, paragraph, word } = snapshot.reading;
  if (!sentence || !paragraph || !showsCaptions(snapshot)) return null;
  const text = sentence.text;
  return html`<p class=${className} part="captions" lang=${paragraph.lang} dir="auto">
    <span class="visually-hidden">${strings.captionsLabel()}: </span>${
      word
        ? html`${text.slice(0, word.start)}<mark>${text.slice(word.start, word.end)}</mark>${text.slice(word.end)}`
        : text
    }
  </p>`;
}

export class AloudCaptions extends PlayerPart {
  protected override renderPart(snapshot: PlayerSnapshot) {
    const backToCurrent =
      snapshot.ui.scrolledAway && isReading(snapshot)
        ? html`<button type="button" class="inline-action" @click=${() => this.request({ type: 'back-to-current' })}>
            ${extraStrings.backToCurrent()}
          </button>`
        : nothing;
    const caption = renderCaption(snapshot, 'captions');
    if (caption) return html`${caption}${backToCurrent}`;
    const offer = snapshot.ui.resumeOffer;
    if (offer !== null) {
      return html`<button
        type="button"
        class="inline-action"
        @click=${() => this.request({ type: 'take-resume-offer' })}
      >
        ${extraStrings.resumeFrom(offer + 1)}
      </button>`;
    }
    return html`<p class="captions resting" aria-hidden="true">${strings.regionUntitled()}</p>`;
  }

  /** The animation frame that will bring the spoken word into view, if one is asked for. */
  #frame = 0;

  /**
   * Keeps the spoken word in view inside the one-line caption, without ever
   * scrolling the page. Measured once a frame, when the browser lays the page
   * out anyway: measuring at each word forced a layout of the whole page,
   * about 9 ms a word on a 10,000-paragraph article.
   */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#frame ||= requestAnimationFrame(() => {
      this.#frame = 0;
      this.#wordIntoView();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  #wordIntoView(): void {
    const line = this.querySelector<HTMLElement>('.captions');
    const mark = line?.querySelector('mark');
    if (!line || !mark) return;
    // A relative nudge works in both directions (right to left, scrollLeft runs negative).
    const box = line.getBoundingClientRect();
    const word = mark.getBoundingClientRect();
    if (word.left < box.left || word.right > box.right) line.scrollLeft += word.left - (box.left + box.width / 3);
  }
}

definePart('aloud-captions', AloudCaptions);

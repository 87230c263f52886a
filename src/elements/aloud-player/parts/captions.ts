/**
 * `<aloud-captions>`: the sentence being spoken, with the spoken word marked.
 * Deliberately not a live region: a screen reader would talk over the speech.
 */
import { html } from 'lit';
import { strings } from '../../../core/i18n/strings.ts';
import { showsCaptions, type PlayerSnapshot } from '../../../core/player/snapshot.ts';
import { definePart, PlayerPart } from './player-part.ts';

export class AloudCaptions extends PlayerPart {
  protected override renderPart(snapshot: PlayerSnapshot) {
    const { sentence, paragraph, word } = snapshot.reading;
    if (!sentence || !paragraph || !showsCaptions(snapshot)) return html`<p class="captions" part="captions"></p>`;
    const text = sentence.text;
    return html`<p class="captions" part="captions" lang=${paragraph.lang} dir="auto">
      <span class="visually-hidden">${strings.captionsLabel()}: </span>${
        word
          ? html`${text.slice(0, word.start)}<mark>${text.slice(word.start, word.end)}</mark>${text.slice(word.end)}`
          : text
      }
    </p>`;
  }
}

definePart('aloud-captions', AloudCaptions);

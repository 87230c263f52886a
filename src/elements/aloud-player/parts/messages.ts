/**
 * `<aloud-messages>`: the one polite status line ("Playing", "Paused",
 * "Speed 1.5×") and the alert line for what prevents reading, with Retry for
 * engine failures. Messages are descriptors, translated here at render.
 */
import { html, nothing } from 'lit';
import { messageText } from '../../../core/i18n/messages.ts';
import { strings } from '../../../core/i18n/strings.ts';
import { canRetry, type PlayerSnapshot } from '../../../core/player/snapshot.ts';
import { definePart, PlayerPart } from './player-part.ts';

export class AloudMessages extends PlayerPart {
  protected override renderPart(snapshot: PlayerSnapshot) {
    const locale = snapshot.locale.tag;
    const error = snapshot.error;
    return html`
      <p class="status" role="status" part="status">${snapshot.status ? messageText(snapshot.status, locale) : ''}</p>
      <div class=${error ? 'error shown' : 'error'} role="alert">
        ${
          error
            ? html`<p>${messageText(error, locale)}</p>
                ${
                  canRetry(snapshot)
                    ? html`<button type="button" @click=${() => this.request({ type: 'toggle' })}>
                        ${strings.retry()}
                      </button>`
                    : nothing
                }`
            : nothing
        }
      </div>
    `;
  }
}

definePart('aloud-messages', AloudMessages);

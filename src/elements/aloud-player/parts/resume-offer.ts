/**
 * `<aloud-resume-offer>` and `<aloud-back-to-current>` (reading chunk): the
 * "Resume from paragraph N" offer above the toolbar, and "Back to current
 * paragraph" once the listener has scrolled the reading out of view.
 */
import { html, nothing } from 'lit';
import { extraStrings } from '../../../core/i18n/extras-strings.ts';
import { isReading, type PlayerSnapshot } from '../../../core/player/snapshot.ts';
import { definePart, PlayerPart } from './player-part.ts';

export class AloudResumeOffer extends PlayerPart {
  protected override renderPart(snapshot: PlayerSnapshot) {
    const offer = snapshot.ui.resumeOffer;
    if (offer === null) return nothing;
    return html`<div class="offer">
      <button type="button" @click=${() => this.request({ type: 'take-resume-offer' })}>
        ${extraStrings.resumeFrom(offer + 1)}
      </button>
    </div>`;
  }
}

export class AloudBackToCurrent extends PlayerPart {
  protected override renderPart(snapshot: PlayerSnapshot) {
    if (!snapshot.ui.scrolledAway || !isReading(snapshot)) return nothing;
    return html`<button type="button" @click=${() => this.request({ type: 'back-to-current' })}>
      ${extraStrings.backToCurrent()}
    </button>`;
  }
}

definePart('aloud-resume-offer', AloudResumeOffer);
definePart('aloud-back-to-current', AloudBackToCurrent);

/**
 * `<aloud-mini-player>` (late chunk): a bar docked to the bottom of the
 * viewport while the inline player is out of view during reading (see
 * mini-player-controller.ts for when). It is part of the same player, inside
 * the same region: same store, same status. Play/Pause, Previous, Next,
 * progress, the sentence being read, "Back to current paragraph" and Close.
 * It never takes focus by itself.
 */
import { html, nothing } from 'lit';
import { extraStrings } from '../../../core/i18n/extras-strings.ts';
import { strings } from '../../../core/i18n/strings.ts';
import { isReading, paragraphCount, type PlayerSnapshot } from '../../../core/player/snapshot.ts';
import { closeIcon, nextIcon, pauseIcon, playIcon, previousIcon } from '../icons.ts';
import { renderCaption } from './captions.ts';
import { definePart, PlayerPart } from './player-part.ts';

export class AloudMiniPlayer extends PlayerPart {
  protected override renderPart(snapshot: PlayerSnapshot) {
    if (!snapshot.ui.miniPlayer) return nothing;
    const active = isReading(snapshot);
    const count = paragraphCount(snapshot);
    const position = snapshot.playback.paragraphIndex + 1;
    const iconButton = (label: string, icon: unknown, request: () => void, className = '') =>
      html`<button type="button" class=${className} part="button" @click=${request}>
        ${icon}<span class="visually-hidden">${label}</span><span class="tip" aria-hidden="true">${label}</span>
      </button>`;
    return html`<div class="mini" part="mini-player" role="group" aria-label=${extraStrings.miniPlayer()}>
      <div class="mini-controls">
        <button
          type="button"
          class="primary"
          part="button play-button"
          @click=${() => this.request({ type: 'toggle' })}
        >
          ${active ? pauseIcon : playIcon}<span>${active ? strings.pause() : strings.play()}</span>
        </button>
        ${iconButton(strings.previous(), previousIcon, () => this.request({ type: 'previous' }))}
        ${iconButton(strings.next(), nextIcon, () => this.request({ type: 'next' }))}
      </div>
      <div class="mini-text">
        ${renderCaption(snapshot, 'mini-captions') ?? html`<p class="mini-captions"></p>`}
        <div class="mini-place">
          <progress
            max=${count}
            .value=${position}
            aria-label=${extraStrings.paragraphOf(position, count, '').replace(/[:：،]\s*$/, '')}
          ></progress>
          <button type="button" class="inline-action" @click=${() => this.request({ type: 'back-to-current' })}>
            ${extraStrings.backToCurrent()}
          </button>
        </div>
      </div>
      <div class="mini-actions">
        ${iconButton(extraStrings.closeMiniPlayer(), closeIcon, () => this.request({ type: 'close-mini-player' }))}
      </div>
    </div>`;
  }
}

definePart('aloud-mini-player', AloudMiniPlayer);

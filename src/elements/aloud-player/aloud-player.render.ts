/**
 * The core player's templates (the lazy extras render the rest, see
 * extras-api.ts), split from the element so each part reads on its own.
 * Controls only *request* changes (through the element's intent methods);
 * the playback controller holds the truth.
 */
import { html, nothing } from 'lit';
import { formatNumber } from '../../core/i18n/localize.ts';
import { formatRate, strings } from '../../core/i18n/strings.ts';
import type { PlayerAction } from '../../core/keyboard/shortcuts.ts';
import { isActive } from '../../core/playback/state.ts';
import type { AloudPlayer } from './aloud-player.ts';
import type { PlayerParts } from './extras-api.ts';
import {
  fasterIcon,
  keyboardIcon,
  nextIcon,
  pauseIcon,
  playIcon,
  previousIcon,
  settingsIcon,
  slowerIcon,
} from './icons.ts';

export function renderPlayer(player: AloudPlayer, parts: PlayerParts | null) {
  return html`
    <section part="region" aria-label=${regionLabel(player)} lang=${player.locale} dir=${player.i18n.direction}>
      <p class="heading">${strings.regionUntitled()}</p>
      ${parts?.renderOffer()} ${renderToolbar(player, parts)}
      ${parts ? parts.renderProgress() : html`<div class="progress-slot"></div>`} ${renderCaptions(player)}
      <p class="status" role="status" part="status">${player.statusMessage}</p>
      <div class="error" role="alert">${renderError(player)}</div>
      ${parts?.renderEnd()}
    </section>
    ${parts?.renderDialog()}
  `;
}

/** The region's name: the headline, numbered when another player reads an equal one, so each name is unique. */
function regionLabel(player: AloudPlayer): string {
  const name = player.headline ? strings.region(player.headline) : strings.regionUntitled();
  let position = 1;
  for (const other of document.querySelectorAll('aloud-player')) {
    if (other === player) break;
    if (other.headline === player.headline) position++;
  }
  return position > 1 ? `${name} (${formatNumber(position)})` : name;
}

function renderToolbar(player: AloudPlayer, parts: PlayerParts | null) {
  const state = player.playback.state;
  const empty = state.chunkCounts.length === 0;
  const active = isActive(state);
  const rate = formatRate(state.rate, player.locale);
  // The shortcut table arrives with the extras; until then there are no shortcuts to announce.
  const keys = (action: PlayerAction) => parts?.keyShortcuts(action) ?? nothing;
  const iconButton = (action: PlayerAction, icon: unknown, label: string, disabled = false) =>
    html` <button
      type="button"
      part="button"
      @click=${() => player.perform(action)}
      ?disabled=${disabled}
      aria-describedby=${action === 'slower' || action === 'faster' ? 'rate' : nothing}
      aria-haspopup=${action === 'help' ? 'dialog' : nothing}
      aria-keyshortcuts=${keys(action)}
    >
      ${icon}<span class="visually-hidden">${label}</span>
    </button>`;
  return html`
    <div role="toolbar" part="toolbar" aria-label=${strings.toolbar()} @keydown=${parts?.onToolbarKeyDown}>
      ${iconButton('previous', previousIcon, strings.previous(), empty)}
      <button
        type="button"
        class="primary"
        part="button play-button"
        @click=${() => player.perform('toggle')}
        ?disabled=${empty}
        aria-keyshortcuts=${keys('toggle')}
      >
        ${active ? pauseIcon : playIcon}<span>${active ? strings.pause() : strings.play()}</span>
      </button>
      ${iconButton('next', nextIcon, strings.next(), empty)} ${iconButton('slower', slowerIcon, strings.slower())}
      <span class="rate" id="rate"
        ><span class="visually-hidden">${strings.speed(rate)}</span><span aria-hidden="true">${rate}</span></span
      >
      ${iconButton('faster', fasterIcon, strings.faster())}
      <button
        type="button"
        part="button"
        id="settings-button"
        aria-expanded=${player.settingsOpen ? 'true' : 'false'}
        aria-controls="settings-panel"
        @click=${() => player.toggleSettings()}
      >
        ${settingsIcon}<span class="visually-hidden">${strings.settings()}</span>
      </button>
      ${iconButton('help', keyboardIcon, strings.shortcuts())}
    </div>
  `;
}

/** The sentence being spoken. Deliberately not a live region: it would talk over the speech. */
function renderCaptions(player: AloudPlayer) {
  const state = player.playback.state;
  const chunk = player.playback.currentChunk;
  const unit = player.playback.currentUnit;
  if (!chunk || !unit || !(isActive(state) || state.status === 'paused'))
    return html`<p class="captions" part="captions"></p>`;
  const word = player.playback.currentWord;
  const text = chunk.text;
  return html`<p class="captions" part="captions" lang=${unit.lang} dir="auto">
    <span class="visually-hidden">${strings.captionsLabel()}: </span>${
      word
        ? html`${text.slice(0, word.start)}<mark>${text.slice(word.start, word.end)}</mark>${text.slice(word.end)}`
        : text
    }
  </p>`;
}

function renderError(player: AloudPlayer) {
  if (!player.errorMessage) return nothing;
  const state = player.playback.state;
  const canRetry = state.status === 'error' && state.error !== 'empty';
  return html`<p>${player.errorMessage}</p>
    ${canRetry ? html`<button type="button" @click=${() => player.perform('toggle')}>${strings.retry()}</button>` : nothing}`;
}

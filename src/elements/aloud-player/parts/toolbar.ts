/**
 * `<aloud-toolbar>`: the row of playback buttons (WAI-ARIA toolbar: one Tab
 * stop, arrow keys move inside). Buttons only request; the store decides.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { formatRate, strings } from '../../../core/i18n/strings.ts';
import type { PlayerAction } from '../../../core/keyboard/shortcuts.ts';
import type { PlayerIntent } from '../../../core/player/intents.ts';
import { hasNothingToRead, isReading, type PlayerSnapshot } from '../../../core/player/snapshot.ts';
import {
  fasterIcon,
  keyboardIcon,
  nextIcon,
  pauseIcon,
  playIcon,
  previousIcon,
  settingsIcon,
  slowerIcon,
} from '../icons.ts';
import { keyShortcutsFor } from './key-shortcuts.ts';
import { definePart, PlayerPart } from './player-part.ts';
import { ensureOneTabStop } from './roving-toolbar.ts';

/** Arrow keys inside the toolbar; the late chunk brings the handler (roving-toolbar.ts). */
let onToolbarKeyDown: ((event: KeyboardEvent) => void) | undefined;
export function setToolbarKeys(handler: (event: KeyboardEvent) => void): void {
  onToolbarKeyDown = handler;
}

const intentFor: Record<PlayerAction, PlayerIntent> = {
  toggle: { type: 'toggle' },
  previous: { type: 'previous' },
  next: { type: 'next' },
  slower: { type: 'slower' },
  faster: { type: 'faster' },
  help: { type: 'shortcuts', open: true },
};

export class AloudToolbar extends PlayerPart {
  /** Which buttons were disabled at the last render: the one Tab stop is re-chosen only when that changes. */
  #disabledKey = '';

  protected override renderPart(snapshot: PlayerSnapshot) {
    const empty = hasNothingToRead(snapshot);
    const active = isReading(snapshot);
    const rate = formatRate(snapshot.playback.rate, snapshot.locale.tag);
    const keys = (action: PlayerAction) => keyShortcutsFor(action) || nothing;
    const iconButton = (action: PlayerAction, icon: unknown, label: string, disabled = false) =>
      html`<button
        type="button"
        part="button"
        @click=${() => this.request(intentFor[action])}
        ?disabled=${disabled}
        aria-describedby=${action === 'slower' || action === 'faster' ? 'rate' : nothing}
        aria-haspopup=${action === 'help' ? 'dialog' : nothing}
        aria-keyshortcuts=${keys(action)}
      >
        ${icon}<span class="visually-hidden">${label}</span>
      </button>`;
    return html`
      <div
        role="toolbar"
        part="toolbar"
        aria-label=${strings.toolbar()}
        @keydown=${(event: KeyboardEvent) => onToolbarKeyDown?.(event)}
      >
        ${iconButton('previous', previousIcon, strings.previous(), empty)}
        <button
          type="button"
          class="primary"
          part="button play-button"
          @click=${() => this.request({ type: 'toggle' })}
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
          aria-expanded=${snapshot.ui.settingsOpen ? 'true' : 'false'}
          aria-controls="settings-panel"
          @click=${() => this.request({ type: 'settings', open: !snapshot.ui.settingsOpen })}
        >
          ${settingsIcon}<span class="visually-hidden">${strings.settings()}</span>
        </button>
        ${iconButton('help', keyboardIcon, strings.shortcuts())}
      </div>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const toolbar = this.querySelector('[role="toolbar"]');
    if (!toolbar) return;
    const key = Array.from(toolbar.querySelectorAll('button'), (button) => (button.disabled ? 1 : 0)).join('');
    if (key === this.#disabledKey) return;
    this.#disabledKey = key;
    ensureOneTabStop(toolbar);
  }
}

definePart('aloud-toolbar', AloudToolbar);

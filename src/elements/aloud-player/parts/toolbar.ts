/**
 * `<aloud-toolbar>`: the player's one row. Play/Pause with a visible word,
 * Previous and Next (where there is room), the paragraph slider with the time
 * left (`<aloud-progress>`, from the late chunk), one speed control
 * (`<aloud-speed>`, late) and a "More" menu (`<aloud-more-menu>`, late too) for settings, keyboard
 * shortcuts and download. The buttons are a WAI-ARIA toolbar (one Tab stop,
 * arrow keys inside); the slider, the speed and More are Tab stops of their
 * own, since a slider and a select need the arrow keys themselves.
 * Everything here only requests; the store decides.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { strings } from '../../../core/i18n/strings.ts';
import type { PlayerAction } from '../../../core/keyboard/shortcuts.ts';
import { hasNothingToRead, isReading, type PlayerSnapshot } from '../../../core/player/snapshot.ts';
import { moreIcon, nextIcon, pauseIcon, playIcon, previousIcon } from '../icons.ts';
import { keyShortcutsFor } from './key-shortcuts.ts';
import { definePart, PlayerPart } from './player-part.ts';
import { ensureOneTabStop } from './roving-toolbar.ts';

/** Arrow keys inside the toolbar; the late chunk brings the handler (toolbar-keys.ts). */
let onToolbarKeyDown: ((event: KeyboardEvent) => void) | undefined;
export function setToolbarKeys(handler: (event: KeyboardEvent) => void): void {
  onToolbarKeyDown = handler;
}

export class AloudToolbar extends PlayerPart {
  /** Which buttons were disabled at the last render: the one Tab stop is re-chosen only when that changes. */
  #disabledKey = '';

  protected override renderPart(snapshot: PlayerSnapshot) {
    const empty = hasNothingToRead(snapshot);
    const active = isReading(snapshot);
    const keys = (action: PlayerAction) => keyShortcutsFor(action) || nothing;
    // The name stays the visually hidden text; the tooltip repeats it with its key, hidden from assistive tech.
    const tip = (label: string, action?: PlayerAction) => {
      const key = action ? keyShortcutsFor(action) : '';
      return html`<span class="visually-hidden">${label}</span
        ><span class="tip" aria-hidden="true">${label}${key ? html` <kbd>${key}</kbd>` : nothing}</span>`;
    };
    const step = (action: 'previous' | 'next', icon: unknown, label: string) =>
      html`<button
        type="button"
        class="step"
        part="button"
        @click=${() => this.request({ type: action })}
        ?disabled=${empty}
        aria-keyshortcuts=${keys(action)}
      >
        ${icon}${tip(label, action)}
      </button>`;
    return html`
      <div class="row" @keydown=${this.#onKeyDown} @pointerleave=${this.#showTips} @focusin=${this.#showTips}>
        <div role="toolbar" part="toolbar" aria-label=${strings.toolbar()} @keydown=${this.#onToolbarKeyDown}>
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
          ${step('previous', previousIcon, strings.previous())} ${step('next', nextIcon, strings.next())}
        </div>
        <aloud-progress></aloud-progress>
        <aloud-speed></aloud-speed>
        <button
          type="button"
          part="button"
          id="more-button"
          aria-expanded=${snapshot.ui.moreOpen ? 'true' : 'false'}
          aria-controls="more-menu"
          @click=${() => this.request({ type: 'more', open: !snapshot.ui.moreOpen })}
        >
          ${moreIcon}${tip(strings.more())}
        </button>
        <aloud-more-menu></aloud-more-menu>
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

  readonly #onToolbarKeyDown = (event: KeyboardEvent): void => onToolbarKeyDown?.(event);

  // Tooltips dismiss with Escape and stay dismissed until the pointer or focus moves on (WCAG 1.4.13).
  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') this.classList.add('tips-dismissed');
  };

  readonly #showTips = (): void => this.classList.remove('tips-dismissed');
}

definePart('aloud-toolbar', AloudToolbar);

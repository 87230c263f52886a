/**
 * `<aloud-more-menu>` (late chunk): what the row's "More" button discloses:
 * Settings, Keyboard shortcuts and Download audio. A disclosure (a button
 * with `aria-expanded` and a group of buttons), not an ARIA menu: plain Tab
 * order, no roles a screen reader must learn. It floats over the page rather
 * than pushing it, closes with Escape (focus back on More), with a click
 * elsewhere, and once an item is chosen.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { extraStrings } from '../../../core/i18n/extras-strings.ts';
import { strings } from '../../../core/i18n/strings.ts';
import type { PlayerSnapshot } from '../../../core/player/snapshot.ts';
import { builtInSupported } from '../../../core/speech/builtin/voices.ts';
import { keyShortcutsFor } from './key-shortcuts.ts';
import { definePart, PlayerPart } from './player-part.ts';

export class AloudMoreMenu extends PlayerPart {
  #wasOpen = false;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.#onPointerDown, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.#onPointerDown, true);
  }

  protected override renderPart(snapshot: PlayerSnapshot) {
    const item = (label: string, choose: () => void) =>
      html`<button type="button" class="menu-item" @click=${choose}>${label}</button>`;
    return html`<div
      class="more-menu"
      id="more-menu"
      role="group"
      aria-label=${strings.more()}
      ?hidden=${!snapshot.ui.moreOpen}
      @keydown=${this.#onKeyDown}
    >
      <button
        type="button"
        class="menu-item"
        aria-expanded=${snapshot.ui.settingsOpen ? 'true' : 'false'}
        aria-controls="settings-panel"
        @click=${() => this.request({ type: 'settings', open: !snapshot.ui.settingsOpen })}
      >
        ${strings.settings()}
      </button>
      <button
        type="button"
        class="menu-item"
        aria-haspopup="dialog"
        aria-keyshortcuts=${keyShortcutsFor('help')}
        @click=${() => this.request({ type: 'shortcuts', open: true })}
      >
        ${strings.shortcuts()}
      </button>
      ${
        builtInSupported()
          ? item(extraStrings.downloadAudio(), () => this.request({ type: 'settings', open: true, focus: 'download' }))
          : nothing
      }
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const open = this.snapshot?.ui.moreOpen ?? false;
    // Opened: focus its first item, as a disclosure menu does.
    if (open && !this.#wasOpen) this.querySelector<HTMLElement>('.menu-item')?.focus();
    this.#wasOpen = open;
  }

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.request({ type: 'more', open: false });
    this.closest('section')?.querySelector<HTMLElement>('#more-button')?.focus();
  };

  readonly #onPointerDown = (event: PointerEvent): void => {
    if (!this.snapshot?.ui.moreOpen) return;
    const path = event.composedPath();
    const button = this.closest('section')?.querySelector('#more-button');
    if (path.includes(this) || (button && path.includes(button))) return;
    this.request({ type: 'more', open: false });
  };
}

definePart('aloud-more-menu', AloudMoreMenu);

/**
 * `<aloud-shortcuts-dialog>` (reading chunk): the keyboard shortcuts, from
 * THE shortcut table, in a native modal dialog that returns focus on close.
 */
import { html, type PropertyValues } from 'lit';
import { extraStrings } from '../../../core/i18n/extras-strings.ts';
import { strings } from '../../../core/i18n/strings.ts';
import { SHORTCUTS } from '../../../core/keyboard/shortcuts.ts';
import type { PlayerSnapshot } from '../../../core/player/snapshot.ts';
import { definePart, PlayerPart } from './player-part.ts';

export class AloudShortcutsDialog extends PlayerPart {
  #returnFocus: HTMLElement | null = null;

  protected override renderPart(snapshot: PlayerSnapshot) {
    const pageWide = snapshot.shortcuts === 'page' && snapshot.preferences.pageShortcuts;
    return html`
      <dialog
        part="dialog"
        aria-labelledby="shortcuts-title"
        lang=${snapshot.locale.tag}
        dir=${snapshot.locale.direction}
        @close=${this.#onClose}
      >
        <h2 id="shortcuts-title">${strings.shortcuts()}</h2>
        <dl>
          ${SHORTCUTS.map(
            (shortcut) =>
              html`<dt><kbd>${shortcut.display}</kbd></dt>
                <dd>${shortcut.label()}</dd>`,
          )}
        </dl>
        <p>${pageWide ? extraStrings.shortcutsPageHint() : extraStrings.shortcutsHint()}</p>
        <button type="button" @click=${() => this.request({ type: 'shortcuts', open: false })}>
          ${extraStrings.close()}
        </button>
      </dialog>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const dialog = this.querySelector('dialog');
    const open = this.snapshot?.ui.shortcutsOpen ?? false;
    if (!dialog || open === dialog.open) return;
    if (open) {
      const root = this.getRootNode() as ShadowRoot | Document;
      const active = root.activeElement;
      // From the More menu, which closes: return to the More button instead.
      const fromMenu = active?.closest('.more-menu') ? root.querySelector<HTMLElement>('#more-button') : null;
      this.#returnFocus =
        fromMenu ?? (active instanceof HTMLElement ? active : (document.activeElement as HTMLElement | null));
      dialog.showModal();
    } else {
      dialog.close();
    }
  }

  // Escape closes a native dialog by itself: tell the store. Native dialogs return
  // focus on close in Chromium, but not everywhere: do it here.
  readonly #onClose = (): void => {
    if (this.snapshot?.ui.shortcutsOpen) this.request({ type: 'shortcuts', open: false });
    this.#returnFocus?.focus();
    this.#returnFocus = null;
  };
}

definePart('aloud-shortcuts-dialog', AloudShortcutsDialog);

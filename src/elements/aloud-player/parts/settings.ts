/**
 * `<aloud-settings>` (reading chunk): the settings panel that the toolbar's
 * Settings button opens: voice, captions, highlighting, follow-along,
 * page-wide shortcuts and "Download audio". Escape closes it and returns
 * focus to the Settings button.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { extraStrings } from '../../../core/i18n/extras-strings.ts';
import { strings } from '../../../core/i18n/strings.ts';
import type { PlayerSnapshot } from '../../../core/player/snapshot.ts';
import { builtInSupported } from '../../../core/speech/builtin/voices.ts';
import type { Preferences } from '../../../core/storage/preferences.ts';
import { DownloadAudio, renderDownload } from '../download-audio.ts';
import { renderVoicePicker } from '../voice-picker.ts';
import { definePart, PlayerPart } from './player-part.ts';

export class AloudSettings extends PlayerPart {
  readonly #download = new DownloadAudio({
    snapshot: () => this.snapshot,
    changed: () => this.requestUpdate(),
    focusAfterRender: (selector) =>
      void this.updateComplete.then(() => this.querySelector<HTMLElement>(selector)?.focus()),
    announce: (id) => this.request({ type: 'late-message', id }),
  });
  #wasOpen = false;

  protected override renderPart(snapshot: PlayerSnapshot) {
    if (!snapshot.ui.settingsOpen) return nothing;
    const prefs = snapshot.preferences;
    const change = (patch: Partial<Preferences>) => this.request({ type: 'preferences', patch });
    const check = (
      label: string,
      checked: boolean,
      key: 'readCaptions' | 'highlight' | 'followAlong' | 'pageShortcuts',
    ) =>
      html` <label
        ><input
          type="checkbox"
          .checked=${live(checked)}
          @change=${(event: Event) => change({ [key]: (event.target as HTMLInputElement).checked })}
        />${label}</label
      >`;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      this.request({ type: 'settings', open: false });
    };
    return html`
      <div
        class="panel"
        part="settings"
        id="settings-panel"
        role="group"
        aria-label=${strings.settings()}
        @keydown=${onKeyDown}
      >
        ${renderVoicePicker({
          voices: snapshot.reading.voices,
          chosenId: prefs.voiceId,
          lang: snapshot.reading.article?.lang ?? 'en',
          locale: snapshot.locale.tag,
          onChange: (voiceId) => change({ voiceId }),
          owner: this,
          requestUpdate: () => this.requestUpdate(),
        })}
        ${check(extraStrings.readCaptions(), prefs.readCaptions, 'readCaptions')}
        ${check(extraStrings.highlight(), prefs.highlight, 'highlight')}
        ${check(extraStrings.followAlong(), prefs.followAlong, 'followAlong')}
        ${
          snapshot.shortcuts === 'page'
            ? check(extraStrings.pageShortcuts(), prefs.pageShortcuts, 'pageShortcuts')
            : nothing
        }
        ${builtInSupported() ? renderDownload(this.#download, snapshot) : nothing}
      </div>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const ui = this.snapshot?.ui;
    const open = ui?.settingsOpen ?? false;
    // Opened from the More menu, which closes: focus moves into the panel, never to the page's body.
    if (open && !this.#wasOpen) {
      const target = ui?.settingsFocus === 'download' ? '#download-start' : 'select, input, button';
      this.querySelector<HTMLElement>(target)?.focus();
    }
    // Closed: focus goes back to the More button, where the panel came from.
    if (this.#wasOpen && !open && this.contains(document.activeElement ?? null) === false) {
      this.closest('section')?.querySelector<HTMLElement>('#more-button')?.focus();
    }
    this.#wasOpen = open;
  }
}

definePart('aloud-settings', AloudSettings);

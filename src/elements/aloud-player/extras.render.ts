/**
 * Templates of the player's lazy extras (see extras-api.ts): the paragraph
 * slider, "Resume from", "Back to current", settings and the shortcuts
 * dialog. Like the core's, they only *request* changes through the element.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { excerpt, extraStrings, formatDuration } from '../../core/i18n/extras-strings.ts';
import { strings } from '../../core/i18n/strings.ts';
import { SHORTCUTS } from '../../core/keyboard/shortcuts.ts';
import { estimateTime } from '../../core/playback/timing.ts';
import { isActive } from '../../core/playback/state.ts';
import { builtInSupported } from '../../core/speech/builtin/voices.ts';
import type { AloudPlayer } from './aloud-player.ts';
import { renderDownload } from './download-audio.ts';
import type { FollowAlong } from './follow-along.ts';
import type { ResumePlace } from './resume-place.ts';
import { renderVoicePicker } from './voice-picker.ts';

export function renderProgress(player: AloudPlayer) {
  const state = player.playback.state;
  const article = player.playback.article;
  const count = state.chunkCounts.length;
  if (!article || count === 0) return nothing;
  const position = state.paragraphIndex + 1;
  const text = excerpt(article.units[state.paragraphIndex]?.text ?? '');
  const chunks = state.chunkCounts[state.paragraphIndex] ?? 1;
  const fraction = state.status === 'ended' ? 1 : state.chunkIndex / chunks;
  const time = estimateTime(article.wordsBefore, state.paragraphIndex, fraction, state.rate);
  return html`
    <div class="progress">
      <label for="progress">${extraStrings.progress()}</label>
      <input
        id="progress"
        part="progress"
        type="range"
        min="1"
        max=${count}
        step="1"
        .value=${live(String(position))}
        aria-valuetext=${extraStrings.paragraphOf(position, count, text)}
        @change=${(event: Event) => player.seek(Number((event.target as HTMLInputElement).value) - 1)}
      />
      <p class="times">
        <span>${extraStrings.elapsed(formatDuration(time.elapsedSeconds, player.locale))}</span>
        <span>${extraStrings.remaining(formatDuration(time.remainingSeconds, player.locale))}</span>
      </p>
    </div>
  `;
}

export function renderOffer(player: AloudPlayer, resume: ResumePlace) {
  const offer = resume.offer;
  if (offer === null) return nothing;
  const take = () => {
    resume.take();
    player.seek(offer);
  };
  return html`<div class="offer">
    <button type="button" @click=${take}>${extraStrings.resumeFrom(offer + 1)}</button>
  </div>`;
}

export function renderBackToCurrent(player: AloudPlayer, follow: FollowAlong) {
  if (!follow.scrolledAway || !isActive(player.playback.state)) return nothing;
  return html`<button type="button" @click=${() => follow.backToCurrent()}>${extraStrings.backToCurrent()}</button>`;
}

export function renderSettings(player: AloudPlayer) {
  const prefs = player.preferences;
  const check = (label: string, checked: boolean, change: (value: boolean) => void) =>
    html` <label
      ><input
        type="checkbox"
        .checked=${live(checked)}
        @change=${(event: Event) => change((event.target as HTMLInputElement).checked)}
      />${label}</label
    >`;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      player.toggleSettings(false);
    }
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
      ${renderVoicePicker({ voices: player.playback.voices, chosenId: prefs.voiceId, lang: player.playback.article?.lang ?? 'en', locale: player.locale, onChange: (voiceId) => player.updatePreferences({ voiceId }), owner: player, requestUpdate: () => player.requestUpdate() })}
      ${check(extraStrings.readCaptions(), prefs.readCaptions, (value) => player.updatePreferences({ readCaptions: value }))}
      ${check(extraStrings.highlight(), prefs.highlight, (value) => player.updatePreferences({ highlight: value }))}
      ${check(extraStrings.followAlong(), prefs.followAlong, (value) => player.updatePreferences({ followAlong: value }))}
      ${
        player.shortcuts === 'page'
          ? check(extraStrings.pageShortcuts(), prefs.pageShortcuts, (value) =>
              player.updatePreferences({ pageShortcuts: value }),
            )
          : nothing
      }
      ${builtInSupported() ? renderDownload(player) : nothing}
    </div>
  `;
}

export interface DialogHandlers {
  readonly close: () => void;
  readonly closed: () => void;
}

export function renderShortcutsDialog(player: AloudPlayer, handlers: DialogHandlers) {
  const pageWide = player.shortcuts === 'page' && player.preferences.pageShortcuts;
  return html`
    <dialog
      part="dialog"
      aria-labelledby="shortcuts-title"
      lang=${player.locale}
      dir=${player.i18n.direction}
      @close=${handlers.closed}
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
      <button type="button" @click=${handlers.close}>${extraStrings.close()}</button>
    </dialog>
  `;
}

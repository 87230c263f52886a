/**
 * The player's templates, split from the element so each part reads on its
 * own. Controls only *request* changes (through the element's intent
 * methods); the playback controller holds the truth.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { excerpt, formatDuration, formatRate, strings } from '../../core/i18n/strings.ts';
import { SHORTCUTS, ariaKeyShortcuts } from '../../core/keyboard/shortcuts.ts';
import { estimateTime } from '../../core/playback/timing.ts';
import { isActive } from '../../core/playback/transition.ts';
import type { AloudPlayer } from './aloud-player.ts';
import { fasterIcon, keyboardIcon, nextIcon, pauseIcon, playIcon, previousIcon, settingsIcon, slowerIcon } from './icons.ts';
import { onToolbarKeyDown } from './roving-toolbar.ts';

export function renderPlayer(player: AloudPlayer) {
  return html`
    <section part="region" aria-label=${player.regionLabel}>
      <p class="heading">${strings.regionUntitled()}</p>
      ${renderOffer(player)} ${renderToolbar(player)} ${renderProgress(player)} ${renderCaptions(player)}
      <p class="status" role="status" part="status">${player.statusMessage}</p>
      <div class="error" role="alert">${renderError(player)}</div>
      ${renderBackToCurrent(player)} ${player.settingsOpen ? renderSettings(player) : nothing}
    </section>
    ${renderShortcutsDialog(player)}
  `;
}

function renderToolbar(player: AloudPlayer) {
  const state = player.playback.state;
  const empty = state.chunkCounts.length === 0;
  const active = isActive(state);
  const rate = formatRate(state.rate, player.locale);
  return html`
    <div role="toolbar" part="toolbar" aria-label=${strings.toolbar()} @keydown=${onToolbarKeyDown}>
      <button type="button" @click=${() => player.perform('previous')} ?disabled=${empty}
        aria-keyshortcuts=${ariaKeyShortcuts('previous')}>${previousIcon}<span class="visually-hidden">${strings.previous()}</span></button>
      <button type="button" class="primary" part="play-button" @click=${() => player.perform('toggle')} ?disabled=${empty}
        aria-keyshortcuts=${ariaKeyShortcuts('toggle')}>${active ? pauseIcon : playIcon}<span>${active ? strings.pause() : strings.play()}</span></button>
      <button type="button" @click=${() => player.perform('next')} ?disabled=${empty}
        aria-keyshortcuts=${ariaKeyShortcuts('next')}>${nextIcon}<span class="visually-hidden">${strings.next()}</span></button>
      <button type="button" @click=${() => player.perform('slower')} aria-describedby="rate"
        aria-keyshortcuts=${ariaKeyShortcuts('slower')}>${slowerIcon}<span class="visually-hidden">${strings.slower()}</span></button>
      <span class="rate" id="rate"><span class="visually-hidden">${strings.speed('')}</span>${rate}</span>
      <button type="button" @click=${() => player.perform('faster')} aria-describedby="rate"
        aria-keyshortcuts=${ariaKeyShortcuts('faster')}>${fasterIcon}<span class="visually-hidden">${strings.faster()}</span></button>
      <button type="button" id="settings-button" aria-expanded=${player.settingsOpen ? 'true' : 'false'}
        aria-controls="settings-panel" @click=${() => player.toggleSettings()}>${settingsIcon}<span class="visually-hidden">${strings.settings()}</span></button>
      <button type="button" @click=${() => player.perform('help')} aria-haspopup="dialog"
        aria-keyshortcuts=${ariaKeyShortcuts('help')}>${keyboardIcon}<span class="visually-hidden">${strings.shortcuts()}</span></button>
    </div>
  `;
}

function renderProgress(player: AloudPlayer) {
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
      <label for="progress">${strings.progress()}</label>
      <input id="progress" part="progress" type="range" min="1" max=${count} step="1" .value=${live(String(position))}
        aria-valuetext=${strings.paragraphOf(position, count, text)}
        @change=${(event: Event) => player.seek(Number((event.target as HTMLInputElement).value) - 1)} />
      <p class="times">
        <span>${strings.elapsed(formatDuration(time.elapsedSeconds, player.locale))}</span>
        <span>${strings.remaining(formatDuration(time.remainingSeconds, player.locale))}</span>
      </p>
    </div>
  `;
}

/** The sentence being spoken. Deliberately not a live region: it would talk over the speech. */
function renderCaptions(player: AloudPlayer) {
  const state = player.playback.state;
  const chunk = player.playback.currentChunk;
  const unit = player.playback.currentUnit;
  if (!chunk || !unit || !(isActive(state) || state.status === 'paused')) return html`<p class="captions" part="captions"></p>`;
  const word = player.playback.currentWord;
  const text = chunk.text;
  return html`<p class="captions" part="captions" lang=${unit.lang} dir="auto">
    <span class="visually-hidden">${strings.captionsLabel()}: </span>${word
      ? html`${text.slice(0, word.start)}<mark>${text.slice(word.start, word.end)}</mark>${text.slice(word.end)}`
      : text}
  </p>`;
}

function renderError(player: AloudPlayer) {
  if (!player.errorMessage) return nothing;
  const state = player.playback.state;
  const canRetry = state.status === 'error' && state.error !== 'empty';
  return html`<p>${player.errorMessage}</p>
    ${canRetry ? html`<button type="button" @click=${() => player.perform('toggle')}>${strings.retry()}</button>` : nothing}`;
}

function renderOffer(player: AloudPlayer) {
  const offer = player.resumeOffer;
  if (offer === null) return nothing;
  return html`<div class="offer">
    <button type="button" @click=${() => player.seek(offer)}>${strings.resumeFrom(offer + 1)}</button>
  </div>`;
}

function renderBackToCurrent(player: AloudPlayer) {
  if (!player.follow.scrolledAway || !isActive(player.playback.state)) return nothing;
  return html`<button type="button" @click=${() => player.follow.backToCurrent()}>${strings.backToCurrent()}</button>`;
}

function renderSettings(player: AloudPlayer) {
  const prefs = player.preferences;
  const lang = (player.playback.article?.lang ?? 'en').split('-')[0]?.toLowerCase() ?? 'en';
  const voices = player.playback.voices.filter((voice) => voice.lang.toLowerCase().split(/[-_]/)[0] === lang);
  const check = (label: string, checked: boolean, change: (value: boolean) => void) => html`
    <label><input type="checkbox" .checked=${live(checked)}
      @change=${(event: Event) => change((event.target as HTMLInputElement).checked)} />${label}</label>`;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      player.toggleSettings(false);
    }
  };
  return html`
    <div class="panel" id="settings-panel" role="group" aria-label=${strings.settings()} @keydown=${onKeyDown}>
      <label>${strings.voice()}
        <select @change=${(event: Event) => player.updatePreferences({ voiceId: (event.target as HTMLSelectElement).value || null })}>
          <option value="" ?selected=${!prefs.voiceId}>${strings.defaultVoice()}</option>
          ${voices.map((voice) => html`<option value=${voice.id} ?selected=${voice.id === prefs.voiceId}>${voice.name} (${voice.lang})</option>`)}
        </select>
      </label>
      ${check(strings.readCaptions(), prefs.readCaptions, (value) => player.updatePreferences({ readCaptions: value }))}
      ${check(strings.highlight(), prefs.highlight, (value) => player.updatePreferences({ highlight: value }))}
      ${check(strings.followAlong(), prefs.followAlong, (value) => player.updatePreferences({ followAlong: value }))}
      ${player.shortcuts === 'page'
        ? check(strings.pageShortcuts(), prefs.pageShortcuts, (value) => player.updatePreferences({ pageShortcuts: value }))
        : nothing}
    </div>
  `;
}

function renderShortcutsDialog(player: AloudPlayer) {
  const pageWide = player.shortcuts === 'page' && player.preferences.pageShortcuts;
  return html`
    <dialog aria-labelledby="shortcuts-title" @close=${() => player.onDialogClose()}>
      <h2 id="shortcuts-title">${strings.shortcuts()}</h2>
      <dl>
        ${SHORTCUTS.map((shortcut) => html`<dt><kbd>${shortcut.display}</kbd></dt><dd>${shortcut.label()}</dd>`)}
      </dl>
      <p>${pageWide ? strings.shortcutsPageHint() : strings.shortcutsHint()}</p>
      <button type="button" @click=${() => player.closeShortcuts()}>${strings.close()}</button>
    </dialog>
  `;
}

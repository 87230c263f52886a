/**
 * The player's extras (see extras-api.ts), in the lazy chunk (see
 * reading-api.ts): the shell never imports this module statically.
 */
import { html, nothing } from 'lit';
import { KeyboardController } from '../../core/keyboard/keyboard-controller.ts';
import { ariaKeyShortcuts } from '../../core/keyboard/shortcuts.ts';
import { isActive } from '../../core/playback/state.ts';
import type { AloudPlayer } from './aloud-player.ts';
import type { PlayerExtras, PlayerParts } from './extras-api.ts';
import {
  renderBackToCurrent,
  renderOffer,
  renderProgress,
  renderSettings,
  renderShortcutsDialog,
} from './extras.render.ts';
import { extrasStyles } from './extras.styles.ts';
import { FollowAlong } from './follow-along.ts';
import { updateMediaSession } from './media-session.ts';
import { ResumePlace } from './resume-place.ts';
import { ensureOneTabStop, onToolbarKeyDown } from './roving-toolbar.ts';

function attach(player: AloudPlayer): PlayerParts {
  const follow = new FollowAlong(player, () => player.playback.currentUnit?.element ?? null);
  new KeyboardController(player, {
    pageWide: () => player.shortcuts === 'page' && player.preferences.pageShortcuts,
    perform: (action) => player.perform(action),
  });
  const resume = new ResumePlace(player);

  /** While the player is in use, clicking a paragraph of its article reads from there. */
  const onArticleClick = (event: MouseEvent): void => {
    const target = event.target;
    if (player.playback.state.status === 'idle' || event.defaultPrevented || !(target instanceof Element)) return;
    if (target.closest('a, button, input, select, textarea')) return;
    // A drag that selected text is not a request to jump.
    if (!(document.getSelection()?.isCollapsed ?? true)) return;
    const index = (player.playback.article?.units ?? []).findIndex((unit) => unit.element.contains(target));
    if (index >= 0) {
      resume.take();
      player.seek(index);
    }
  };

  // One Tab stop for the toolbar, re-checked after every render (buttons get enabled late).
  player.addController({
    hostUpdated: () => ensureOneTabStop(player.renderRoot.querySelector('[role="toolbar"]')),
    hostConnected: () => player.ownerDocument.addEventListener('click', onArticleClick),
    hostDisconnected: () => player.ownerDocument.removeEventListener('click', onArticleClick),
  });

  const dialog = () => player.renderRoot.querySelector('dialog');
  let returnFocus: HTMLElement | null = null;
  const dialogHandlers = {
    close: () => dialog()?.close(),
    // Native dialogs return focus on close in Chromium, but not everywhere: do it ourselves.
    closed: () => {
      returnFocus?.focus();
      returnFocus = null;
    },
  };

  return {
    renderOffer: () => renderOffer(player, resume),
    renderProgress: () => renderProgress(player),
    renderEnd: () =>
      html`${renderBackToCurrent(player, follow)} ${player.settingsOpen ? renderSettings(player) : nothing}`,
    renderDialog: () => renderShortcutsDialog(player, dialogHandlers),
    keyShortcuts: ariaKeyShortcuts,
    onToolbarKeyDown,
    openShortcuts() {
      const element = dialog();
      if (!element || element.open) return;
      const inside = player.shadowRoot?.activeElement;
      returnFocus = inside instanceof HTMLElement ? inside : (document.activeElement as HTMLElement | null);
      element.showModal();
    },
    changed(previous, next) {
      const started = next.status === 'playing' && previous !== null && previous.status !== 'playing';
      const moved = previous !== null && next.paragraphIndex !== previous.paragraphIndex && isActive(next);
      if (started || moved) follow.paragraphChanged();
      resume.changed(previous, next);
      updateMediaSession(player);
    },
  };
}

export const extras: PlayerExtras = { styles: extrasStyles, attach };

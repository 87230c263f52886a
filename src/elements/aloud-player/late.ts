/**
 * The late half of the player, in the reading chunk: the parts a listener
 * needs only once the article is indexed (slider, settings, shortcuts
 * dialog, resume offer) and the controllers behind them.
 */
import { registerLateMessages } from '../../core/i18n/messages.ts';
import { KeyboardController } from '../../core/keyboard/keyboard-controller.ts';
import { ariaKeyShortcuts, type PlayerAction } from '../../core/keyboard/shortcuts.ts';
import type { PlayerIntent } from '../../core/player/intents.ts';
import type { PlayerStore } from '../../core/player/player-store.ts';
import { ArticleClicks } from './article-clicks.ts';
export { extrasStyles as styles } from './extras.styles.ts';
import { downloadMessages } from './download-audio.ts';
import { FollowAlong } from './follow-along.ts';
import { HeadlineNumbers } from './headline-numbers.ts';
import { MediaSessionController } from './media-session.ts';
import { MiniPlayerController } from './mini-player-controller.ts';
import { PlaceAnnouncer, placeMessages } from './place-announcer.ts';
import { setKeyShortcuts } from './parts/key-shortcuts.ts';
import { setToolbarKeys } from './parts/toolbar.ts';
import { onToolbarKeyDown } from './parts/toolbar-keys.ts';
import './parts/captions.ts';
import './parts/mini-player.ts';
import './parts/more-menu.ts';
import './parts/progress.ts';
import './parts/speed.ts';
import './parts/settings.ts';
import './parts/shortcuts-dialog.ts';
import type { LateOptions, PlayerHost } from './reading-chunk.ts';
import { ResumePlace } from './resume-place.ts';

const intentFor: Record<PlayerAction, PlayerIntent> = {
  toggle: { type: 'toggle' },
  previous: { type: 'previous' },
  next: { type: 'next' },
  slower: { type: 'slower' },
  faster: { type: 'faster' },
  help: { type: 'shortcuts', open: true },
};

setKeyShortcuts(ariaKeyShortcuts);
setToolbarKeys(onToolbarKeyDown);
registerLateMessages({ ...downloadMessages, ...placeMessages });

export function attachLate(host: PlayerHost, store: PlayerStore, options: LateOptions): void {
  new KeyboardController(host, { pageWide: options.pageWide, perform: (action) => store.dispatch(intentFor[action]) });
  new FollowAlong(host, store);
  new HeadlineNumbers(host, store);
  new ResumePlace(host, store);
  new ArticleClicks(host, store);
  new MediaSessionController(host, store);
  new MiniPlayerController(host, store);
  new PlaceAnnouncer(host, store);
}

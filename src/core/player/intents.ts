/**
 * What a part of the player, a shortcut or the host page may ask for. Parts
 * only *request*: they send an intent up (a `PlayerRequestEvent`) and the
 * player's store decides.
 */
import type { Preferences } from '../storage/preferences.ts';

export type PlayerIntent =
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'toggle' }
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  /** Move to a paragraph (0 = headline); `play` reads on from there. */
  | { readonly type: 'seek'; readonly paragraphIndex: number; readonly play?: boolean }
  /** A new playback rate chosen by the listener or the host page (0.5–3, clamped). */
  | { readonly type: 'rate'; readonly rate: number }
  | { readonly type: 'faster' }
  | { readonly type: 'slower' }
  | { readonly type: 'preferences'; readonly patch: Partial<Preferences> }
  /** `focus: 'download'` opens the settings at "Download audio". */
  | { readonly type: 'settings'; readonly open: boolean; readonly focus?: 'download' }
  | { readonly type: 'shortcuts'; readonly open: boolean }
  /** The "More" menu (settings, keyboard shortcuts, download). */
  | { readonly type: 'more'; readonly open: boolean }
  /** The listener closed the mini player: it stays away for this article. */
  | { readonly type: 'close-mini-player' }
  | { readonly type: 'back-to-current' }
  | { readonly type: 'take-resume-offer' }
  /** Say a message of the reading chunk's own (see `registerLateMessages`) in the status line. */
  | { readonly type: 'late-message'; readonly id: string };

export type PlayerIntentType = PlayerIntent['type'];

/**
 * What the polite status line says, and which media events fire, when the
 * playback status changes. Pure, so the rules read in one place: announce
 * state changes once (Playing, Paused, Finished), never per word or paragraph.
 */
import { strings } from '../../core/i18n/strings.ts';
import type { PlaybackState } from '../../core/playback/state.ts';
import type { EngineNotice } from '../../core/playback/playback-controller.ts';

export type MediaEventType = 'play' | 'pause' | 'ended';

export interface StatusChange {
  /** New text for the status line; `undefined` leaves it as it is. */
  readonly message?: string;
  readonly events: readonly MediaEventType[];
}

/** Call inside the player's locale (`i18n.run`): the messages are translated. */
export function statusChange(previous: PlaybackState, next: PlaybackState, builtInNotice: boolean): StatusChange {
  if (next.status === 'playing') {
    // The switch to the built-in voice is said once, with the first "Playing" after it.
    return { message: builtInNotice ? strings.playingBuiltIn() : strings.playing(), events: ['play'] };
  }
  if (previous.status === 'playing' && (next.status === 'paused' || next.status === 'idle')) {
    return { message: strings.paused(), events: ['pause'] };
  }
  if (next.status === 'ended') return { message: strings.ended(), events: ['ended'] };
  if (next.status === 'paused' && previous.status === 'starting') return { message: strings.paused(), events: [] };
  if (next.status === 'error') {
    // The alert says what went wrong; the status line must not go on claiming
    // "Playing" beside it. `paused` is true again, so say so too.
    return { message: '', events: previous.status === 'playing' ? ['pause'] : [] };
  }
  return { events: [] };
}

/**
 * Loading progress of the built-in voice, in tens of percent (a polite status
 * line must not chatter), or the switch to it. `null`: say nothing yet.
 */
export function engineNoticeMessage(notice: EngineNotice, playing: boolean, locale: string): string | null {
  if (notice.type === 'loading') {
    const percent = new Intl.NumberFormat(locale, { style: 'percent' }).format(Math.floor(notice.progress * 10) / 10);
    if (notice.progress < 1) return strings.loadingVoice(percent);
    return playing ? strings.playing() : null;
  }
  // Back to the browser's voices happens between sentences while reading: said at once.
  if (notice.engine !== 'built-in') return strings.usingBrowserVoice();
  return playing ? strings.usingBuiltIn() : null;
}

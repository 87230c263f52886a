/**
 * What the polite status line says, and which media events fire, when the
 * playback status changes. Pure, so the rules read in one place: announce
 * state changes once (Playing, Paused, Finished), never per word or paragraph.
 */
import type { Message } from '../i18n/messages.ts';
import type { PlaybackState } from '../playback/state.ts';

export type MediaEventType = 'play' | 'pause' | 'ended';

export interface StatusChange {
  /** The status line's new message; `undefined` leaves it as it is, `null` empties it. */
  readonly message?: Message | null;
  readonly events: readonly MediaEventType[];
}

/** `builtInNotice`: the engine switched to the built-in voice and no status has said so yet. */
export function statusChange(previous: PlaybackState, next: PlaybackState, builtInNotice: boolean): StatusChange {
  if (next.status === 'playing') {
    // The switch to the built-in voice is said once, with the first "Playing" after it.
    return { message: { key: builtInNotice ? 'playingBuiltIn' : 'playing' }, events: ['play'] };
  }
  if (previous.status === 'playing' && (next.status === 'paused' || next.status === 'idle')) {
    return { message: { key: 'paused' }, events: ['pause'] };
  }
  if (next.status === 'ended') return { message: { key: 'ended' }, events: ['ended'] };
  if (next.status === 'paused' && previous.status === 'starting') return { message: { key: 'paused' }, events: [] };
  if (next.status === 'error') {
    // The alert says what went wrong; the status line must not go on claiming
    // "Playing" beside it. `paused` is true again, so say so too.
    return { message: null, events: previous.status === 'playing' ? ['pause'] : [] };
  }
  return { events: [] };
}

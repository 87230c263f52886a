/**
 * One player's store: the single owner of its snapshot (snapshot.ts). Intents
 * go in through `dispatch`; every subscriber hears each new snapshot. Playback
 * intents are handed to the playback (the controller, or its stand-in until
 * the reading chunk arrives). What the playback reports is turned into status
 * and error messages by playback-news.ts, in the reading chunk.
 */
import type { Message } from '../i18n/messages.ts';
import {
  clampRate,
  isActive,
  MAX_RATE,
  MIN_RATE,
  RATE_STEP,
  type PlaybackEvent,
  type PlaybackState,
} from '../playback/state.ts';
import type { Preferences } from '../storage/preferences.ts';
import type { MediaEventType } from './announcements.ts';
import type { PlayerIntent } from './intents.ts';
import { emptyReading, initialSnapshot, type PlayerSnapshot, type ReadingView } from './snapshot.ts';

/** What the store needs of the playback: the controller, or the stand-in before it. */
export interface PlaybackPort {
  readonly state: PlaybackState;
  dispatch(event: PlaybackEvent): void;
}

export type SnapshotListener = (next: PlayerSnapshot, previous: PlayerSnapshot) => void;
/** Intents the store leaves to others (follow-along, resume offer): return true if handled. */
export type IntentHandler = (intent: PlayerIntent) => boolean;

export interface StoreOptions {
  /** Saves a preferences patch with the page's preferences owner. */
  readonly savePreferences: (patch: Partial<Preferences>) => void;
  /** Media events for the element to fire (play, pause, ended, ratechange). */
  readonly onMediaEvent: (type: MediaEventType | 'ratechange') => void;
}

export class PlayerStore {
  #snapshot: PlayerSnapshot = initialSnapshot;
  #playback: PlaybackPort;
  #reading: () => ReadingView = () => emptyReading;
  readonly #listeners = new Set<SnapshotListener>();
  readonly #handlers = new Set<IntentHandler>();
  readonly #options: StoreOptions;
  #listenerRate = false;

  constructor(playback: PlaybackPort, options: StoreOptions) {
    this.#playback = playback;
    this.#options = options;
  }

  get snapshot(): PlayerSnapshot {
    return this.#snapshot;
  }

  /** The rate change under way came from the listener (announced and saved), not from a restored preference. */
  get rateFromListener(): boolean {
    return this.#listenerRate;
  }

  /** What the store was created with: saving preferences and firing media events. */
  get effects(): StoreOptions {
    return this.#options;
  }

  get playbackState(): PlaybackState {
    return this.#playback.state;
  }

  subscribe(listener: SnapshotListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Lets the reading chunk's controllers take the intents that are theirs. */
  handle(handler: IntentHandler): () => void {
    this.#handlers.add(handler);
    return () => this.#handlers.delete(handler);
  }

  dispatch(intent: PlayerIntent): void {
    const state = this.#playback.state;
    switch (intent.type) {
      case 'toggle':
        return this.dispatch({ type: isActive(state) ? 'pause' : 'play' });
      case 'play':
      case 'pause':
      case 'next':
      case 'previous':
        return this.#playback.dispatch({ type: intent.type });
      case 'seek':
        return this.#playback.dispatch(intent);
      case 'faster':
      case 'slower': {
        const fastest = intent.type === 'faster';
        // At the limit nothing changes: say so, rather than nothing at all.
        if (state.rate === (fastest ? MAX_RATE : MIN_RATE))
          return this.announce({ key: 'speedLimit', rate: state.rate, fastest });
        return this.dispatch({ type: 'rate', rate: state.rate + (fastest ? RATE_STEP : -RATE_STEP) });
      }
      case 'rate':
        this.#listenerRate = true;
        this.#playback.dispatch({ type: 'rate', rate: intent.rate });
        this.#listenerRate = false;
        this.refresh();
        return;
      case 'preferences':
        return this.#options.savePreferences(intent.patch);
      case 'settings':
        return this.#setUi({ settingsOpen: intent.open, settingsFocus: intent.focus ?? 'first', moreOpen: false });
      case 'more':
        return this.#setUi({ moreOpen: intent.open });
      case 'close-mini-player':
        return this.#setUi({ miniPlayer: false, miniPlayerClosed: true });
      case 'shortcuts':
        return this.#setUi({ shortcutsOpen: intent.open, moreOpen: false });
      case 'late-message':
        return this.announce({ key: 'late', id: intent.id });
      default:
        for (const handler of this.#handlers) if (handler(intent)) return;
    }
  }

  /** Hands over an intent held before the reading chunk arrived, as if it came now. */
  replay(event: PlaybackEvent): void {
    if (event.type === 'rate') this.dispatch({ type: 'rate', rate: event.rate });
    else this.#playback.dispatch(event);
  }

  /** A rate restored from the preferences: applied, but neither announced nor saved again. */
  restoreRate(rate: number): void {
    this.#playback.dispatch({ type: 'rate', rate: clampRate(rate) });
  }

  /** The reading chunk arrived: from now on `playback` is the real controller. */
  attach(playback: PlaybackPort, reading: () => ReadingView): void {
    this.#playback = playback;
    this.#reading = reading;
    this.set({ ready: true });
  }

  /** The player was disconnected: its controller is gone until it connects again. */
  detach(standIn: PlaybackPort): void {
    this.#playback = standIn;
    this.#reading = () => emptyReading;
    this.refresh();
  }

  /** Replaces some fields of the snapshot (the element and controllers write through this). */
  set(patch: Partial<PlayerSnapshot>): void {
    this.#publish({ ...this.#snapshot, ...patch });
  }

  /** Re-reads the playback and the reading view (after any change the controller reports), with `patch`. */
  refresh(patch: Partial<PlayerSnapshot> = {}): void {
    this.#publish({ ...this.#snapshot, ...patch, playback: this.#playback.state, reading: this.#reading() });
  }

  /** Says `message` in the status line. */
  announce(message: Message): void {
    this.set({ status: message });
  }

  /** Shows `message` in the alert line (null clears it). */
  fail(message: Message | null): void {
    this.set({ error: message });
  }

  #setUi(patch: Partial<PlayerSnapshot['ui']>): void {
    this.set({ ui: Object.freeze({ ...this.#snapshot.ui, ...patch }) });
  }

  #publish(next: PlayerSnapshot): void {
    const previous = this.#snapshot;
    this.#snapshot = Object.freeze(next);
    for (const listener of [...this.#listeners]) listener(this.#snapshot, previous);
  }
}

/** The `ui` part of the store's snapshot can also be patched by the reading chunk's controllers. */
export function patchUi(store: PlayerStore, patch: Partial<PlayerSnapshot['ui']>): void {
  store.set({ ui: Object.freeze({ ...store.snapshot.ui, ...patch }) });
}

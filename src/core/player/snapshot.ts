/**
 * Everything one player's UI shows, as one immutable snapshot, and the values
 * derived from it. The store (player-store.ts) replaces the snapshot on every
 * change; the parts read it through @lit/context and never keep copies.
 */
import type { Chunk } from '../content/segment.ts';
import type { Paragraph } from '../content/paragraphs.ts';
import type { Message } from '../i18n/messages.ts';
import type { UiLocale } from '../i18n/localize.ts';
import type { LoadedArticle } from '../playback/playback-controller.ts';
import { initialState, isActive, type PlaybackState } from '../playback/state.ts';
import type { EngineVoice } from '../speech/engine.ts';
import { defaultPreferences, type Preferences } from '../storage/preferences.ts';

/** What is being read, as the reading chunk reports it (all null until it arrives). */
export interface ReadingView {
  readonly article: LoadedArticle | null;
  /** The paragraph being read (the headline is paragraph 0). */
  readonly paragraph: Paragraph | null;
  /** The sentence (or clause of a long one) being spoken: offsets into the paragraph's text. */
  readonly sentence: Chunk | null;
  /** The word being spoken, as UTF-16 offsets into `sentence.text`, when the engine reports boundaries. */
  readonly word: { readonly start: number; readonly end: number } | null;
  readonly voices: readonly EngineVoice[];
  /** The short, deliberate silence between two utterances (sentence and paragraph pauses). */
  readonly pausing: boolean;
}

export interface PlayerLocaleView {
  /** The UI's language (`en`, `ar`, `fa`); English until a translation has loaded. */
  readonly ui: UiLocale;
  /** Full tag for `lang` and number formatting, e.g. `ar-SY`. */
  readonly tag: string;
  readonly direction: 'ltr' | 'rtl';
}

export interface PlayerUi {
  readonly settingsOpen: boolean;
  /** Where focus goes when the settings open: their first control, or "Download audio". */
  readonly settingsFocus: 'first' | 'download';
  readonly shortcutsOpen: boolean;
  readonly moreOpen: boolean;
  /** The inline player is out of view while reading: the mini player docks to the bottom of the viewport. */
  readonly miniPlayer: boolean;
  /** The listener closed the mini player for this article. */
  readonly miniPlayerClosed: boolean;
  /** The listener scrolled the paragraph being read out of view. */
  readonly scrolledAway: boolean;
  /** Paragraph index that "Resume from" offers, or null. */
  readonly resumeOffer: number | null;
}

export interface PlayerSnapshot {
  readonly playback: PlaybackState;
  readonly reading: ReadingView;
  readonly preferences: Preferences;
  readonly ui: PlayerUi;
  /** What the polite status line says, translated at render. */
  readonly status: Message | null;
  /** What the alert line says, translated at render. */
  readonly error: Message | null;
  /** The article's headline, '' until one is found. */
  readonly headline: string;
  /** 1, or the player's position among the page's players reading an equal headline. */
  readonly headlineNumber: number;
  readonly locale: PlayerLocaleView;
  /** Where the single-key shortcuts work (the element's `shortcuts` attribute). */
  readonly shortcuts: 'player' | 'page';
  /** The reading chunk has arrived (the slider, settings and shortcuts with it). */
  readonly ready: boolean;
}

export const emptyReading: ReadingView = Object.freeze({
  article: null,
  paragraph: null,
  sentence: null,
  word: null,
  voices: [],
  pausing: false,
});

export const initialSnapshot: PlayerSnapshot = Object.freeze({
  playback: initialState,
  reading: emptyReading,
  preferences: defaultPreferences,
  ui: Object.freeze({
    settingsOpen: false,
    settingsFocus: 'first',
    shortcutsOpen: false,
    moreOpen: false,
    miniPlayer: false,
    miniPlayerClosed: false,
    scrolledAway: false,
    resumeOffer: null,
  }),
  status: null,
  error: null,
  headline: '',
  headlineNumber: 1,
  locale: Object.freeze({ ui: 'en', tag: 'en', direction: 'ltr' }),
  shortcuts: 'player',
  ready: false,
});

// ---- derived values ----------------------------------------------------------

export function paragraphCount(snapshot: PlayerSnapshot): number {
  return snapshot.playback.utteranceCounts.length;
}

/** Nothing indexed yet, or an empty article: Play, Previous and Next are disabled. */
export function hasNothingToRead(snapshot: PlayerSnapshot): boolean {
  return paragraphCount(snapshot) === 0;
}

export function isReading(snapshot: PlayerSnapshot): boolean {
  return isActive(snapshot.playback);
}

/** The captions line shows while reading or paused on a sentence. */
export function showsCaptions(snapshot: PlayerSnapshot): boolean {
  const status = snapshot.playback.status;
  return snapshot.reading.sentence !== null && (isActive(snapshot.playback) || status === 'paused');
}

/** The alert offers Retry for engine failures, not for a missing or empty article. */
export function canRetry(snapshot: PlayerSnapshot): boolean {
  const { status, error } = snapshot.playback;
  return status === 'error' && error !== 'empty';
}

/**
 * The region's accessible name: "Listen: headline", numbered when another
 * player on the page reads an equal headline, so that each name is unique.
 * `named(headline)` and `untitled()` word it in the UI's language.
 */
export function regionName(
  snapshot: PlayerSnapshot,
  named: (headline: string) => string,
  untitled: () => string,
  formatNumber: (value: number) => string,
): string {
  const name = snapshot.headline ? named(snapshot.headline) : untitled();
  return snapshot.headlineNumber > 1 ? `${name} (${formatNumber(snapshot.headlineNumber)})` : name;
}

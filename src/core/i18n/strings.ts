/**
 * Every user-visible string of the player's core, behind @lit/localize's
 * `msg()` so that translations can be dropped in without touching the
 * elements. Strings only the lazy extras show live in extras-strings.ts, so
 * that they travel in the extras' chunk, not in `aloud.js`.
 */
import { msg, str } from '@lit/localize';
import type { EngineErrorCode } from '../speech/engine.ts';
import { numberFormat } from './number-format.ts';

export function formatRate(rate: number, locale: string): string {
  return `${numberFormat(locale, { maximumFractionDigits: 2 }).format(rate)}×`;
}

export const strings = {
  region: (headline: string) => msg(str`Listen: ${headline}`),
  regionUntitled: () => msg('Listen to this article'),
  toolbar: () => msg('Player controls'),
  play: () => msg('Play'),
  pause: () => msg('Pause'),
  previous: () => msg('Previous paragraph'),
  next: () => msg('Next paragraph'),
  speed: (rate: string) => msg(str`Speed ${rate}`),
  speedLabel: () => msg('Speed'),
  fastest: (rate: string) => msg(str`Fastest speed, ${rate}`),
  slowest: (rate: string) => msg(str`Slowest speed, ${rate}`),
  more: () => msg('More'),
  settings: () => msg('Settings'),
  shortcuts: () => msg('Keyboard shortcuts'),
  starting: () => msg('Starting…'),
  playing: () => msg('Playing'),
  paused: () => msg('Paused'),
  ended: () => msg('Finished reading'),
  retry: () => msg('Retry'),
  captionsLabel: () => msg('Now reading'),
  voiceGone: () => msg('The chosen voice is no longer available; using the default voice.'),
  // The built-in voice (eSpeak-NG) taking over where the browser cannot speak.
  usingBuiltIn: () => msg('Using the built-in voice'),
  playingBuiltIn: () => msg('Playing, with the built-in voice'),
  // The browser's own voices arrived after the built-in voice stood in for them.
  usingBrowserVoice: () => msg("Using the browser's voice"),
  loadingVoice: (percent: string) => msg(str`Loading voice… ${percent}`),
  // Said once when the voice was measured to read at the same speed whatever the rate (Flite in WebKitGTK).
  rateIgnored: () => msg('This voice cannot change speed. The built-in voice, in Settings, can.'),
};

export const errors = {
  noArticle: () => msg("Can't find the article to read."),
  empty: () => msg('Nothing to read here.'),
  loadFailed: () => msg("Couldn't load the article."),
  playerFailed: () => msg("Couldn't load the player. Check your connection, then reload the page."),
  engine: (code: EngineErrorCode) => {
    switch (code) {
      case 'unavailable':
        return msg('This browser cannot speak: speech synthesis is not available.');
      case 'no-voice':
        return msg('No voice is available for this language.');
      case 'not-allowed':
        return msg('The browser blocked speech. Press Play to start.');
      case 'timeout':
        return msg('Speech stopped responding.');
      default:
        return msg('Speech failed. Your place is kept; press Retry to try again.');
    }
  },
};

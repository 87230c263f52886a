/**
 * Every user-visible string of the player, behind @lit/localize's `msg()` so
 * that translations can be dropped in without touching the elements.
 */
import { msg, str } from '@lit/localize';
import type { EngineErrorCode } from '../speech/engine.ts';

export function formatRate(rate: number, locale: string): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(rate)}×`;
}

export function formatDuration(totalSeconds: number, locale: string): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const two = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2 });
  return `${new Intl.NumberFormat(locale).format(minutes)}:${two.format(rest)}`;
}

/** Shortened for aria-valuetext: the slider should name, not recite, the paragraph. */
export function excerpt(text: string, maxWords = 8): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length <= maxWords ? words.join(' ') : `${words.slice(0, maxWords).join(' ')}…`;
}

export const strings = {
  region: (headline: string) => msg(str`Listen: ${headline}`),
  regionUntitled: () => msg('Listen to this article'),
  toolbar: () => msg('Player controls'),
  play: () => msg('Play'),
  pause: () => msg('Pause'),
  previous: () => msg('Previous paragraph'),
  next: () => msg('Next paragraph'),
  slower: () => msg('Slower'),
  faster: () => msg('Faster'),
  speed: (rate: string) => msg(str`Speed ${rate}`),
  voice: () => msg('Voice'),
  defaultVoice: () => msg('Default voice'),
  settings: () => msg('Settings'),
  shortcuts: () => msg('Keyboard shortcuts'),
  close: () => msg('Close'),
  progress: () => msg('Paragraph'),
  paragraphOf: (position: number, count: number, text: string) =>
    msg(str`Paragraph ${position} of ${count}: ${text}`),
  elapsed: (time: string) => msg(str`Elapsed ${time}`),
  remaining: (time: string) => msg(str`Remaining ${time}`),
  starting: () => msg('Starting…'),
  playing: () => msg('Playing'),
  paused: () => msg('Paused'),
  ended: () => msg('Finished reading'),
  readCaptions: () => msg('Read image captions'),
  highlight: () => msg('Highlight the words being read'),
  followAlong: () => msg('Scroll to follow the reading'),
  pageShortcuts: () => msg('Keyboard shortcuts work anywhere on the page'),
  backToCurrent: () => msg('Back to current paragraph'),
  resumeFrom: (position: number) => msg(str`Resume from paragraph ${position}`),
  startOver: () => msg('Start from the beginning'),
  retry: () => msg('Retry'),
  captionsLabel: () => msg('Now reading'),
  listenFromHere: () => msg('Listen from here'),
  voiceGone: () => msg('The chosen voice is no longer available; using the default voice.'),
  shortcutsHint: () => msg('Shortcuts work while focus is in the player.'),
  shortcutsPageHint: () => msg('Shortcuts work anywhere on this page unless turned off in Settings.'),
};

export const errors = {
  noArticle: () => msg("Can't find the article to read."),
  empty: () => msg('Nothing to read here.'),
  loadFailed: () => msg("Couldn't load the article."),
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

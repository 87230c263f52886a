/**
 * The strings only the player's lazy extras show (settings, the slider, the
 * shortcuts dialog; see elements/aloud-player/extras-api.ts). A module of
 * their own so the bundler puts them in the extras' chunk; the core's are in
 * strings.ts. Same `msg()` rules: ids are hashes of the text, so moving a
 * string between the two files keeps its translations.
 */
import { msg, str } from '@lit/localize';
import { formatNumber } from './localize.ts';
import { numberFormat } from './number-format.ts';

export function formatDuration(totalSeconds: number, locale: string): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const two = numberFormat(locale, { minimumIntegerDigits: 2 });
  return `${numberFormat(locale).format(minutes)}:${two.format(rest)}`;
}

/** Shortened for aria-valuetext: the slider should name, not recite, the paragraph. */
export function excerpt(text: string, maxWords = 8): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length <= maxWords ? words.join(' ') : `${words.slice(0, maxWords).join(' ')}…`;
}

export const extraStrings = {
  voice: () => msg('Voice'),
  defaultVoice: () => msg('Default voice'),
  // The voice picker (voice-picker.ts): other languages' voices only on request.
  showAllLanguages: (count: string) => msg(str`Show all languages (${count} more voices)`),
  close: () => msg('Close'),
  progress: () => msg('Paragraph'),
  paragraphOf: (position: number, count: number, text: string) =>
    msg(str`Paragraph ${formatNumber(position)} of ${formatNumber(count)}: ${text}`),
  elapsed: (time: string) => msg(str`Elapsed ${time}`),
  remaining: (time: string) => msg(str`Remaining ${time}`),
  readCaptions: () => msg('Read image captions'),
  highlight: () => msg('Highlight the words being read'),
  followAlong: () => msg('Scroll to follow the reading'),
  pageShortcuts: () => msg('Keyboard shortcuts work anywhere on the page'),
  backToCurrent: () => msg('Back to current paragraph'),
  miniPlayer: () => msg('Now playing'),
  closeMiniPlayer: () => msg('Close the mini player'),
  resumeFrom: (position: number) => msg(str`Resume from paragraph ${formatNumber(position)}`),
  shortcutsHint: () => msg('Shortcuts work while focus is in the player.'),
  shortcutsPageHint: () => msg('Shortcuts work anywhere on this page unless turned off in Settings.'),
  // "Download audio": the article rendered by the built-in voice (download-audio.ts).
  downloadAudio: () => msg('Download audio'),
  downloadHint: () => msg('The whole article as a WAV file read by the built-in voice, with WebVTT captions.'),
  preparingAudio: () => msg('Preparing audio…'),
  cancelDownload: () => msg('Cancel download'),
  downloadCancelled: () => msg('Download cancelled.'),
  audioReady: () => msg('Audio ready to save.'),
  saveAudio: (size: string) => msg(str`Save audio (WAV, ${size})`),
  saveCaptions: () => msg('Save captions (WebVTT)'),
  downloadFailed: () => msg("Couldn't prepare the audio."),
  // An article that arrives or changes after the page loads (article-watcher.ts).
  articleWaiting: () => msg('Waiting for the article to load…'),
  articleReplaced: () => msg('The page changed, so reading stopped. Press Play to read the new article.'),
};

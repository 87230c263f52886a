/**
 * Status and error messages as descriptors: a key plus its arguments, kept in
 * the player's store and translated only when rendered. A message shown
 * before a translation arrives is therefore shown again in the right
 * language without anyone re-producing it.
 */
import type { EngineErrorCode } from '../speech/engine.ts';
import { errors, formatRate, strings } from './strings.ts';

export type Message =
  | {
      readonly key:
        | 'starting'
        | 'playing'
        | 'paused'
        | 'ended'
        | 'voiceGone'
        | 'usingBuiltIn'
        | 'playingBuiltIn'
        | 'rateIgnored'
        | 'usingBrowserVoice'
        | 'noArticle'
        | 'empty'
        | 'loadFailed'
        | 'playerFailed';
    }
  /** `rate`: the playback rate, 0.5–3. */
  | { readonly key: 'speed'; readonly rate: number }
  /** Faster at the fastest speed (or slower at the slowest): nothing changes, and the listener hears why. */
  | { readonly key: 'speedLimit'; readonly rate: number; readonly fastest: boolean }
  /** `progress`: 0–1, shown in whole tens of percent. */
  | { readonly key: 'loadingVoice'; readonly progress: number }
  | { readonly key: 'engine'; readonly code: EngineErrorCode }
  /** A message of the lazy chunk's own (its strings travel with it): see `registerLateMessages`. */
  | { readonly key: 'late'; readonly id: string; readonly args?: readonly (string | number)[] };

type LateWords = (...args: never[]) => string;
const lateMessages = new Map<string, LateWords>();

/** The lazy chunk registers the words of its `late` messages here, by id. */
export function registerLateMessages(words: Readonly<Record<string, LateWords>>): void {
  for (const [id, text] of Object.entries(words)) lateMessages.set(id, text);
}

/**
 * The message in words. Call inside the player's locale (`inLocale`), so that
 * `msg()` answers in its language; `locale` formats the numbers.
 */
export function messageText(message: Message, locale: string): string {
  switch (message.key) {
    case 'speed':
      return strings.speed(formatRate(message.rate, locale));
    case 'speedLimit':
      return (message.fastest ? strings.fastest : strings.slowest)(formatRate(message.rate, locale));
    case 'loadingVoice': {
      const tens = Math.floor(message.progress * 10) / 10;
      return strings.loadingVoice(new Intl.NumberFormat(locale, { style: 'percent' }).format(tens));
    }
    case 'engine':
      return errors.engine(message.code);
    case 'late':
      return (
        (lateMessages.get(message.id) as ((...args: readonly (string | number)[]) => string) | undefined)?.(
          ...(message.args ?? []),
        ) ?? ''
      );
    case 'noArticle':
    case 'empty':
    case 'loadFailed':
    case 'playerFailed':
      return errors[message.key]();
    default:
      return strings[message.key]();
  }
}

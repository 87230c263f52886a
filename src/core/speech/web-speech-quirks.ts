/**
 * What a platform's `speechSynthesis` is known to get wrong, read from the
 * user agent. Pure, so the table is tested without a browser.
 *
 * - `pause: 'native'` uses `speechSynthesis.pause()`/`resume()`, still
 *   checked at run time (a pause the engine does not confirm becomes a
 *   cancel). `'cancel'` never calls them: pause cancels and remembers the
 *   place, resume speaks again from there.
 * - `cancelDropsSpeak`: a `speak()` right after `cancel()` may be dropped.
 *
 * Sources: Android's `pause()` is a `cancel()` (mdn/browser-compat-data#4500).
 * On Linux both Chromium and Firefox speak through speech-dispatcher, whose
 * pause does not hold (brailcom/speechd#813; measured with Chromium: the
 * sound runs on about 2.5 s and resume never speaks again; Firefox ignores
 * `pause()` altogether), and which drops a `speak()` that follows `cancel()`
 * (votingworks/bmd#1106).
 */

export type PauseStrategy = 'native' | 'cancel';

export interface WebSpeechQuirks {
  readonly pause: PauseStrategy;
  readonly cancelDropsSpeak: boolean;
}

export function quirksFor(userAgent: string): WebSpeechQuirks {
  if (/\bAndroid\b/i.test(userAgent)) return { pause: 'cancel', cancelDropsSpeak: false };
  // Desktop Linux (not ChromeOS, whose speech service is Chrome's own).
  if (/\bLinux\b/.test(userAgent) && !/\bCrOS\b/.test(userAgent)) return { pause: 'cancel', cancelDropsSpeak: true };
  return { pause: 'native', cancelDropsSpeak: false };
}

export function currentQuirks(): WebSpeechQuirks {
  return quirksFor(globalThis.navigator?.userAgent ?? '');
}

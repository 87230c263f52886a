/**
 * Putting the polyfill on `window`, for pages that use `speechSynthesis`
 * as browsers provide it.
 */
import { SpeechSynthesisErrorEvent, SpeechSynthesisEvent } from './events.ts';
import type { SpeechSynthesis } from './synthesis.ts';
import { SpeechSynthesisUtterance } from './utterance.ts';
import { SpeechSynthesisVoice } from './voice.ts';

export type InstallWhen = 'missing' | 'no-voices' | 'always';

export interface InstallResult {
  /** Whether `window` now has the polyfill's `speechSynthesis` and interfaces. */
  readonly installed: boolean;
  /**
   * Why: `missing` (the browser has no `speechSynthesis`), `no-voices` (it
   * lists no voices), `always` (asked to), or `native` (the browser's kept).
   */
  readonly reason: 'missing' | 'no-voices' | 'always' | 'native';
}

/** Chromium's voices arrive 1.5–1.9 s after load with speech-dispatcher; none at all without it. */
export const NO_VOICES_TIMEOUT_MS = 2000;
/** After a `voiceschanged` with an empty list, how long more to wait for voices. */
const AFTER_CHANGE_MS = 300;

interface SpeechWindow {
  speechSynthesis?: { getVoices(): unknown[] } & EventTarget;
}

function nativeSynthesis(target: object): (EventTarget & { getVoices(): unknown[] }) | null {
  try {
    const native = (target as SpeechWindow).speechSynthesis;
    return native && typeof native.getVoices === 'function' ? native : null;
  } catch {
    return null;
  }
}

/** Defines all six names together: the page's utterances must be ours for our queue to speak them. */
export function defineOn(target: object, speechSynthesis: SpeechSynthesis): void {
  const names: Record<string, unknown> = {
    speechSynthesis,
    SpeechSynthesis: speechSynthesis.constructor,
    SpeechSynthesisUtterance,
    SpeechSynthesisVoice,
    SpeechSynthesisEvent,
    SpeechSynthesisErrorEvent,
  };
  for (const [name, value] of Object.entries(names))
    Object.defineProperty(target, name, { configurable: true, writable: true, enumerable: false, value });
}

/** Resolves with whether the browser lists voices, after `voiceschanged` (plus a little) or `timeoutMs`. */
export function nativeHasVoices(
  native: EventTarget & { getVoices(): unknown[] },
  timeoutMs = NO_VOICES_TIMEOUT_MS,
): Promise<boolean> {
  if (native.getVoices().length > 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    let timer = setTimeout(done, timeoutMs);
    const started = performance.now();
    function done(): void {
      clearTimeout(timer);
      native.removeEventListener('voiceschanged', changed);
      resolve(native.getVoices().length > 0);
    }
    function changed(): void {
      if (native.getVoices().length > 0) return done();
      clearTimeout(timer);
      timer = setTimeout(done, Math.min(AFTER_CHANGE_MS, Math.max(0, timeoutMs - (performance.now() - started))));
    }
    native.addEventListener('voiceschanged', changed);
  });
}

export function installOn(
  target: object,
  speechSynthesis: SpeechSynthesis,
  when: InstallWhen,
  timeoutMs?: number,
): InstallResult | Promise<InstallResult> {
  const native = nativeSynthesis(target);
  const install = (reason: InstallResult['reason']): InstallResult => {
    defineOn(target, speechSynthesis);
    return { installed: true, reason };
  };
  if (!native) return install('missing');
  if (when === 'always') return install('always');
  if (when !== 'no-voices') return { installed: false, reason: 'native' };
  return nativeHasVoices(native, timeoutMs).then((has) =>
    has ? { installed: false, reason: 'native' } : install('no-voices'),
  );
}

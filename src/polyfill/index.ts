/**
 * The Web Speech API's synthesis half, spoken by Aloud's built-in eSpeak-NG
 * voice, for pages whose browser has no voices (or no `speechSynthesis`).
 * This module is MIT licensed and loads nothing until the first `speak()`;
 * then it fetches the engine's chunk, the eSpeak-NG worker and the voice data,
 * which are separate GPL-3.0 files (README, "The Web Speech polyfill").
 *
 *     import { install } from 'aloud/polyfill';
 *     install();
 *     speechSynthesis.speak(new SpeechSynthesisUtterance('Hello'));
 */
import { createSpeechSynthesis } from './create-speech-synthesis.ts';
import { installOn, type InstallResult, type InstallWhen } from './install.ts';
import type { SpeechSynthesis } from './synthesis.ts';

export { SpeechSynthesis } from './synthesis.ts';
export { SpeechSynthesisUtterance } from './utterance.ts';
export { SpeechSynthesisVoice } from './voice.ts';
export { SpeechSynthesisErrorEvent, SpeechSynthesisEvent } from './events.ts';
export type { SpeechSynthesisErrorCode, SpeechSynthesisErrorEventInit, SpeechSynthesisEventInit } from './events.ts';
export type { BackendSink, BackendUtterance, SpeechBackend } from './backend.ts';
export type { VoiceDescription } from './voice.ts';
export type { InstallResult, InstallWhen } from './install.ts';

export { createSpeechSynthesis, type CreateOptions } from './create-speech-synthesis.ts';

/** The polyfill's instance: what `install()` puts on `window`. */
export const speechSynthesis: SpeechSynthesis = createSpeechSynthesis();

export interface InstallOptions {
  /**
   * `missing` (default): only where the browser has no `speechSynthesis`;
   * `no-voices`: also where it lists no voices after `voiceschanged` and a
   * short wait (`timeoutMs`, 2 s by default; the result is then a Promise);
   * `always`: in every case.
   */
  readonly when?: InstallWhen;
  readonly timeoutMs?: number;
}

/**
 * Puts `speechSynthesis` and the five interfaces on `window` (all six
 * together, or none) and says what it did. Never throws.
 */
export function install(options?: { readonly when?: 'missing' | 'always' }): InstallResult;
export function install(options: { readonly when: 'no-voices'; readonly timeoutMs?: number }): Promise<InstallResult>;
export function install(options: InstallOptions = {}): InstallResult | Promise<InstallResult> {
  return installOn(globalThis, speechSynthesis, options.when ?? 'missing', options.timeoutMs);
}

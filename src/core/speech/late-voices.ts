/**
 * The browser's voices while the built-in voice stands in for them. Voices
 * arrive late (1.7–6.5 s after load with speech-dispatcher, sometimes more)
 * and some engines never fire `voiceschanged` (electron#22844), so "no
 * voices" is never final: the list is polled while the stand-in speaks, and
 * `backFor()` says when the browser should speak again.
 */
import type { EngineVoice, SpeakRequest } from './engine.ts';
import { speaksLanguage } from './voice-match.ts';

/** How often the list is read while the built-in voice is in use (ms). */
export const LATE_VOICES_POLL_MS = 1000;

export class LateVoices {
  /** The switch happened while the browser had no voice for the language: its voices may still come. */
  #withoutVoices = false;
  #poll: ReturnType<typeof setInterval> | undefined;

  readonly #read: () => readonly EngineVoice[];
  readonly #pollMs: number;
  /** `read` returns the browser's voices now; reading is what notices new ones. */
  constructor(read: () => readonly EngineVoice[], pollMs = LATE_VOICES_POLL_MS) {
    this.#read = read;
    this.#pollMs = pollMs;
  }

  /** The built-in voice took over for `lang` text: note why, and keep reading the list. */
  watch(lang: string): void {
    this.#withoutVoices = !this.#read().some((voice) => speaksLanguage(voice, lang));
    this.#poll ??= setInterval(() => this.#read(), this.#pollMs);
  }

  /**
   * Whether `request` should go to the browser again: the listener chose one
   * of its voices, or voices for the language arrived since a switch made
   * for want of them. (After failures with voices present, only the listener's choice brings it back.)
   */
  backFor(request: SpeakRequest): boolean {
    const voices = this.#read();
    if (request.voiceChosen && voices.some((voice) => voice.id === request.voiceId)) return true;
    return this.#withoutVoices && voices.some((voice) => speaksLanguage(voice, request.lang));
  }

  stop(): void {
    if (this.#poll !== undefined) clearInterval(this.#poll);
    this.#poll = undefined;
  }

  dispose(): void {
    this.stop();
  }
}

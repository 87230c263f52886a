/**
 * The built-in voice as the player reaches the browser's: a standard
 * `SpeechSynthesis` (the polyfill's, over the eSpeak-NG engine) behind the
 * same Web Speech adapter. The fallback swaps which `speechSynthesis` object
 * the adapter drives; there is one engine path. A future engine (a neural or
 * a cloud voice) plugs in the same way, as another polyfill backend.
 */
import type { SpeechEngine } from './engine.ts';
import { loadBuiltInEngine } from './builtin/load.ts';
import { WebSpeechEngine } from './web-speech-engine.ts';

/**
 * Downloads the engine first (reporting `onProgress` 0–1, as the status line
 * shows it), so that the polyfill's first `speak()` finds it loaded. Rejects
 * if it cannot load.
 */
export async function loadBuiltInSpeech(onProgress: (fraction: number) => void): Promise<SpeechEngine> {
  await loadBuiltInEngine(onProgress);
  const { createSpeechSynthesis, SpeechSynthesisUtterance } = await import('../../polyfill/create-speech-synthesis.ts');
  return new WebSpeechEngine({
    // The polyfill implements the interface; TypeScript's DOM types name the browser's classes.
    synth: createSpeechSynthesis() as unknown as SpeechSynthesis,
    utterance: SpeechSynthesisUtterance as unknown as typeof globalThis.SpeechSynthesisUtterance,
    // Like the engine it wraps, it stops with the page; no listener per player to leak.
    window: null,
    // The built-in voice reports its own failures; the browser's 2 s wedge watchdog would cut
    // off a first sentence that a slow device is still synthesising (eSpeak sets up its voice
    // on first use), so only a much longer silence counts as stuck here.
    watchdogStartMs: 30_000,
    // Never paused by cancelling: its pause is exact (the AudioContext is suspended).
    pause: 'native',
  });
}

/**
 * One AudioContext for the page, created on demand. Kept out of the lazy
 * chunk so that it can be created synchronously inside the click that asks
 * for speech: Safari and iOS start an AudioContext only in a user gesture,
 * and the engine itself arrives a few hundred milliseconds later.
 */
let context: AudioContext | null = null;

export const ESPEAK_SAMPLE_RATE = 22050;

export function sharedAudioContext(): AudioContext | null {
  if (!context && typeof AudioContext !== 'undefined') {
    // eSpeak-NG's own rate: buffers queued back to back then join sample for
    // sample, with no per-buffer resampling that could click at the seams.
    for (const options of [{ sampleRate: ESPEAK_SAMPLE_RATE }, {}]) {
      try {
        context = new AudioContext(options);
        break;
      } catch {
        // A rate the browser refuses: try its own. Refused both ways (too many
        // contexts, audio off by policy): the engine reports "unavailable".
      }
    }
  }
  return context;
}

/** Call inside a user gesture: resuming there is what unlocks audio. */
export function unlockAudio(): void {
  const audio = sharedAudioContext();
  if (audio?.state === 'suspended') void audio.resume().catch(() => undefined);
}

/**
 * Silence at the edges of eSpeak-NG's audio, measured from the PCM: the
 * voice already leaves a little before and after each sentence (0–150 ms),
 * so a pause is topped up to its target rather than added on top.
 */

/** Samples quieter than this (of 32,768) count as silence: well under breath noise. */
const THRESHOLD = 300;

/** Silent samples at the start of `pcm`. */
export function leadingSilence(pcm: Int16Array): number {
  let index = 0;
  while (index < pcm.length && Math.abs(pcm[index] ?? 0) < THRESHOLD) index++;
  return index;
}

/** Silent samples at the end of `pcm`. */
export function trailingSilence(pcm: Int16Array): number {
  let index = pcm.length;
  while (index > 0 && Math.abs(pcm[index - 1] ?? 0) < THRESHOLD) index--;
  return pcm.length - index;
}

/**
 * Zero samples to insert so that the silence between two utterances is
 * `pauseMs`, given the silence already at the end of the first (`tail`)
 * and the start of the second (`head`), in samples.
 */
export function pauseSamples(pauseMs: number, sampleRate: number, tail: number, head: number): number {
  return Math.max(0, Math.round((pauseMs / 1000) * sampleRate) - tail - head);
}

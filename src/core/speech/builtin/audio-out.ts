/**
 * PCM out through Web Audio: one AudioBufferSourceNode per sentence, queued
 * back to back on the AudioContext clock. Suspending the context stops that
 * clock, which is what makes pause and resume exact, and the same clock
 * times the engine's start, boundary and end events.
 */
import { sharedAudioContext } from './audio-context.ts';

/**
 * Scheduling a buffer for "now" can land a few ms in the past by the time
 * the audio thread sees it, clipping its start; this much lead avoids that.
 */
const LEAD_SECONDS = 0.02;

export class AudioOut {
  readonly #context: AudioContext;
  readonly #gain: GainNode;
  readonly #sources = new Set<AudioBufferSourceNode>();
  /** When the queued audio runs out, in context time. */
  #queueEnd = 0;

  /** Throws where Web Audio is missing or refused: the engine reports `unavailable`. */
  constructor() {
    const context = sharedAudioContext();
    if (!context) throw new Error('Web Audio is not available');
    this.#context = context;
    this.#gain = context.createGain();
    this.#gain.connect(context.destination);
  }

  get now(): number {
    return this.#context.currentTime;
  }

  get running(): boolean {
    return this.#context.state === 'running';
  }

  set volume(volume: number) {
    this.#gain.gain.value = Math.min(1, Math.max(0, volume));
  }

  /** Queues `pcm` right after what is queued; returns its place on the clock. */
  enqueue(pcm: Int16Array, sampleRate: number): { start: number; end: number } {
    const start = Math.max(this.#queueEnd, this.#context.currentTime + LEAD_SECONDS);
    const end = start + pcm.length / sampleRate;
    this.#queueEnd = end;
    if (pcm.length === 0) return { start, end };
    const buffer = this.#context.createBuffer(1, pcm.length, sampleRate);
    const samples = buffer.getChannelData(0);
    for (let index = 0; index < pcm.length; index++) samples[index] = (pcm[index] ?? 0) / 32768;
    const source = this.#context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.#gain);
    source.addEventListener('ended', () => {
      source.disconnect();
      this.#sources.delete(source);
    });
    this.#sources.add(source);
    source.start(start);
    return { start, end };
  }

  /** Silences everything queued at once. */
  stop(): void {
    for (const source of this.#sources) {
      try {
        source.stop();
      } catch {
        // Already stopped: nothing to do.
      }
      source.disconnect();
    }
    this.#sources.clear();
    this.#queueEnd = 0;
  }

  suspend(): void {
    void this.#context.suspend().catch(() => undefined);
  }

  resume(): void {
    if (this.#context.state !== 'running') void this.#context.resume().catch(() => undefined);
  }
}

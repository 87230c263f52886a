/**
 * Records what PulseAudio's null sink plays, through its monitor source, as
 * loudness over time: the test's ears. A null sink plays in real time, so
 * "silent from this moment" here is what a listener would hear.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { NULL_SINK } from './services.ts';

const SAMPLE_RATE = 16_000;
/** Loudness is judged per 20 ms window. */
const WINDOW = SAMPLE_RATE / 50;
/**
 * Above this RMS (of 32768) a window counts as sound. The null sink's silence
 * is digital zero; quiet speech measured here stays well above 300.
 */
const SOUND_RMS = 100;

export interface Window {
  /** `performance.now()` at the window's end, in ms. */
  readonly at: number;
  readonly rms: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SinkRecorder {
  readonly windows: Window[] = [];
  readonly #child: ChildProcess;
  #pending = Buffer.alloc(0);

  constructor(env: NodeJS.ProcessEnv) {
    this.#child = spawn(
      'parec',
      [
        `--device=${NULL_SINK}.monitor`,
        '--raw',
        '--format=s16le',
        `--rate=${SAMPLE_RATE}`,
        '--channels=1',
        // Small fragments: chunks arrive as they are played, not a second late.
        '--latency-msec=10',
      ],
      { env, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    this.#child.stdout?.on('data', (chunk: Buffer) => this.#onData(chunk));
  }

  /** The first moment after `from` with sound, or throws after `timeoutMs`. */
  async soundAfter(from: number, timeoutMs: number): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = this.windows.find((window) => window.at > from && window.rms > SOUND_RMS);
      if (found) return found.at;
      if (performance.now() > deadline) throw new Error(`no sound on the sink within ${timeoutMs} ms`);
      await sleep(20);
    }
  }

  /**
   * The start of the first silence after `from` that lasts at least `holdMs`
   * (speech has shorter gaps of its own), or throws after `timeoutMs`.
   */
  async silenceAfter(from: number, holdMs: number, timeoutMs: number): Promise<number> {
    const deadline = performance.now() + timeoutMs + holdMs;
    for (;;) {
      let quietSince: number | null = null;
      let previous = from;
      for (const window of this.windows) {
        if (window.at <= from) continue;
        if (window.rms > SOUND_RMS) quietSince = null;
        else quietSince ??= previous;
        previous = window.at;
        if (quietSince !== null && window.at - quietSince >= holdMs) return quietSince;
      }
      if (performance.now() > deadline) throw new Error(`the sink never went quiet for ${holdMs} ms`);
      await sleep(20);
    }
  }

  /** Milliseconds of sound heard between `from` and `to`. */
  soundBetween(from: number, to: number): number {
    return this.windows.filter((window) => window.at > from && window.at <= to && window.rms > SOUND_RMS).length * 20;
  }

  stop(): void {
    this.#child.kill('SIGTERM');
  }

  #onData(chunk: Buffer): void {
    const now = performance.now();
    const data = Buffer.concat([this.#pending, chunk]);
    const bytes = WINDOW * 2;
    const count = Math.floor(data.length / bytes);
    for (let index = 0; index < count; index++) {
      let sum = 0;
      for (let offset = index * bytes; offset < (index + 1) * bytes; offset += 2) {
        const sample = data.readInt16LE(offset);
        sum += sample * sample;
      }
      // The last window ended about now; earlier ones 20 ms apart before it.
      const at = now - (count - 1 - index) * 20 - ((data.length - count * bytes) / 2 / SAMPLE_RATE) * 1000;
      this.windows.push({ at, rms: Math.sqrt(sum / WINDOW) });
    }
    this.#pending = data.subarray(count * bytes);
  }
}

/**
 * What is really heard: the PulseAudio null sink's monitor, recorded with
 * `parec` at 8 kHz mono, as loudness (RMS) over 20 ms windows stamped with
 * the wall clock (`Date.now()`), so tests compare sound with key presses.
 */
import { spawn, type ChildProcess } from 'node:child_process';

const RATE = 8000;
const WINDOW = 160; // 20 ms
/** RMS (of 16-bit samples) above this is sound; eSpeak speech is in the thousands, silence 0. */
export const SOUND_RMS = 200;

export interface Window20 {
  /** Wall-clock time (ms) at the window's end. */
  readonly at: number;
  readonly rms: number;
}

export class AudioTap {
  readonly windows: Window20[] = [];
  readonly #process: ChildProcess;
  #pending: number[] = [];

  private constructor(env: NodeJS.ProcessEnv) {
    this.#process = spawn(
      'parec',
      [
        '-d',
        'auto_null.monitor',
        '--rate',
        String(RATE),
        '--channels',
        '1',
        '--format',
        's16le',
        '--latency-msec',
        '20',
      ],
      { env, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    let odd: Buffer | null = null;
    this.#process.stdout?.on('data', (data: Buffer) => {
      const arrived = Date.now();
      const bytes: Buffer = odd ? Buffer.concat([odd, data]) : data;
      odd = bytes.length % 2 ? bytes.subarray(bytes.length - 1) : null;
      const count = Math.floor(bytes.length / 2);
      const samples = this.#pending;
      const firstNew = samples.length;
      for (let index = 0; index < count; index++) samples.push(bytes.readInt16LE(index * 2));
      let start = 0;
      const total = samples.length;
      while (total - start >= WINDOW) {
        let sum = 0;
        for (let index = start; index < start + WINDOW; index++) sum += (samples[index] ?? 0) ** 2;
        // The chunk's last sample arrived now; earlier windows ended earlier.
        const endOffset = start + WINDOW - firstNew;
        const at = arrived - ((count - endOffset) / RATE) * 1000;
        this.windows.push({ at, rms: Math.sqrt(sum / WINDOW) });
        start += WINDOW;
      }
      this.#pending = samples.slice(start);
    });
  }

  /** Starts recording; resolves once samples flow (parec takes about 2 s to begin). */
  static async start(env: NodeJS.ProcessEnv): Promise<AudioTap> {
    const tap = new AudioTap(env);
    const deadline = Date.now() + 8000;
    while (tap.windows.length < 5) {
      if (Date.now() > deadline) throw new Error('parec gave no samples from auto_null.monitor');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return tap;
  }

  /** Whether any window in [from, to) had sound. */
  soundBetween(from: number, to: number): boolean {
    return this.windows.some((window) => window.at >= from && window.at < to && window.rms > SOUND_RMS);
  }

  /** The first window at or after `from` that has sound (its time), or null. */
  firstSoundAfter(from: number): number | null {
    return this.windows.find((window) => window.at >= from && window.rms > SOUND_RMS)?.at ?? null;
  }

  /** The last window with sound before `to` (its time), or null. */
  lastSoundBefore(to: number): number | null {
    return this.windows.findLast((window) => window.at < to && window.rms > SOUND_RMS)?.at ?? null;
  }

  /** Total milliseconds with sound in [from, to). */
  soundMs(from: number, to: number): number {
    return this.windows.filter((window) => window.at >= from && window.at < to && window.rms > SOUND_RMS).length * 20;
  }

  stop(): void {
    this.#process.kill();
  }
}

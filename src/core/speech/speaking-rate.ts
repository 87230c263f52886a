/**
 * How fast a voice really speaks, learned from the utterances it finished,
 * for two uses:
 *
 * - the end watchdog's deadline: how long an utterance may take before the
 *   engine is taken to be stuck (Chromium with speech-dispatcher and no sound
 *   server fires `start` and never `end`). It must not assume that the
 *   requested rate is honoured: WebKitGTK's Flite voices take the same time
 *   at rate 1 and rate 3, and a deadline divided by 3 cut normal sentences
 *   off as "timeouts";
 * - telling the listener when a voice ignores the rate, so the speed control
 *   does not silently do nothing.
 *
 * Pure: times come in as numbers. One instance per engine; voices are kept
 * apart by a key the engine chooses (its voice id, or the language for the
 * browser's default voice).
 */

/** One finished utterance: the rate asked for, its length, and the time from `start` to `end`. */
export interface SpeakingSample {
  /** The requested rate (1 = normal). */
  readonly rate: number;
  /** UTF-16 length of the text spoken. */
  readonly characters: number;
  /** Seconds between the utterance's `start` and `end`, pauses excluded. */
  readonly seconds: number;
}

export interface DeadlineOptions {
  /** Before anything was measured: allow this many ms per character (at rate 1 or faster). Default 200. */
  readonly unmeasuredMsPerCharacter?: number;
  /** Never give an utterance less than this many ms. Default 8000. */
  readonly minimumMs?: number;
  /** Once measured, allow this many times the slowest measured pace. Default 3. */
  readonly margin?: number;
}

/** Samples kept per voice: recent enough to follow a change of voice settings. */
const KEPT = 24;
/** Shorter utterances are mostly the engine's fixed start-up time, which says nothing of the rate. */
const MIN_CHARACTERS = 20;
const MIN_SECONDS = 0.3;
/** Two rates this far apart are needed to tell an ignored rate from noise. */
const MIN_RATE_RATIO = 1.4;
/**
 * An ignored rate shows as less than this share of the requested speed-up.
 * Flite measured 0 %; voices that honour the rate, even capped or mapped
 * non-linearly (speech-dispatcher), give well over half.
 */
const IGNORED_SHARE = 0.25;

export class SpeakingRate {
  readonly #samples = new Map<string, SpeakingSample[]>();
  readonly #ignored = new Set<string>();

  /**
   * Records a finished utterance of `voice`. Returns true exactly once per
   * voice: when this sample first shows that the voice ignores the rate.
   */
  record(voice: string, sample: SpeakingSample): boolean {
    if (!(sample.seconds > 0) || !(sample.characters > 0) || !(sample.rate > 0)) return false;
    const samples = this.#samples.get(voice) ?? [];
    samples.push(sample);
    if (samples.length > KEPT) samples.shift();
    this.#samples.set(voice, samples);
    if (this.#ignored.has(voice) || !ignoresRate(samples)) return false;
    this.#ignored.add(voice);
    return true;
  }

  /** Whether `voice` was measured to speak at the same speed whatever the rate. */
  ignoresRate(voice: string): boolean {
    return this.#ignored.has(voice);
  }

  /**
   * How long an utterance of `characters` at `rate` may take from `start` to
   * `end`, in ms. Measured speeds count as they are when the rate goes up
   * (the voice may ignore it) and scaled when it goes down (it may honour it).
   */
  deadlineMs(voice: string, rate: number, characters: number, options: DeadlineOptions = {}): number {
    const { unmeasuredMsPerCharacter = 200, minimumMs = 8000, margin = 3 } = options;
    const samples = this.#samples.get(voice) ?? [];
    let msPerCharacter = samples.length === 0 ? unmeasuredMsPerCharacter / Math.min(1, rate) : 0;
    for (const sample of samples) {
      const measured = (sample.seconds * 1000) / sample.characters;
      msPerCharacter = Math.max(msPerCharacter, measured * Math.max(1, sample.rate / rate));
    }
    return Math.max(minimumMs, characters * msPerCharacter * (samples.length > 0 ? margin : 1));
  }
}

/** Characters per second at the slowest and the fastest rate heard, compared with the rates asked for. */
function ignoresRate(samples: readonly SpeakingSample[]): boolean {
  const usable = samples.filter((sample) => sample.characters >= MIN_CHARACTERS && sample.seconds >= MIN_SECONDS);
  if (usable.length < 2) return false;
  const rates = usable.map((sample) => sample.rate);
  const slow = Math.min(...rates);
  const fast = Math.max(...rates);
  if (fast / slow < MIN_RATE_RATIO) return false;
  const speed = (rate: number): number => {
    const at = usable.filter((sample) => sample.rate === rate);
    return at.reduce((sum, sample) => sum + sample.characters, 0) / at.reduce((sum, sample) => sum + sample.seconds, 0);
  };
  const requested = fast / slow - 1;
  const heard = speed(fast) / speed(slow) - 1;
  return heard < requested * IGNORED_SHARE;
}

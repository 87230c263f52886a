/**
 * `SpeechSynthesis`: the specification's queue, over any `SpeechBackend`.
 *
 * - `speak` appends; the head of the queue is spoken unless paused.
 * - `pending`: some queued utterance has not started; `speaking`: one has
 *   started and not finished (whether paused or not); `paused`: the
 *   instance is paused, queue or no queue.
 * - `cancel` empties the queue: the utterance being heard gets an `error`
 *   event with `interrupted`, every other one `canceled`; `paused` stays.
 * - `pause`/`resume` hold and continue the utterance being heard, which gets
 *   `pause` and `resume` events.
 * - Events on each utterance come in the specification's order: `start`,
 *   then `boundary` (word and sentence) and `mark` (SSML `<mark>`) as the
 *   words are heard, then `end` (or `error`). `elapsedTime` is in seconds
 *   since `start`, not counting time paused (the specification says seconds;
 *   Chromium reports milliseconds).
 * - Outside user activation, where the backend cannot make sound yet, the
 *   utterance gets `error` with `not-allowed` and is not queued, as Chromium
 *   does (the specification defines the code and leaves the policy to the
 *   user agent; Firefox and desktop Safari queue it).
 */
import type { BackendSink, BackendUtterance, SpeechBackend } from './backend.ts';
import { SpeechSynthesisErrorEvent, SpeechSynthesisEvent, type SpeechSynthesisErrorCode } from './events.ts';
import { brand, CONSTRUCTING, defineEventHandlers, illegalConstructor } from './idl.ts';
import { isSsml, parseSsml, type SsmlText } from './ssml.ts';
import { SpeechSynthesisUtterance } from './utterance.ts';
import { createVoice, type SpeechSynthesisVoice } from './voice.ts';

interface Entry {
  readonly utterance: SpeechSynthesisUtterance;
  ssml: SsmlText | null;
  started: boolean;
  /** performance.now() at `start`. */
  startedAt: number;
  /** performance.now() when paused mid-utterance, else null. */
  pausedAt: number | null;
  pausedMs: number;
  /** Index of the next SSML mark to fire. */
  nextMark: number;
}

/** The specification: "The SpeechSynthesis object takes exclusive ownership of the utterance." */
const owners = new WeakMap<SpeechSynthesisUtterance, SpeechSynthesis>();

function queueTask(task: () => void): void {
  setTimeout(task, 0);
}

export class SpeechSynthesis extends EventTarget {
  /** An accessor on the prototype (defineEventHandlers below). */
  declare onvoiceschanged: ((event: Event) => unknown) | null;
  readonly #backend: SpeechBackend;
  readonly #queue: Entry[] = [];
  /** The entry handed to the backend: the head of the queue once it is being spoken. */
  #current: Entry | null = null;
  #paused = false;
  #voices: readonly SpeechSynthesisVoice[] | null = null;

  /** @internal Pages get an instance from `createSpeechSynthesis()`, as `new SpeechSynthesis()` throws in browsers. */
  constructor(token?: unknown, backend?: SpeechBackend) {
    if (token !== CONSTRUCTING || !backend) throw illegalConstructor();
    super();
    this.#backend = backend;
  }

  get pending(): boolean {
    return this.#queue.some((entry) => !entry.started);
  }

  get speaking(): boolean {
    return this.#queue.some((entry) => entry.started);
  }

  get paused(): boolean {
    return this.#paused;
  }

  speak(utterance: SpeechSynthesisUtterance): void {
    if (!(utterance instanceof SpeechSynthesisUtterance))
      throw new TypeError("Failed to execute 'speak': parameter 1 is not of type 'SpeechSynthesisUtterance'.");
    const owner = owners.get(utterance);
    if (owner && owner !== this)
      throw new DOMException('This utterance belongs to another SpeechSynthesis.', 'InvalidStateError');
    owners.set(utterance, this);
    const entry: Entry = {
      utterance,
      ssml: null,
      started: false,
      startedAt: 0,
      pausedAt: null,
      pausedMs: 0,
      nextMark: 0,
    };
    if (!this.#backend.allowed()) {
      queueTask(() => this.#fireError(entry, 'not-allowed'));
      return;
    }
    this.#queue.push(entry);
    this.#next();
  }

  cancel(): void {
    const entries = this.#queue.splice(0);
    if (this.#current) {
      this.#current = null;
      this.#backend.cancel();
    }
    if (entries.length === 0) return;
    queueTask(() => {
      for (const entry of entries) this.#fireError(entry, entry.started ? 'interrupted' : 'canceled');
    });
  }

  pause(): void {
    if (this.#paused) return;
    this.#paused = true;
    const entry = this.#current;
    if (!entry) return;
    this.#backend.pause();
    if (!entry.started) return;
    const elapsedTime = this.#elapsed(entry);
    entry.pausedAt = performance.now();
    queueTask(() => this.#fire(entry, 'pause', { elapsedTime }));
  }

  resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    const entry = this.#current;
    if (!entry) return this.#next();
    this.#backend.resume();
    if (entry.pausedAt === null) return;
    entry.pausedMs += performance.now() - entry.pausedAt;
    entry.pausedAt = null;
    const elapsedTime = this.#elapsed(entry);
    queueTask(() => this.#fire(entry, 'resume', { elapsedTime }));
  }

  /** The shipped voices, at once: nothing is loaded to list them. */
  getVoices(): SpeechSynthesisVoice[] {
    this.#voices ??= this.#backend.voices().map(createVoice);
    return [...this.#voices];
  }

  /** Starts the head of the queue, unless paused or already speaking. */
  #next(): void {
    if (this.#paused || this.#current) return;
    const entry = this.#queue[0];
    if (!entry) return;
    this.#current = entry;
    const { utterance } = entry;
    entry.ssml = isSsml(utterance.text) ? parseSsml(utterance.text) : null;
    const request: BackendUtterance = {
      text: entry.ssml?.text ?? utterance.text,
      lang: utterance.voice?.lang || utterance.lang || entry.ssml?.lang || pageLanguage(),
      voiceURI: utterance.voice?.voiceURI ?? null,
      rate: utterance.rate,
      pitch: utterance.pitch,
      volume: utterance.volume,
    };
    this.#backend.speak(request, this.#sink(entry));
  }

  #sink(entry: Entry): BackendSink {
    const live = (): boolean => this.#current === entry;
    return {
      start: () => {
        if (!live() || entry.started) return;
        entry.started = true;
        entry.startedAt = performance.now();
        this.#fire(entry, 'start', {});
      },
      boundary: (name, charIndex, charLength) => {
        if (!live() || !entry.started) return;
        this.#marksUpTo(entry, charIndex);
        if (!live()) return;
        const ssml = entry.ssml;
        const from = ssml ? (ssml.origin[charIndex] ?? 0) : charIndex;
        const to = ssml
          ? charLength > 0
            ? (ssml.originEnd[charIndex + charLength - 1] ?? from)
            : from
          : charIndex + charLength;
        this.#fire(entry, 'boundary', { name, charIndex: from, charLength: Math.max(0, to - from) });
      },
      end: () => {
        if (!live()) return;
        if (!entry.started) this.#sink(entry).start();
        this.#marksUpTo(entry, Infinity);
        if (live()) this.#finish(entry, null);
      },
      error: (code) => {
        if (live()) this.#finish(entry, code);
      },
    };
  }

  /** Fires the SSML marks placed before plain-text offset `charIndex`. */
  #marksUpTo(entry: Entry, charIndex: number): void {
    const marks = entry.ssml?.marks ?? [];
    for (let mark = marks[entry.nextMark]; mark && mark.at <= charIndex; mark = marks[entry.nextMark]) {
      entry.nextMark++;
      this.#fire(entry, 'mark', { name: mark.name, charIndex: mark.source });
      if (this.#current !== entry) return;
    }
  }

  #finish(entry: Entry, error: SpeechSynthesisErrorCode | null): void {
    this.#current = null;
    const index = this.#queue.indexOf(entry);
    if (index >= 0) this.#queue.splice(index, 1);
    if (error) this.#fireError(entry, error);
    else this.#fire(entry, 'end', { charIndex: entry.utterance.text.length });
    this.#next();
  }

  #elapsed(entry: Entry): number {
    if (!entry.started) return 0;
    const now = entry.pausedAt ?? performance.now();
    return Math.max(0, now - entry.startedAt - entry.pausedMs) / 1000;
  }

  #fire(
    entry: Entry,
    type: string,
    details: { name?: string; charIndex?: number; charLength?: number; elapsedTime?: number },
  ): void {
    const event = new SpeechSynthesisEvent(type, {
      utterance: entry.utterance,
      elapsedTime: this.#elapsed(entry),
      ...details,
    });
    entry.utterance.dispatchEvent(event);
  }

  #fireError(entry: Entry, error: SpeechSynthesisErrorCode): void {
    const event = new SpeechSynthesisErrorEvent('error', {
      utterance: entry.utterance,
      elapsedTime: this.#elapsed(entry),
      error,
    });
    entry.utterance.dispatchEvent(event);
  }
}

defineEventHandlers(SpeechSynthesis.prototype, ['voiceschanged']);

/** The page's language ('' when it declares none: the backend then takes its default voice). */
function pageLanguage(): string {
  return typeof document === 'undefined' ? '' : document.documentElement.lang;
}
brand(SpeechSynthesis, 'SpeechSynthesis');

/**
 * A recording fake of `window.speechSynthesis` for browser tests and, bundled
 * to an IIFE (`esbuild test/helpers/fake-speech.ts --bundle --format=iife
 * --global-name=FakeSpeech`), for injection into e2e pages. It has no imports
 * on purpose, so that bundle is this file alone.
 *
 * Events are real `SpeechSynthesisEvent`s dispatched on real
 * `SpeechSynthesisUtterance`s, so the code under test runs its real listeners.
 *
 * Modes:
 * - `auto`: start, one word boundary per word, end; each step `stepMs` apart
 *   at rate 1 (`stepMs / rate` at other rates, as a voice that honours it).
 * - `manual`: the test calls `start()`, `boundary()`, `end()`, `fail()`.
 * - `failing`: every utterance fails with `synthesis-failed` and never starts
 *   (headless Chromium without speech-dispatcher).
 * - `silent-start`: `start` fires, then nothing (speech-dispatcher without a
 *   sound server).
 *
 * `syncStart` (any mode but `failing`) fires `start` synchronously inside
 * `speak()` when nothing was queued, as WebKit does; in `manual` mode the
 * test's own `start()` is then a no-op for that utterance. Its default comes
 * from `globalThis.__fakeSpeechSyncStart`, so a whole suite can be run both
 * ways (web-test-runner's `sync-start` group sets it).
 *
 * Quirks of real engines, each on its own:
 * - `pauseQuirk: 'ignored'`: `pause()` does nothing (Firefox with
 *   speech-dispatcher); `'cancels'`: `pause()` is a `cancel()` (Android).
 * - `resumeQuirk: 'silent'`: `resume()` clears `paused` and never speaks again.
 * - `dropSpeakAfterCancel`: a `speak()` that comes right after `cancel()` is
 *   recorded but never spoken (speech-dispatcher, votingworks/bmd#1106).
 */

export type FakeSpeechMode = 'auto' | 'manual' | 'failing' | 'silent-start';

/** Plain-object stand-in: browsers give no way to construct a real voice. */
export interface FakeVoice {
  readonly voiceURI: string;
  readonly name: string;
  readonly lang: string;
  readonly localService: boolean;
  readonly default: boolean;
}

export interface SpokenUtterance {
  readonly utterance: SpeechSynthesisUtterance;
  readonly text: string;
  readonly lang: string;
  readonly rate: number;
  readonly pitch: number;
  readonly volume: number;
  readonly voice: SpeechSynthesisVoice | null;
  /** `performance.now()` at the `speak()` call. */
  readonly at: number;
}

export interface FakeCall {
  readonly method: 'speak' | 'cancel' | 'pause' | 'resume';
  readonly at: number;
}

export interface FakeSpeechOptions {
  readonly mode?: FakeSpeechMode;
  /** Delay between steps in `auto`/`silent-start`/`failing`. */
  readonly stepMs?: number;
  readonly voices?: ReadonlyArray<Partial<FakeVoice> & { readonly name: string }>;
  readonly pauseQuirk?: 'none' | 'ignored' | 'cancels';
  readonly resumeQuirk?: 'none' | 'silent';
  readonly dropSpeakAfterCancel?: boolean;
  /**
   * `navigator.userAgent` while installed: the engine picks its pause strategy
   * by platform (desktop Linux cancels, others pause natively), so tests of
   * native pause say which browser they stand for.
   */
  readonly userAgent?: string;
  /** Fire `start` inside `speak()`, as WebKit does. */
  readonly syncStart?: boolean;
}

declare global {
  /** Set by a test page to run every fake in `syncStart` mode. */
  var __fakeSpeechSyncStart: boolean | undefined;
}

/** A desktop browser whose native pause works: Chrome on Windows. */
export const WINDOWS_CHROME_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

type UtteranceEventType = 'start' | 'end' | 'boundary' | 'error' | 'pause' | 'resume';

export class FakeSpeechSynthesis extends EventTarget implements SpeechSynthesis {
  mode: FakeSpeechMode;
  stepMs: number;
  syncStart: boolean;
  onvoiceschanged: ((this: SpeechSynthesis, event: Event) => unknown) | null = null;
  /** Every utterance passed to `speak()`, in order, with its settings at that moment. */
  readonly spoken: SpokenUtterance[] = [];
  /** Every call to speak/cancel/pause/resume, in order. */
  readonly calls: FakeCall[] = [];
  pauseQuirk: NonNullable<FakeSpeechOptions['pauseQuirk']>;
  resumeQuirk: NonNullable<FakeSpeechOptions['resumeQuirk']>;
  dropSpeakAfterCancel: boolean;
  /** Utterances `speak()` took and dropped (see `dropSpeakAfterCancel`). */
  readonly dropped: SpeechSynthesisUtterance[] = [];

  #voiceList: FakeVoice[] = [];
  #queue: SpeechSynthesisUtterance[] = [];
  #started = false;
  #isPaused = false;
  #steps: Array<() => void> = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #listenerCounts = new Map<string, number>();

  constructor(options: FakeSpeechOptions = {}) {
    super();
    this.mode = options.mode ?? 'auto';
    this.stepMs = options.stepMs ?? 5;
    this.syncStart = options.syncStart ?? globalThis.__fakeSpeechSyncStart === true;
    if (options.voices) this.#voiceList = options.voices.map(toVoice);
    this.pauseQuirk = options.pauseQuirk ?? 'none';
    this.resumeQuirk = options.resumeQuirk ?? 'none';
    this.dropSpeakAfterCancel = options.dropSpeakAfterCancel ?? false;
  }

  /** Replaces the voice list without firing `voiceschanged` (electron#22844). */
  setVoicesQuietly(voices: ReadonlyArray<Partial<FakeVoice> & { readonly name: string }>): void {
    this.#voiceList = voices.map(toVoice);
  }

  get paused(): boolean {
    return this.#isPaused;
  }

  get speaking(): boolean {
    return this.#queue.length > 0;
  }

  get pending(): boolean {
    return this.#queue.length > 1;
  }

  /** The utterance being spoken (or about to start), if any. */
  get current(): SpeechSynthesisUtterance | undefined {
    return this.#queue[0];
  }

  getVoices(): SpeechSynthesisVoice[] {
    // Structurally identical to SpeechSynthesisVoice, which cannot be constructed.
    return [...this.#voiceList];
  }

  /** Replaces the voice list and fires `voiceschanged` synchronously. */
  setVoices(voices: ReadonlyArray<Partial<FakeVoice> & { readonly name: string }>): void {
    this.#voiceList = voices.map(toVoice);
    const event = new Event('voiceschanged');
    this.dispatchEvent(event);
    this.onvoiceschanged?.call(this, event);
  }

  speak(utterance: SpeechSynthesisUtterance): void {
    const at = performance.now();
    this.calls.push({ method: 'speak', at });
    this.spoken.push({
      utterance,
      text: utterance.text,
      lang: utterance.lang,
      rate: utterance.rate,
      pitch: utterance.pitch,
      volume: utterance.volume,
      voice: utterance.voice,
      at,
    });
    const previous = this.calls.at(-2);
    if (this.dropSpeakAfterCancel && previous?.method === 'cancel') {
      this.dropped.push(utterance);
      return;
    }
    this.#queue.push(utterance);
    if (this.#queue.length === 1) this.#begin(true);
  }

  /** Like browsers: the current utterance gets `interrupted` and queued ones `canceled`, asynchronously. */
  cancel(): void {
    this.calls.push({ method: 'cancel', at: performance.now() });
    this.#dropAll();
  }

  #dropAll(): void {
    const [current, ...rest] = this.#queue;
    this.#queue = [];
    this.#stopSteps();
    this.#started = false;
    // `paused` is left as it is: the spec's cancel() does not touch it, and
    // Chrome really keeps it, which the engine must cope with.
    setTimeout(() => {
      if (current) this.fireOn(current, 'error', { error: 'interrupted' });
      for (const queued of rest) this.fireOn(queued, 'error', { error: 'canceled' });
    }, 0);
  }

  pause(): void {
    this.calls.push({ method: 'pause', at: performance.now() });
    if (this.pauseQuirk === 'ignored') return;
    if (this.pauseQuirk === 'cancels') return this.#dropAll();
    if (this.#isPaused) return;
    this.#isPaused = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.current && this.#started) this.fireOn(this.current, 'pause');
  }

  resume(): void {
    this.calls.push({ method: 'resume', at: performance.now() });
    if (!this.#isPaused) return;
    this.#isPaused = false;
    if (this.resumeQuirk === 'silent' && this.current && this.#started) {
      // Speaking, by its flags, and never a sound or an event again.
      this.#stopSteps();
      return;
    }
    if (this.current && this.#started) this.fireOn(this.current, 'resume');
    this.#scheduleNext();
  }

  /** How many calls to `method` were recorded. */
  count(method: FakeCall['method']): number {
    return this.calls.filter((call) => call.method === method).length;
  }

  /** Listeners currently registered on the fake for `type` (to check cleanup). */
  listenerCount(type: string): number {
    return this.#listenerCounts.get(type) ?? 0;
  }

  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: AddEventListenerOptions | boolean,
  ): void {
    if (listener) this.#listenerCounts.set(type, this.listenerCount(type) + 1);
    super.addEventListener(type, listener, options);
  }

  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: EventListenerOptions | boolean,
  ): void {
    if (listener) this.#listenerCounts.set(type, Math.max(0, this.listenerCount(type) - 1));
    super.removeEventListener(type, listener, options);
  }

  // Manual control of the current utterance.

  start(): void {
    const utterance = this.#requireCurrent();
    // Already started inside speak() (syncStart): a second `start` is not what WebKit does.
    if (this.#started && this.syncStart) return;
    this.#started = true;
    this.fireOn(utterance, 'start');
  }

  boundary(charIndex: number, charLength = 0, name: 'word' | 'sentence' = 'word'): void {
    this.fireOn(this.#requireCurrent(), 'boundary', { charIndex, charLength, name });
  }

  end(): void {
    const utterance = this.#requireCurrent();
    this.#finishCurrent();
    this.fireOn(utterance, 'end', { charIndex: utterance.text.length });
  }

  fail(error: SpeechSynthesisErrorCode = 'synthesis-failed'): void {
    const utterance = this.#requireCurrent();
    this.#finishCurrent();
    this.fireOn(utterance, 'error', { error });
  }

  /** Dispatches an event on any utterance, e.g. a stale one cancelled earlier. */
  fireOn(
    utterance: SpeechSynthesisUtterance,
    type: UtteranceEventType,
    init: {
      charIndex?: number;
      charLength?: number;
      name?: string;
      error?: SpeechSynthesisErrorCode;
    } = {},
  ): void {
    const base = { utterance, charIndex: init.charIndex ?? 0, charLength: init.charLength ?? 0 };
    const event =
      type === 'error'
        ? new SpeechSynthesisErrorEvent('error', { ...base, error: init.error ?? 'synthesis-failed' })
        : new SpeechSynthesisEvent(type, { ...base, name: init.name ?? '' });
    utterance.dispatchEvent(event);
  }

  #requireCurrent(): SpeechSynthesisUtterance {
    const current = this.current;
    if (!current) throw new Error('FakeSpeechSynthesis: no current utterance');
    return current;
  }

  #finishCurrent(): void {
    this.#stopSteps();
    this.#queue.shift();
    this.#started = false;
    // A later queued utterance starts after this one's events are out.
    if (this.#queue.length > 0) setTimeout(() => this.#begin(), 0);
  }

  #begin(sync = false): void {
    const utterance = this.current;
    if (!utterance) return;
    const syncStart = sync && this.syncStart && this.mode !== 'failing' && !this.#isPaused;
    if (syncStart) this.start();
    if (this.mode === 'manual') return;
    const steps: Array<() => void> = [];
    if (this.mode === 'failing') {
      steps.push(() => this.fail('synthesis-failed'));
    } else {
      if (!syncStart) steps.push(() => this.start());
      if (this.mode === 'auto') {
        for (const match of utterance.text.matchAll(/\S+/g)) {
          steps.push(() => this.boundary(match.index, match[0].length));
        }
        steps.push(() => this.end());
      }
    }
    this.#steps = steps;
    this.#scheduleNext();
  }

  #scheduleNext(): void {
    if (this.#isPaused || this.#timer !== undefined) return;
    const step = this.#steps.shift();
    if (!step) return;
    // A voice that honours the rate: 2× takes half as long (the engine measures this).
    const rate = this.current?.rate || 1;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      step();
      this.#scheduleNext();
    }, this.stepMs / rate);
  }

  #stopSteps(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#steps = [];
  }
}

function toVoice(voice: Partial<FakeVoice> & { readonly name: string }): FakeVoice {
  return {
    voiceURI: voice.voiceURI ?? voice.name,
    name: voice.name,
    lang: voice.lang ?? 'en-US',
    localService: voice.localService ?? true,
    default: voice.default ?? false,
  };
}

export interface InstalledFakeSpeech extends FakeSpeechSynthesis {
  /** Restores the original `speechSynthesis` and `SpeechSynthesisUtterance`. */
  uninstall(): void;
}

/**
 * Makes `window.speechSynthesis` return a new fake. Plain assignment throws
 * (it is a getter-only attribute), hence `defineProperty`.
 *
 * `SpeechSynthesisUtterance` is also swapped for a subclass whose `voice`
 * accepts the fake's plain voice objects: the native setter throws a
 * TypeError for anything but a real `SpeechSynthesisVoice`. Instances are
 * still real utterances, so real events can be dispatched on them.
 */
export function installFakeSpeech(options: FakeSpeechOptions = {}): InstalledFakeSpeech {
  const fake = new FakeSpeechSynthesis(options) as InstalledFakeSpeech;
  const synthDescriptor = Object.getOwnPropertyDescriptor(window, 'speechSynthesis');
  const utteranceDescriptor = Object.getOwnPropertyDescriptor(window, 'SpeechSynthesisUtterance');
  const Native = window.SpeechSynthesisUtterance;

  class FakeVoiceUtterance extends Native {}
  const voices = new WeakMap<SpeechSynthesisUtterance, SpeechSynthesisVoice | null>();
  Object.defineProperty(FakeVoiceUtterance.prototype, 'voice', {
    configurable: true,
    get(this: SpeechSynthesisUtterance) {
      return voices.get(this) ?? null;
    },
    set(this: SpeechSynthesisUtterance, voice: SpeechSynthesisVoice | null) {
      voices.set(this, voice);
    },
  });

  Object.defineProperty(window, 'speechSynthesis', { configurable: true, get: () => fake });
  if (options.userAgent !== undefined) {
    Object.defineProperty(navigator, 'userAgent', { configurable: true, value: options.userAgent });
  }
  Object.defineProperty(window, 'SpeechSynthesisUtterance', {
    configurable: true,
    writable: true,
    value: FakeVoiceUtterance,
  });

  fake.uninstall = () => {
    fake.cancel();
    restore('speechSynthesis', synthDescriptor);
    restore('SpeechSynthesisUtterance', utteranceDescriptor);
    // The own property shadows the prototype's getter; deleting it brings that back.
    if (options.userAgent !== undefined) Reflect.deleteProperty(navigator, 'userAgent');
  };
  return fake;
}

/** Makes `window.speechSynthesis` undefined, as in browsers without it; returns the restorer. */
export function removeSpeechSynthesis(): () => void {
  const descriptor = Object.getOwnPropertyDescriptor(window, 'speechSynthesis');
  Object.defineProperty(window, 'speechSynthesis', { configurable: true, get: () => undefined });
  return () => restore('speechSynthesis', descriptor);
}

function restore(name: string, descriptor: PropertyDescriptor | undefined): void {
  if (descriptor) Object.defineProperty(window, name, descriptor);
  else Reflect.deleteProperty(window, name);
}

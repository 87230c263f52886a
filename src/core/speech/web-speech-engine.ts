/**
 * The browser's own `speechSynthesis` behind the `SpeechEngine` interface,
 * with the field's known quirks handled here so the player never sees them
 * (docs/speech-engines.md lists them, with their sources).
 */
import type {
  EngineErrorCode,
  EngineEvent,
  EngineListener,
  EngineVoice,
  SpeakRequest,
  SpeechEngine,
} from './engine.ts';
import { WEB_SPEECH_ENGINE_ID, clamp, toEngineErrorCode } from './web-speech-map.ts';
import { WebSpeechVoices } from './web-speech-voices.ts';
import { EngineListeners } from './engine-listeners.ts';
import { SpeakingRate } from './speaking-rate.ts';

export interface WebSpeechEngineOptions {
  /**
   * Any object with the `SpeechSynthesis` interface: the browser's (the
   * default, `globalThis.speechSynthesis`) or one from the polyfill's
   * `createSpeechSynthesis()`; `null` means "not available".
   */
  readonly synth?: SpeechSynthesis | null;
  /** The `SpeechSynthesisUtterance` class that goes with `synth`; defaults to the global one. */
  readonly utterance?: typeof SpeechSynthesisUtterance;
  /** How long `ready()` waits for voices before resolving with what there is. */
  readonly voicesTimeoutMs?: number;
  /** No `start` within this long means the engine cannot speak. */
  readonly watchdogStartMs?: number;
  /**
   * After `start`, until the voice's real speed is measured, allow this many
   * ms per character before giving up (at any rate of 1 or more: the rate
   * may be ignored). Once measured, the deadline follows the measurement.
   */
  readonly watchdogEndFactor?: number;
  /** ...but never less than this many ms. */
  readonly watchdogEndMinMs?: number;
  /** Emulate pause by cancel + restart. Defaults to true on Android. */
  readonly emulatePause?: boolean;
  /** Where to listen for `pagehide`; defaults to `globalThis.window`, `null` for none. */
  readonly window?: Window | null;
}

interface Current {
  /** Public id: what events carry, unchanged across an emulated pause. */
  readonly id: number;
  readonly request: SpeakRequest;
  /** Native generation of the live utterance; events from any other are stale. */
  native: number;
  /**
   * Held so Chrome cannot garbage-collect an utterance mid-speech, which
   * silently drops its `end` event.
   */
  utterance: SpeechSynthesisUtterance | null;
  started: boolean;
  paused: boolean;
  /** `performance.now()` at `start`; NaN once a pause spoils the measurement. */
  startedAt: number;
}

/** Speeds are learned per voice: the chosen one, or the browser's default for the language. */
function voiceKey(request: SpeakRequest): string {
  return request.voiceId ?? `lang:${request.lang}`;
}

function detectAndroid(): boolean {
  const userAgent = globalThis.navigator?.userAgent ?? '';
  return /\bAndroid\b/i.test(userAgent);
}

export class WebSpeechEngine implements SpeechEngine {
  readonly id = WEB_SPEECH_ENGINE_ID;

  readonly #synth: SpeechSynthesis | null;
  readonly #Utterance: typeof SpeechSynthesisUtterance | undefined;
  readonly #win: Window | null;
  readonly #watchdogStartMs: number;
  readonly #watchdogEndFactor: number;
  readonly #watchdogEndMinMs: number;
  readonly #emulatePause: boolean;

  readonly #listeners = new EngineListeners();
  #lastUtteranceId = 0;
  #lastNative = 0;
  #current: Current | null = null;
  /** What the voices really do with the rate: the end watchdog's deadlines, and `rateignored`. */
  readonly #speakingRate = new SpeakingRate();
  /** Listeners are running: a speak() now comes from inside an utterance's event. */
  #inEvent = false;
  #watchdog: ReturnType<typeof setTimeout> | undefined;
  readonly #voiceList: WebSpeechVoices;
  #disposed = false;

  constructor(options: WebSpeechEngineOptions = {}) {
    this.#synth = options.synth === undefined ? (globalThis.speechSynthesis ?? null) : options.synth;
    this.#Utterance = options.utterance ?? globalThis.SpeechSynthesisUtterance;
    this.#win = options.window === undefined ? (globalThis.window ?? null) : options.window;
    this.#watchdogStartMs = options.watchdogStartMs ?? 4000;
    this.#watchdogEndFactor = options.watchdogEndFactor ?? 200;
    this.#watchdogEndMinMs = options.watchdogEndMinMs ?? 8000;
    this.#emulatePause = options.emulatePause ?? detectAndroid();

    this.#voiceList = new WebSpeechVoices(this.#synth, options.voicesTimeoutMs ?? 2000, () =>
      this.#emit({ type: 'voiceschanged' }),
    );
    this.#win?.addEventListener('pagehide', this.#onPageHide);
  }

  speak(request: SpeakRequest): number {
    this.#stopCurrent();
    const id = ++this.#lastUtteranceId;
    if (this.#disposed) return id;
    const current: Current = {
      id,
      request,
      native: 0,
      utterance: null,
      started: false,
      paused: false,
      startedAt: Number.NaN,
    };
    this.#current = current;

    if (!this.#synth || !this.#Utterance) {
      // Async, like a real engine's error, so callers can rely on getting the
      // id back before any event for it.
      queueMicrotask(() => this.#fail(current, 'unavailable'));
      return id;
    }
    // Chrome can keep `paused` true after cancel(), and then every later
    // utterance stays silent until resume().
    if (this.#synth.paused) this.#synth.resume();
    this.#speakNative(current);
    return id;
  }

  pause(): void {
    const current = this.#current;
    if (!current || current.paused || !this.#synth) return;
    current.paused = true;
    current.startedAt = Number.NaN;
    this.#clearWatchdog();
    if (this.#emulatePause) {
      // Android's pause() is a cancel() (mdn/browser-compat-data#4500):
      // cancel on purpose and restart the sentence on resume.
      this.#retireNative(current);
      this.#synth.cancel();
    } else {
      this.#synth.pause();
    }
  }

  resume(): void {
    const current = this.#current;
    if (!this.#synth) return;
    if (!current?.paused) {
      // Harmless when not paused, and un-sticks Chrome's stale paused flag.
      if (!this.#emulatePause) this.#synth.resume();
      return;
    }
    current.paused = false;
    if (this.#emulatePause) {
      // Restart the sentence under the same public id: the consumer sees
      // `start` again and boundaries from 0.
      current.started = false;
      this.#speakNative(current);
    } else {
      this.#synth.resume();
      this.#armWatchdog(current);
    }
  }

  cancel(): void {
    this.#stopCurrent();
  }

  voices(): readonly EngineVoice[] {
    return this.#voiceList.current;
  }

  ready(): Promise<readonly EngineVoice[]> {
    return this.#voiceList.ready();
  }

  subscribe(listener: EngineListener): () => void {
    return this.#listeners.subscribe(listener);
  }

  dispose(): void {
    this.#stopCurrent();
    this.#disposed = true;
    this.#voiceList.dispose();
    this.#win?.removeEventListener('pagehide', this.#onPageHide);
    this.#listeners.clear();
  }

  #speakNative(current: Current): void {
    const synth = this.#synth;
    const Utterance = this.#Utterance;
    if (!synth || !Utterance) return;
    const { request } = current;
    const native = ++this.#lastNative;
    const utterance = new Utterance(request.text);
    utterance.lang = request.lang;
    utterance.rate = clamp(request.rate, 0.1, 10, 1);
    utterance.pitch = clamp(request.pitch, 0, 2, 1);
    utterance.volume = clamp(request.volume, 0, 1, 1);
    this.#applyVoice(utterance, request.voiceId);

    const isLive = (): boolean => this.#current === current && current.native === native;
    utterance.addEventListener('start', () => {
      if (!isLive()) return;
      current.started = true;
      current.startedAt = performance.now();
      this.#armWatchdog(current);
      this.#emit({ type: 'start', utteranceId: current.id });
    });
    utterance.addEventListener('boundary', (event) => {
      if (!isLive()) return;
      this.#emit({
        type: 'boundary',
        utteranceId: current.id,
        name: event.name === 'sentence' ? 'sentence' : 'word',
        charIndex: Number.isFinite(event.charIndex) ? event.charIndex : 0,
        // Older Chrome and Safari omit charLength; 0 tells the consumer to
        // find the word itself (segment.ts `wordAt`).
        charLength: Number.isFinite(event.charLength) ? event.charLength : 0,
      });
    });
    utterance.addEventListener('end', () => {
      if (!isLive()) return;
      this.#finish(current);
      this.#emit({ type: 'end', utteranceId: current.id });
      this.#measure(current);
    });
    utterance.addEventListener('error', (event) => {
      if (!isLive()) return;
      this.#fail(current, toEngineErrorCode(event.error), false);
    });

    current.native = native;
    current.utterance = utterance;
    this.#armWatchdog(current);
    const speakNow = (): void => {
      try {
        synth.speak(utterance);
      } catch {
        queueMicrotask(() => {
          if (isLive()) this.#fail(current, 'synthesis-failed');
        });
      }
    };
    // Never from inside an utterance's own event (the next sentence is asked
    // for in the last one's `end`): WebKitGTK then ignores pause() and
    // cancel() for the new utterance and never ends it. A task later it
    // behaves; a speak() in a click still runs inside the click.
    if (this.#inEvent) {
      setTimeout(() => {
        if (isLive()) speakNow();
      }, 0);
    } else speakNow();
  }

  #applyVoice(utterance: SpeechSynthesisUtterance, id: string | undefined): void {
    if (!id) return;
    const voice = this.#voiceList.find(id);
    // Unknown id (a setting from another browser): leave it unset so the
    // browser picks a voice by `lang`.
    if (!voice) return;
    try {
      utterance.voice = voice;
    } catch {
      // A voice object the browser rejects is the same as an unknown id.
    }
  }

  /**
   * Before `start`: the engine may never speak (headless, no voices).
   * After: Chromium with speech-dispatcher and no sound server fires `start`
   * and never `end`, so allow a generous time per character.
   */
  #armWatchdog(current: Current): void {
    this.#clearWatchdog();
    const rate = clamp(current.request.rate, 0.1, 10, 1);
    const delay = current.started ? this.#endDeadlineMs(current.request, rate) : this.#watchdogStartMs;
    const native = current.native;
    this.#watchdog = setTimeout(() => {
      if (this.#current !== current || current.native !== native || current.paused) return;
      // Cancel first: a listener may retry synchronously on `timeout`, and a
      // cancel after that killed the retry (found by the player's fault tests).
      this.#synth?.cancel();
      this.#fail(current, 'timeout');
    }, delay);
  }

  /** After `start`: the measured time for this voice, with margin; never shorter for a rate that may be ignored. */
  #endDeadlineMs(request: SpeakRequest, rate: number): number {
    return this.#speakingRate.deadlineMs(voiceKey(request), rate, request.text.length, {
      unmeasuredMsPerCharacter: this.#watchdogEndFactor,
      minimumMs: this.#watchdogEndMinMs,
    });
  }

  /** Learns the voice's real speed from a finished utterance; says once if it ignores the rate. */
  #measure(current: Current): void {
    const seconds = (performance.now() - current.startedAt) / 1000;
    const { rate, text } = current.request;
    const sample = { rate: clamp(rate, 0.1, 10, 1), characters: text.length, seconds };
    if (this.#speakingRate.record(voiceKey(current.request), sample)) {
      this.#emit({ type: 'rateignored', engine: WEB_SPEECH_ENGINE_ID });
    }
  }

  #clearWatchdog(): void {
    if (this.#watchdog !== undefined) clearTimeout(this.#watchdog);
    this.#watchdog = undefined;
  }

  /** Makes the live native utterance stale so its late events are ignored. */
  #retireNative(current: Current): void {
    current.native = 0;
    current.utterance = null;
  }

  #finish(current: Current): void {
    this.#clearWatchdog();
    this.#retireNative(current);
    if (this.#current === current) this.#current = null;
  }

  #fail(current: Current, code: EngineErrorCode, check = true): void {
    if (check && this.#current !== current) return;
    this.#finish(current);
    this.#emit({ type: 'error', utteranceId: current.id, code });
  }

  /**
   * Marks the current utterance stale *before* cancelling: engines fire
   * `end` or `error: interrupted` for it, sometimes after the next one began.
   */
  #stopCurrent(): void {
    const current = this.#current;
    if (current) this.#finish(current);
    this.#clearWatchdog();
    // Only when something speaks: WebKitGTK answers a needless cancel() made
    // inside an `end` handler with a second `end` for the finished utterance,
    // and from then on ignores cancel() and pause() (speech runs on after K).
    if (this.#synth?.speaking || this.#synth?.pending) this.#synth.cancel();
  }

  #emit(event: EngineEvent): void {
    const outer = this.#inEvent;
    this.#inEvent = true;
    try {
      this.#listeners.emit(event);
    } finally {
      this.#inEvent = outer;
    }
  }

  readonly #onPageHide = (): void => {
    // Chromium keeps speaking after reload or navigation (mdn/dom-examples#307).
    this.cancel();
  };
}

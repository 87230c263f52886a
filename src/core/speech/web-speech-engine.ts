/**
 * The browser's own `speechSynthesis` behind the `SpeechEngine` interface,
 * with the field's known quirks handled here so the player never sees them.
 *
 * - Stale events after `cancel()`: every native utterance has a generation,
 *   and events of any but the live one are dropped.
 * - Pause: per platform (web-speech-quirks.ts), `pause()` either holds the
 *   utterance natively or cancels it and remembers the place. A native pause
 *   the engine does not confirm (`pause` event or `paused`) within
 *   `pauseConfirmMs`, or one held longer than `nativePauseMaxMs`, becomes such
 *   a cancel. Resume says `start` again only once speech is confirmed, and
 *   speaks again from the last word heard (the sentence start without
 *   boundaries), under the same utterance id, boundaries still indexing the
 *   request's text.
 * - A wedged engine (no `start`, no error) is caught within `watchdogStartMs`:
 *   the utterance is spoken once more, and only if that fails too is
 *   `timeout` reported.
 * - `speak()` never cancels by itself; `cancel()` touches `speechSynthesis`
 *   only when something is speaking or pending. Where a `speak()` right after
 *   `cancel()` can be dropped, its `start` is awaited only `afterCancelStartMs`
 *   before it is spoken again. (An empty utterance to take the drop, as some
 *   projects do, silenced the next one in Chromium 156 with speech-dispatcher
 *   0.11 when measured, so it is not used.)
 */
import type {
  EngineErrorCode,
  EngineEvent,
  EngineListener,
  EngineVoice,
  SpeakRequest,
  SpeechEngine,
} from './engine.ts';
import { WEB_SPEECH_ENGINE_ID, clamp, createUtterance, toEngineErrorCode } from './web-speech-map.ts';
import { WebSpeechVoices } from './web-speech-voices.ts';
import { EngineListeners } from './engine-listeners.ts';
import { SpeakingRate } from './speaking-rate.ts';
import { newCurrent, type Current } from './web-speech-current.ts';
import { resolveOptions, type ResolvedOptions, type WebSpeechEngineOptions } from './web-speech-options.ts';

export type { WebSpeechEngineOptions };

/** Speeds are learned per voice: the chosen one, or the browser's default for the language. */
function voiceKey(request: SpeakRequest): string {
  return request.voiceId ?? `lang:${request.lang}`;
}

export class WebSpeechEngine implements SpeechEngine {
  readonly id = WEB_SPEECH_ENGINE_ID;

  readonly #options: ResolvedOptions;
  readonly #synth: SpeechSynthesis | null;
  readonly #win: Window | null;

  readonly #listeners = new EngineListeners();
  readonly #voiceList: WebSpeechVoices;
  #lastUtteranceId = 0;
  #lastNative = 0;
  #current: Current | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** What the voices really do with the rate: the end watchdog's deadlines, and `rateignored`. */
  readonly #speakingRate = new SpeakingRate();
  /** Listeners are running: a speak() now comes from inside an utterance's event. */
  #inEvent = false;
  /** A native cancel happened and no speak since. */
  #cancelled = false;
  #disposed = false;

  constructor(options: WebSpeechEngineOptions = {}) {
    const resolved = (this.#options = resolveOptions(options));
    this.#synth = resolved.synth;
    this.#win = resolved.win;
    this.#voiceList = new WebSpeechVoices(this.#synth, resolved.voicesTimeoutMs, () =>
      this.#emit({ type: 'voiceschanged' }),
    );
    this.#win?.addEventListener('pagehide', this.#onPageHide);
  }

  speak(request: SpeakRequest): number {
    // No cancel here: the caller cancels when something is speaking. The old
    // utterance only goes stale, so its late events are dropped.
    const old = this.#current;
    if (old) this.#finish(old);
    const id = ++this.#lastUtteranceId;
    if (this.#disposed) return id;
    const current = newCurrent(id, request);
    this.#current = current;
    if (!this.#synth || !this.#options.Utterance) {
      // Async, like a real engine's error, so callers get the id before any event.
      queueMicrotask(() => this.#fail(current, 'unavailable'));
      return id;
    }
    this.#speakNative(current, 0);
    return id;
  }

  pause(): void {
    const current = this.#current;
    const synth = this.#synth;
    if (!current || current.hold === 'native' || current.hold === 'cancelled' || !synth) return;
    this.#clearTimer();
    // A pause spoils the measurement of the voice's speed.
    current.startedAt = Number.NaN;
    if (this.#options.pause !== 'native' || !current.started || current.hold === 'resuming') {
      return this.#cancelInPlace(current);
    }
    current.hold = 'native';
    current.confirmed = false;
    synth.pause();
    this.#timer = setTimeout(() => {
      if (current.confirmed || synth.paused) {
        this.#timer = setTimeout(
          () => this.#cancelInPlace(current),
          this.#options.nativePauseMaxMs - this.#options.pauseConfirmMs,
        );
      } else this.#cancelInPlace(current);
    }, this.#options.pauseConfirmMs);
  }

  resume(): void {
    const current = this.#current;
    const synth = this.#synth;
    if (!synth) return;
    if (current?.hold === 'cancelled') {
      current.hold = null;
      this.#clearTimer();
      return this.#speakNative(current, current.word ?? current.offset);
    }
    if (current?.hold !== 'native') {
      // Harmless when not paused, and un-sticks Chrome's stale paused flag.
      if (synth.paused) synth.resume();
      return;
    }
    this.#clearTimer();
    current.hold = 'resuming';
    current.confirmed = false;
    synth.resume();
    this.#timer = setTimeout(() => {
      // Only the engine's word counts here: a resume can clear `paused` and never speak (easy-speech#300).
      if (current.confirmed) this.#resumed(current);
      else this.#respeak(current);
    }, this.#options.pauseConfirmMs);
  }

  cancel(): void {
    const current = this.#current;
    const live = current !== null && current.native !== 0;
    if (current) this.#finish(current);
    this.#nativeCancel(live);
  }

  voices(): readonly EngineVoice[] {
    // Cheap when nothing changed; lets a caller poll engines that never fire `voiceschanged`.
    this.#voiceList.refresh();
    return this.#voiceList.current;
  }

  ready(): Promise<readonly EngineVoice[]> {
    return this.#voiceList.ready();
  }

  subscribe(listener: EngineListener): () => void {
    return this.#listeners.subscribe(listener);
  }

  dispose(): void {
    this.cancel();
    this.#disposed = true;
    this.#voiceList.dispose();
    this.#win?.removeEventListener('pagehide', this.#onPageHide);
    this.#listeners.clear();
  }

  #speakNative(current: Current, from: number): void {
    const synth = this.#synth;
    const Utterance = this.#options.Utterance;
    if (!synth || !Utterance || this.#current !== current) return;
    const { request } = current;
    const native = ++this.#lastNative;
    const utterance = createUtterance(Utterance, request, request.text.slice(from));
    this.#applyVoice(utterance, request.voiceId);

    const isLive = (): boolean => this.#current === current && current.native === native;
    const on = (type: string, handler: (event: SpeechSynthesisEvent) => void): void =>
      utterance.addEventListener(type, (event) => {
        if (!isLive()) return;
        this.#inEvent = true;
        try {
          handler(event as SpeechSynthesisEvent);
        } finally {
          this.#inEvent = false;
        }
      });
    on('start', () => {
      current.started = true;
      // A whole utterance from its first word measures the voice's real speed.
      current.startedAt = from === 0 && !current.recovered ? performance.now() : Number.NaN;
      this.#armWatchdog(current);
      this.#emit({ type: 'start', utteranceId: current.id });
    });
    on('boundary', (event) => {
      if (current.hold === 'resuming') this.#resumed(current);
      const charIndex = from + (Number.isFinite(event.charIndex) ? event.charIndex : 0);
      const name = event.name === 'sentence' ? 'sentence' : 'word';
      if (name === 'word') current.word = charIndex;
      // Older Chrome and Safari omit charLength; 0 tells the consumer to find the word itself.
      const charLength = Number.isFinite(event.charLength) ? event.charLength : 0;
      this.#emit({ type: 'boundary', utteranceId: current.id, name, charIndex, charLength });
    });
    on('pause', () => (current.confirmed ||= current.hold === 'native'));
    on('resume', () => {
      if (current.hold === 'resuming') this.#resumed(current);
    });
    on('end', () => {
      if (Number.isFinite(current.startedAt)) this.#measure(current);
      this.#finish(current);
      this.#emit({ type: 'end', utteranceId: current.id });
    });
    on('error', (event) => {
      // A pause that acted as a cancel (Android): keep the place and speak on at resume.
      if (current.hold === 'native') return this.#cancelInPlace(current);
      this.#fail(current, toEngineErrorCode((event as SpeechSynthesisErrorEvent).error));
    });

    current.native = native;
    current.offset = from;
    current.utterance = utterance;
    current.started = false;
    // Right after a cancel the speak may be dropped (votingworks/bmd#1106): look sooner.
    this.#armWatchdog(
      current,
      this.#cancelled && this.#options.cancelDropsSpeak ? this.#options.afterCancelStartMs : undefined,
    );
    this.#cancelled = false;
    const speakNow = (): void => {
      try {
        // Chrome can keep `paused` true after cancel() (or a resume that failed), and then every later utterance stays silent.
        if (synth.paused) synth.resume();
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
    // Unknown id (a setting from another browser): leave it unset so the browser picks by `lang`.
    const voice = id ? this.#voiceList.find(id) : undefined;
    if (!voice) return;
    try {
      utterance.voice = voice;
    } catch {
      // A voice object the browser rejects is the same as an unknown id.
    }
  }

  /**
   * Before `start`: the engine may be wedged or have dropped the speak. After:
   * speech-dispatcher with no sound server fires `start` and never `end`, so
   * allow a generous time per character. Either way: speak once more (from
   * the word heard last), then give up with `timeout`.
   */
  #armWatchdog(current: Current, startMs = this.#options.watchdogStartMs): void {
    this.#clearTimer();
    const rate = clamp(current.request.rate, 0.1, 10, 1);
    const length = current.request.text.length - current.offset;
    // After `start`: the measured time for this voice, with margin; never shorter for a rate that may be ignored.
    const delay = current.started
      ? this.#speakingRate.deadlineMs(voiceKey(current.request), rate, length, {
          unmeasuredMsPerCharacter: this.#options.watchdogEndFactor,
          minimumMs: this.#options.watchdogEndMinMs,
        })
      : startMs;
    this.#timer = setTimeout(() => {
      if (this.#current !== current || current.hold) return;
      if (!current.recovered) {
        current.recovered = true;
        return this.#respeak(current);
      }
      // Cancel first: a listener may retry synchronously on `timeout`.
      this.#nativeCancel(true);
      this.#fail(current, 'timeout');
    }, delay);
  }

  /** Native resume confirmed: say `start` again and watch for the end. */
  #resumed(current: Current): void {
    if (this.#current !== current || current.hold !== 'resuming') return;
    current.hold = null;
    this.#armWatchdog(current);
    this.#emit({ type: 'start', utteranceId: current.id });
  }

  /**
   * Silence the live native utterance and speak again from the place heard.
   * No cancel when nothing is speaking or pending (a dropped speak): that
   * cancel would only invite the next drop.
   */
  #respeak(current: Current): void {
    current.hold = null;
    this.#retireNative(current);
    this.#nativeCancel(false);
    this.#speakNative(current, current.word ?? current.offset);
  }

  #cancelInPlace(current: Current): void {
    if (this.#current !== current) return;
    this.#clearTimer();
    current.hold = 'cancelled';
    this.#retireNative(current);
    this.#nativeCancel(true);
  }

  #nativeCancel(force: boolean): void {
    const synth = this.#synth;
    if (!synth || !(force || synth.speaking || synth.pending)) return;
    synth.cancel();
    this.#cancelled = true;
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

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Makes the live native utterance stale so its late events are ignored. */
  #retireNative(current: Current): void {
    current.native = 0;
    current.utterance = null;
  }

  #finish(current: Current): void {
    this.#clearTimer();
    this.#retireNative(current);
    if (this.#current === current) this.#current = null;
  }

  #fail(current: Current, code: EngineErrorCode): void {
    if (this.#current !== current) return;
    this.#finish(current);
    this.#emit({ type: 'error', utteranceId: current.id, code });
  }

  #emit(event: EngineEvent): void {
    this.#listeners.emit(event);
  }

  readonly #onPageHide = (): void => {
    // Chromium keeps speaking after reload or navigation (mdn/dom-examples#307).
    this.cancel();
  };
}

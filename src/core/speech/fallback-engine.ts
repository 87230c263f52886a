/**
 * The engine the player uses: the browser's own voices when they work, the
 * built-in eSpeak-NG voice when they do not.
 *
 * It switches (saying so once with `enginechange`) when `speechSynthesis`
 * is missing, when `ready()` found no voices (and none came since), or when an utterance fails in
 * a way that means "this browser cannot speak" (unavailable, no-voice, the
 * watchdog's timeout, or synthesis-failed twice in a row: once is retried
 * with the browser). The failed utterance is then spoken again by the
 * built-in engine under the same utterance id, so the player never sees the
 * failure and keeps its place. A built-in voice chosen in the picker uses the
 * built-in engine directly.
 *
 * The switch is never final (see late-voices.ts): browser voices that arrive
 * later take over again at the next utterance, and a browser voice the
 * listener chose is always used.
 *
 * The built-in engine is loaded only when first needed, and reached like the
 * browser's: the polyfill's `speechSynthesis` behind the same Web Speech
 * adapter (builtin-speech.ts).
 */
import type {
  EngineErrorCode,
  EngineEvent,
  EngineListener,
  EngineVoice,
  SpeakRequest,
  SpeechEngine,
} from './engine.ts';
import { unlockAudio } from './builtin/audio-context.ts';
import { loadBuiltInSpeech } from './builtin-speech.ts';
import { BUILT_IN_ENGINE_ID, BUILT_IN_VOICES, builtInSupported, isBuiltInVoiceId } from './builtin/voices.ts';
import { WebSpeechEngine } from './web-speech-engine.ts';
import { WEB_SPEECH_ENGINE_ID } from './web-speech-map.ts';
import { EngineListeners } from './engine-listeners.ts';
import { BUILT_IN_POLICY, WEB_SPEECH_POLICY, type UtterancePolicy } from './utterance-policy.ts';
import { LateVoices } from './late-voices.ts';

/** `auto` falls back; the others pin one engine (and report its failures as they are). */
export type EngineChoice = 'auto' | 'web-speech' | 'built-in';

const CANNOT_SPEAK: ReadonlySet<EngineErrorCode> = new Set(['synthesis-failed', 'unavailable', 'no-voice', 'timeout']);

export interface FallbackEngineOptions {
  readonly webSpeech?: SpeechEngine;
  readonly loadBuiltIn?: (onProgress: (fraction: number) => void) => Promise<SpeechEngine>;
  /** Read on every utterance, so a player attribute can change it at any time. */
  readonly choice?: () => EngineChoice;
  /** Whether the built-in engine can run here at all (Worker and Web Audio). */
  readonly builtInSupported?: boolean;
  /** How often (ms) the browser's voices are read while the built-in voice stands in. */
  readonly lateVoicesPollMs?: number;
}

interface Current {
  readonly id: number;
  readonly request: SpeakRequest;
  engine: SpeechEngine | null;
  innerId: number;
  /** A transient failure was already retried with the browser. */
  retried: boolean;
}

export class FallbackEngine implements SpeechEngine {
  readonly #web: SpeechEngine;
  readonly #loadBuiltIn: (onProgress: (fraction: number) => void) => Promise<SpeechEngine>;
  readonly #choice: () => EngineChoice;
  readonly #canUseBuiltIn: boolean;
  #builtIn: SpeechEngine | null = null;
  #loading: Promise<SpeechEngine> | null = null;
  #switched = false;
  #announced = false;
  #announcedBack = false;
  /** ready() found no voices: the next utterance goes to the built-in voice unless some arrived. */
  #noVoices = false;
  #current: Current | null = null;
  #lastId = 0;
  /**
   * Events an inner engine reports from inside its own `speak()`, before we
   * know the id it returns (WebKit fires `start` synchronously there): held
   * and replayed once the id is known, as the playback controller does.
   */
  #early: Array<{ readonly engine: SpeechEngine; readonly event: EngineEvent }> | null = null;
  readonly #listeners = new EngineListeners();
  readonly #cleanups: Array<() => void> = [];
  /** The browser's voices, watched while the built-in voice stands in for them. */
  readonly #late: LateVoices;

  constructor(options: FallbackEngineOptions = {}) {
    this.#web = options.webSpeech ?? new WebSpeechEngine();
    this.#loadBuiltIn = options.loadBuiltIn ?? loadBuiltInSpeech;
    this.#choice = options.choice ?? (() => 'auto');
    this.#canUseBuiltIn = options.builtInSupported ?? builtInSupported();
    this.#late = new LateVoices(() => this.#web.voices(), options.lateVoicesPollMs);
    this.#cleanups.push(this.#web.subscribe((event) => this.#onInner(this.#web, event)));
    this.#cleanups.push(() => this.#late.dispose());
  }

  /** The engine speaking now: `web-speech` or `built-in`. */
  get id(): string {
    return this.#useBuiltIn() ? BUILT_IN_ENGINE_ID : WEB_SPEECH_ENGINE_ID;
  }

  speak(request: SpeakRequest): number {
    this.#stop();
    if (this.#noVoices && this.#web.voices().length === 0) this.#switchToBuiltIn(request.lang);
    if (this.#switched && this.#late.backFor(request)) this.#switchBack();
    const current: Current = { id: ++this.#lastId, request, engine: null, innerId: 0, retried: false };
    this.#current = current;
    if (this.#useBuiltIn(request.voiceId)) {
      this.#speakBuiltIn(current);
    } else {
      // Unlock Web Audio now, while this is still the listener's click: a later
      // switch to the built-in voice starts from a timer, where WebKit keeps a
      // new AudioContext suspended and the listener would hear nothing.
      if (this.#canUseBuiltIn && this.#choice() === 'auto') unlockAudio();
      this.#speakOn(this.#web, current, this.#webRequest(request));
    }
    return current.id;
  }

  /** The policy of the engine that would speak for `voiceId` now. */
  utterancePolicy(voiceId?: string | null): UtterancePolicy {
    const switching = this.#noVoices && this.#web.voices().length === 0 && this.#canUseBuiltIn;
    if (this.#useBuiltIn(voiceId) || (switching && this.#choice() === 'auto'))
      return this.#builtIn?.utterancePolicy?.(voiceId) ?? BUILT_IN_POLICY;
    return this.#web.utterancePolicy?.(voiceId) ?? WEB_SPEECH_POLICY;
  }

  /** A built-in voice id means nothing to the browser: let it choose by language. */
  #webRequest(request: SpeakRequest): SpeakRequest {
    const { voiceId, ...rest } = request;
    return isBuiltInVoiceId(voiceId) ? rest : request;
  }

  pause(): void {
    this.#current?.engine?.pause();
  }

  resume(): void {
    this.#current?.engine?.resume();
  }

  cancel(): void {
    this.#stop();
  }

  voices(): readonly EngineVoice[] {
    const builtIn = this.#canUseBuiltIn && this.#choice() !== 'web-speech' ? BUILT_IN_VOICES : [];
    return this.#choice() === 'built-in' ? builtIn : [...this.#web.voices(), ...builtIn];
  }

  async ready(): Promise<readonly EngineVoice[]> {
    // Decided at the next speak(), not now: voices may still arrive (speech-
    // dispatcher took 1.5–1.9 s here), and the switch is announced when it matters.
    this.#noVoices = (await this.#web.ready()).length === 0;
    return this.voices();
  }

  subscribe(listener: EngineListener): () => void {
    return this.#listeners.subscribe(listener);
  }

  dispose(): void {
    this.#stop();
    for (const cleanup of this.#cleanups) cleanup();
    // The built-in engine is shared by every player on the page: not ours to dispose.
    this.#web.dispose();
    this.#listeners.clear();
  }

  #useBuiltIn(voiceId?: string | null): boolean {
    const choice = this.#choice();
    if (choice !== 'auto') return choice === 'built-in';
    return this.#canUseBuiltIn && (this.#switched || isBuiltInVoiceId(voiceId));
  }

  #switchToBuiltIn(lang: string): void {
    if (!this.#canUseBuiltIn || this.#choice() !== 'auto') return;
    this.#switched = true;
    this.#late.watch(lang);
  }

  /** Browser voices came (or were chosen): use them again, and say so once. */
  #switchBack(): void {
    this.#switched = false;
    this.#late.stop();
    if (this.#announced && !this.#announcedBack) {
      this.#announcedBack = true;
      this.#emit({ type: 'enginechange', engine: WEB_SPEECH_ENGINE_ID });
    }
  }

  #speakBuiltIn(current: Current): void {
    unlockAudio();
    if (this.#builtIn) {
      // Said once, when the built-in voice really takes over (after its download).
      if (this.#switched && !this.#announced) {
        this.#announced = true;
        this.#emit({ type: 'enginechange', engine: BUILT_IN_ENGINE_ID });
      }
      this.#speakOn(this.#builtIn, current, current.request);
      return;
    }
    this.#loadOnce().then(
      () => {
        if (this.#current === current) this.#speakBuiltIn(current);
      },
      (error: unknown) => {
        console.warn('<aloud-player>: the built-in voice could not load', error);
        if (this.#current !== current) return;
        this.#current = null;
        this.#emit({ type: 'error', utteranceId: current.id, code: 'unavailable' });
      },
    );
  }

  /** Speaks on `engine`, holding the events it reports before its `speak()` returns. */
  #speakOn(engine: SpeechEngine, current: Current, request: SpeakRequest): void {
    const early: Array<{ readonly engine: SpeechEngine; readonly event: EngineEvent }> = [];
    const outer = this.#early;
    this.#early = early;
    current.engine = engine;
    try {
      current.innerId = engine.speak(request);
    } finally {
      this.#early = outer;
    }
    for (const held of early) this.#onInner(held.engine, held.event);
  }

  /** One load (and one stream of progress events) however many utterances wait for it; retried after a failure. */
  #loadOnce(): Promise<SpeechEngine> {
    const onProgress = (progress: number): void =>
      this.#emit({ type: 'loading', engine: BUILT_IN_ENGINE_ID, progress });
    this.#loading ??= this.#loadBuiltIn(onProgress).then(
      (engine) => {
        this.#builtIn = engine;
        this.#cleanups.push(engine.subscribe((event) => this.#onInner(engine, event)));
        return engine;
      },
      (error: unknown) => {
        this.#loading = null;
        throw error;
      },
    );
    return this.#loading;
  }

  /** Re-emits the current utterance's events under its public id; retries web failures on the built-in engine. */
  #onInner(engine: SpeechEngine, event: EngineEvent): void {
    if (event.type === 'voiceschanged' || event.type === 'rateignored') return this.#emit(event);
    if (event.type === 'enginechange' || event.type === 'loading') return;
    if (this.#early) {
      this.#early.push({ engine, event });
      return;
    }
    const current = this.#current;
    if (!current || current.engine !== engine || current.innerId !== event.utteranceId) return;
    if (
      event.type === 'error' &&
      engine === this.#web &&
      CANNOT_SPEAK.has(event.code) &&
      this.#choice() === 'auto' &&
      this.#canUseBuiltIn
    ) {
      if (event.code === 'synthesis-failed' && !current.retried) {
        // Transient more often than not (Firefox fails a speak() while its voice list fills): once more.
        current.retried = true;
        this.#speakOn(this.#web, current, this.#webRequest(current.request));
        return;
      }
      this.#switchToBuiltIn(current.request.lang);
      current.engine = null;
      this.#speakBuiltIn(current);
      return;
    }
    if (event.type === 'end' || event.type === 'error') this.#current = null;
    this.#emit({ ...event, utteranceId: current.id });
  }

  #stop(): void {
    const engine = this.#current?.engine;
    this.#current = null;
    engine?.cancel();
  }

  #emit(event: EngineEvent): void {
    this.#listeners.emit(event);
  }
}

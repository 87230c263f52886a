/**
 * The voice list of `speechSynthesis`, which arrives late or never: Chrome
 * fills it asynchronously, some engines never fire `voiceschanged`
 * (electron#22844), and headless Chromium without speech-dispatcher has none.
 */
import type { EngineVoice } from './engine.ts';
import { toEngineVoice, voiceId } from './web-speech-map.ts';

const POLL_MS = 250;

export class WebSpeechVoices {
  #list: readonly EngineVoice[] = [];
  #signature = '';
  /** First and last ids of the list, for `refresh()`'s quick check. */
  #ends = '';
  #promise: Promise<readonly EngineVoice[]> | null = null;
  #settle: (() => void) | null = null;
  #disposed = false;

  readonly #synth: SpeechSynthesis | null;
  readonly #timeoutMs: number;
  readonly #onChange: () => void;
  constructor(
    synth: SpeechSynthesis | null,
    timeoutMs: number,
    /** Called whenever the list changes after construction. */
    onChange: () => void,
  ) {
    this.#synth = synth;
    this.#timeoutMs = timeoutMs;
    this.#onChange = onChange;

    this.#synth?.addEventListener('voiceschanged', this.#onVoicesChanged);
    this.#refresh(false);
  }

  get current(): readonly EngineVoice[] {
    return this.#list;
  }

  /** Resolves with the first non-empty list, or with whatever there is after the timeout. */
  ready(): Promise<readonly EngineVoice[]> {
    if (this.#promise) return this.#promise;
    this.#refresh(false);
    if (!this.#synth || this.#disposed || this.#list.length > 0) {
      this.#promise = Promise.resolve(this.#list);
      return this.#promise;
    }
    this.#promise = new Promise((resolve) => {
      const poll = setInterval(() => this.#refresh(true), POLL_MS);
      const timeout = setTimeout(() => this.#settle?.(), this.#timeoutMs);
      this.#settle = () => {
        clearInterval(poll);
        clearTimeout(timeout);
        this.#settle = null;
        resolve(this.#list);
      };
    });
    return this.#promise;
  }

  /**
   * Reads the list again when it looks changed (another length, other ends):
   * for engines that never fire `voiceschanged` (electron#22844), and lists
   * that fill in steps (Firefox). Cheap enough to poll.
   */
  refresh(): void {
    const native = this.#synth?.getVoices() ?? [];
    const ends = native.length === 0 ? '' : `${voiceId(native[0]!)}\u0000${voiceId(native.at(-1)!)}`;
    if (native.length === this.#list.length && ends === this.#ends) return;
    this.#refresh(true);
  }

  /** The native voice to put on an utterance, or undefined when the id is unknown. */
  find(id: string): SpeechSynthesisVoice | undefined {
    return this.#synth?.getVoices().find((voice) => voiceId(voice) === id);
  }

  dispose(): void {
    this.#disposed = true;
    this.#synth?.removeEventListener('voiceschanged', this.#onVoicesChanged);
    // ready() never rejects and must not hang a caller past dispose.
    this.#settle?.();
  }

  #refresh(notify: boolean): void {
    if (!this.#synth) return;
    const native = this.#synth.getVoices();
    const signature = native.map((voice) => `${voiceId(voice)}\u0000${voice.lang}`).join('\n');
    if (signature === this.#signature) return;
    this.#signature = signature;
    this.#ends = native.length === 0 ? '' : `${voiceId(native[0]!)}\u0000${voiceId(native.at(-1)!)}`;
    this.#list = Object.freeze(native.map(toEngineVoice));
    if (notify) this.#onChange();
    if (this.#list.length > 0) this.#settle?.();
  }

  readonly #onVoicesChanged = (): void => {
    // Only a non-empty list settles ready(): an empty `voiceschanged` is not
    // proof that none will come, and the timeout bounds the wait anyway.
    this.#refresh(true);
  };
}

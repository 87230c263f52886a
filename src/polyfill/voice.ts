/**
 * `SpeechSynthesisVoice`: read-only, and not constructible by pages (as in
 * browsers, `new SpeechSynthesisVoice()` throws "Illegal constructor").
 */
import { brand, CONSTRUCTING, illegalConstructor } from './idl.ts';

/** What a speech backend says about one of its voices. */
export interface VoiceDescription {
  /** Unique among the backend's voices; what `voiceURI` reports. */
  readonly voiceURI: string;
  readonly name: string;
  /** BCP 47 tag, e.g. `en-US`. */
  readonly lang: string;
  readonly localService: boolean;
  readonly default: boolean;
}

export class SpeechSynthesisVoice {
  readonly #description: VoiceDescription;

  /** @internal Pages cannot construct voices; `getVoices()` hands them out. */
  constructor(token?: unknown, description?: VoiceDescription) {
    if (token !== CONSTRUCTING || !description) throw illegalConstructor();
    this.#description = description;
  }

  get voiceURI(): string {
    return this.#description.voiceURI;
  }

  get name(): string {
    return this.#description.name;
  }

  get lang(): string {
    return this.#description.lang;
  }

  get localService(): boolean {
    return this.#description.localService;
  }

  get default(): boolean {
    return this.#description.default;
  }

  /** Brand check without exceptions: true for voices made here. */
  static isVoice(value: unknown): value is SpeechSynthesisVoice {
    return typeof value === 'object' && value !== null && #description in value;
  }
}

export function createVoice(description: VoiceDescription): SpeechSynthesisVoice {
  return new SpeechSynthesisVoice(CONSTRUCTING, description);
}
brand(SpeechSynthesisVoice, 'SpeechSynthesisVoice');

/**
 * `SpeechSynthesisEvent` and `SpeechSynthesisErrorEvent`, constructible by
 * pages with the specification's init dictionaries (`utterance` and `error`
 * are required: leaving them out throws a TypeError, as in browsers).
 */
import { brand, toDOMString, toFloat, toUnsignedLong } from './idl.ts';
import { SpeechSynthesisUtterance } from './utterance.ts';

export type SpeechSynthesisErrorCode =
  | 'canceled'
  | 'interrupted'
  | 'audio-busy'
  | 'audio-hardware'
  | 'network'
  | 'synthesis-unavailable'
  | 'synthesis-failed'
  | 'language-unavailable'
  | 'voice-unavailable'
  | 'text-too-long'
  | 'invalid-argument'
  | 'not-allowed';

const ERROR_CODES: ReadonlySet<string> = new Set<SpeechSynthesisErrorCode>([
  'canceled',
  'interrupted',
  'audio-busy',
  'audio-hardware',
  'network',
  'synthesis-unavailable',
  'synthesis-failed',
  'language-unavailable',
  'voice-unavailable',
  'text-too-long',
  'invalid-argument',
  'not-allowed',
]);

export interface SpeechSynthesisEventInit extends EventInit {
  utterance: SpeechSynthesisUtterance;
  /** UTF-16 offset into the utterance's text. */
  charIndex?: number;
  charLength?: number;
  /** Seconds since the utterance began to be spoken. */
  elapsedTime?: number;
  /** `word` or `sentence` for `boundary`, the mark's name for `mark`. */
  name?: string;
}

export interface SpeechSynthesisErrorEventInit extends SpeechSynthesisEventInit {
  error: SpeechSynthesisErrorCode;
}

function initDictionary(init: unknown, what: string): Record<string, unknown> {
  if (init === undefined || init === null) return {};
  if (typeof init !== 'object' && typeof init !== 'function')
    throw new TypeError(`${what}: the provided value is not of type '${what}Init'.`);
  return init as Record<string, unknown>;
}

export class SpeechSynthesisEvent extends Event {
  readonly #utterance: SpeechSynthesisUtterance;
  readonly #charIndex: number;
  readonly #charLength: number;
  readonly #elapsedTime: number;
  readonly #name: string;

  constructor(type: string, eventInitDict: SpeechSynthesisEventInit) {
    const init = initDictionary(eventInitDict, 'SpeechSynthesisEvent');
    const { utterance } = init;
    if (utterance === undefined) throw new TypeError("SpeechSynthesisEvent: required member 'utterance' is undefined.");
    if (!(utterance instanceof SpeechSynthesisUtterance))
      throw new TypeError("SpeechSynthesisEvent: member 'utterance' is not of type 'SpeechSynthesisUtterance'.");
    super(type, init);
    this.#utterance = utterance;
    this.#charIndex = toUnsignedLong(init.charIndex ?? 0);
    this.#charLength = toUnsignedLong(init.charLength ?? 0);
    this.#elapsedTime = toFloat(init.elapsedTime ?? 0, 'SpeechSynthesisEvent elapsedTime');
    this.#name = toDOMString(init.name ?? '');
  }

  get utterance(): SpeechSynthesisUtterance {
    return this.#utterance;
  }

  get charIndex(): number {
    return this.#charIndex;
  }

  get charLength(): number {
    return this.#charLength;
  }

  get elapsedTime(): number {
    return this.#elapsedTime;
  }

  get name(): string {
    return this.#name;
  }
}

export class SpeechSynthesisErrorEvent extends SpeechSynthesisEvent {
  readonly #error: SpeechSynthesisErrorCode;

  constructor(type: string, eventInitDict: SpeechSynthesisErrorEventInit) {
    const init = initDictionary(eventInitDict, 'SpeechSynthesisErrorEvent');
    if (init.error === undefined)
      throw new TypeError("SpeechSynthesisErrorEvent: required member 'error' is undefined.");
    const error = toDOMString(init.error);
    if (!ERROR_CODES.has(error))
      throw new TypeError(
        `SpeechSynthesisErrorEvent: '${error}' is not a valid value for enumeration SpeechSynthesisErrorCode.`,
      );
    super(type, eventInitDict);
    this.#error = error as SpeechSynthesisErrorCode;
  }

  get error(): SpeechSynthesisErrorCode {
    return this.#error;
  }
}
brand(SpeechSynthesisEvent, 'SpeechSynthesisEvent');
brand(SpeechSynthesisErrorEvent, 'SpeechSynthesisErrorEvent');

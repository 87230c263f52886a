/**
 * `SpeechSynthesisUtterance`: what to say and how. Defaults and conversions
 * as the specification's IDL gives them: `text` and `lang` are DOMStrings
 * (`new SpeechSynthesisUtterance(null).text === 'null'`), `volume`, `rate`
 * and `pitch` are floats (non-finite values throw a TypeError) clamped to
 * 0–1, 0.1–10 and 0–2, and `voice` takes a `SpeechSynthesisVoice` or null.
 */
import { brand, clampFloat, defineEventHandlers, toDOMString } from './idl.ts';
import type { SpeechSynthesisErrorEvent, SpeechSynthesisEvent } from './events.ts';
import { SpeechSynthesisVoice } from './voice.ts';

export const UTTERANCE_EVENTS = ['start', 'end', 'error', 'pause', 'resume', 'mark', 'boundary'] as const;

export class SpeechSynthesisUtterance extends EventTarget {
  // The event handler attributes: accessors on the prototype (defineEventHandlers below).
  declare onstart: ((event: SpeechSynthesisEvent) => unknown) | null;
  declare onend: ((event: SpeechSynthesisEvent) => unknown) | null;
  declare onerror: ((event: SpeechSynthesisErrorEvent) => unknown) | null;
  declare onpause: ((event: SpeechSynthesisEvent) => unknown) | null;
  declare onresume: ((event: SpeechSynthesisEvent) => unknown) | null;
  declare onmark: ((event: SpeechSynthesisEvent) => unknown) | null;
  declare onboundary: ((event: SpeechSynthesisEvent) => unknown) | null;
  #text = '';
  #lang = '';
  #voice: SpeechSynthesisVoice | null = null;
  #volume = 1;
  #rate = 1;
  #pitch = 1;

  /** `text` as a DOMString when given; for an optional argument Web IDL treats `undefined` as not given. */
  constructor(text?: string) {
    super();
    if (text !== undefined) this.#text = toDOMString(text);
  }

  get text(): string {
    return this.#text;
  }

  set text(value: string) {
    this.#text = toDOMString(value);
  }

  /** BCP 47 tag; '' means the document's language. */
  get lang(): string {
    return this.#lang;
  }

  set lang(value: string) {
    this.#lang = toDOMString(value);
  }

  get voice(): SpeechSynthesisVoice | null {
    return this.#voice;
  }

  set voice(value: SpeechSynthesisVoice | null) {
    if (value !== null && value !== undefined && !SpeechSynthesisVoice.isVoice(value))
      throw new TypeError("Failed to set the 'voice' property: the value is not of type 'SpeechSynthesisVoice'.");
    this.#voice = value ?? null;
  }

  /** 0–1. */
  get volume(): number {
    return this.#volume;
  }

  set volume(value: number) {
    this.#volume = clampFloat(value, 0, 1, 'SpeechSynthesisUtterance volume');
  }

  /** 0.1–10; 1 is the voice's normal rate. */
  get rate(): number {
    return this.#rate;
  }

  set rate(value: number) {
    this.#rate = clampFloat(value, 0.1, 10, 'SpeechSynthesisUtterance rate');
  }

  /** 0–2; 1 is the voice's normal pitch. */
  get pitch(): number {
    return this.#pitch;
  }

  set pitch(value: number) {
    this.#pitch = clampFloat(value, 0, 2, 'SpeechSynthesisUtterance pitch');
  }
}

defineEventHandlers(SpeechSynthesisUtterance.prototype, UTTERANCE_EVENTS);
brand(SpeechSynthesisUtterance, 'SpeechSynthesisUtterance');

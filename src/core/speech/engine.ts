/**
 * The small interface every speech engine implements: the Web Speech adapter
 * first, the built-in eSpeak-NG engine later. Engines report through events
 * and never write player state (the playback controller owns the truth).
 */
import type { UtterancePolicy } from './utterance-policy.ts';

export interface EngineVoice {
  /** Unique within the engine; what settings store. */
  readonly id: string;
  readonly name: string;
  /** BCP 47 tag, e.g. `en-US`. */
  readonly lang: string;
  readonly isDefault: boolean;
  /** Works offline (`SpeechSynthesisVoice.localService`); undefined counts as local. */
  readonly local?: boolean;
  /** Which engine owns the voice, e.g. `web-speech` or `built-in`. */
  readonly engine: string;
}

export interface SpeakRequest {
  readonly text: string;
  readonly lang: string;
  /** 0.5–3; engines clamp to what they support. */
  readonly rate: number;
  readonly pitch?: number;
  readonly volume?: number;
  readonly voiceId?: string;
  /** Silence before the speech, in ms; only engines whose policy says `pausesInAudio` read it. */
  readonly pauseBeforeMs?: number;
  /** `voiceId` is the listener's own choice (Settings), not one matched by language: always honour it. */
  readonly voiceChosen?: boolean;
}

/**
 * Why an utterance did not finish. `interrupted`/`canceled` follow a cancel
 * and are normal; `synthesis-failed`, `no-voice` and `timeout` mean the engine
 * cannot speak and a fallback should be tried.
 */
export type EngineErrorCode =
  'canceled' | 'interrupted' | 'synthesis-failed' | 'no-voice' | 'not-allowed' | 'timeout' | 'unavailable';

export type EngineEvent =
  | { readonly type: 'start'; readonly utteranceId: number }
  | {
      readonly type: 'boundary';
      readonly utteranceId: number;
      /** UTF-16 offset into the request text. */
      readonly charIndex: number;
      readonly charLength: number;
      readonly name: 'word' | 'sentence';
    }
  | { readonly type: 'end'; readonly utteranceId: number }
  | {
      readonly type: 'error';
      readonly utteranceId: number;
      readonly code: EngineErrorCode;
    }
  | { readonly type: 'voiceschanged' }
  /** Another engine took over, e.g. the built-in voice where the browser has none. */
  | { readonly type: 'enginechange'; readonly engine: string }
  /** An engine is downloading before it can speak; `progress` runs 0–1. */
  | { readonly type: 'loading'; readonly engine: string; readonly progress: number }
  /**
   * The voice speaking was measured to ignore the requested rate (WebKitGTK's
   * Flite voices take as long at rate 3 as at rate 1). Once per voice.
   */
  | { readonly type: 'rateignored'; readonly engine: string };

export type EngineListener = (event: EngineEvent) => void;

export interface SpeechEngine {
  /** `web-speech` or `built-in`. */
  readonly id: string;
  /**
   * Speaks `request` in place of the current utterance, whose later events
   * are dropped. It does not cancel by itself: call `cancel()` first when
   * something may still be speaking.
   * Returns the utterance id that this utterance's events will carry.
   * Must be called synchronously inside a user gesture for iOS/Safari.
   */
  speak(request: SpeakRequest): number;
  /** Holds speech in place; an engine may do it by cancelling and remembering the place. */
  pause(): void;
  /** Continues after `pause()`, emitting `start` again for the same utterance once speech is confirmed. */
  resume(): void;
  /** Stops speech; touches the platform only when something is speaking or pending. */
  cancel(): void;
  /** Voices known now (may grow later: listen for `voiceschanged`). */
  voices(): readonly EngineVoice[];
  /** Resolves once voices are known or a timeout passed; never rejects. */
  ready(): Promise<readonly EngineVoice[]>;
  subscribe(listener: EngineListener): () => void;
  dispose(): void;
  /** How to cut and pace text for `voiceId` (absent: `DEFAULT_POLICY`). */
  utterancePolicy?(voiceId?: string | null): UtterancePolicy;
}

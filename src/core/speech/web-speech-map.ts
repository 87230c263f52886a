/**
 * Pure translations between the Web Speech API's shapes and the engine
 * interface's, kept apart from the adapter so they read as tables.
 */
import type { EngineErrorCode, EngineVoice, SpeakRequest } from './engine.ts';

export const WEB_SPEECH_ENGINE_ID = 'web-speech';

/** The part of `SpeechSynthesisVoice` we read (test fakes pass plain objects). */
export type VoiceLike = Pick<SpeechSynthesisVoice, 'voiceURI' | 'name' | 'lang' | 'default'> &
  Partial<Pick<SpeechSynthesisVoice, 'localService'>>;

/**
 * `voiceURI` is the stable identifier where browsers fill it; some Android
 * builds leave it empty, and then the name is what tells voices apart.
 */
export function voiceId(voice: VoiceLike): string {
  return voice.voiceURI || voice.name;
}

export function toEngineVoice(voice: VoiceLike): EngineVoice {
  return {
    id: voiceId(voice),
    name: voice.name,
    // Android Chrome has reported POSIX-style tags (`en_US`); BCP 47 wants `-`.
    lang: voice.lang.replace(/_/g, '-'),
    isDefault: voice.default,
    local: voice.localService ?? true,
    engine: WEB_SPEECH_ENGINE_ID,
  };
}

/**
 * `SpeechSynthesisErrorEvent.error` → our code. Anything unknown is treated
 * as "cannot speak" so the player tries its fallback rather than hanging.
 */
export function toEngineErrorCode(error: string): EngineErrorCode {
  switch (error) {
    case 'canceled':
    case 'interrupted':
    case 'not-allowed':
      return error;
    case 'synthesis-unavailable':
      return 'unavailable';
    case 'voice-unavailable':
    case 'language-unavailable':
      return 'no-voice';
    default:
      // synthesis-failed, audio-busy, audio-hardware, network,
      // text-too-long, invalid-argument and anything a browser invents.
      return 'synthesis-failed';
  }
}

/** Clamp to what `SpeechSynthesisUtterance` accepts; non-numbers fall back to `fallback`. */
export function clamp(value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}

/** A native utterance for `text` (the request's, or the part of it still to say) with the request's settings, clamped. */
/** `Utterance`: the class that goes with the engine's `speechSynthesis` (the browser's, or the polyfill's). */
export function createUtterance(
  Utterance: typeof SpeechSynthesisUtterance,
  request: SpeakRequest,
  text: string,
): SpeechSynthesisUtterance {
  const utterance = new Utterance(text);
  utterance.lang = request.lang;
  utterance.rate = clamp(request.rate, 0.1, 10, 1);
  utterance.pitch = clamp(request.pitch, 0, 2, 1);
  utterance.volume = clamp(request.volume, 0, 1, 1);
  return utterance;
}

/**
 * How an engine wants article text cut and paced. The playback controller
 * reads it through `SpeechEngine.utterancePolicy` before every utterance,
 * since the fallback engine may answer for a different engine each time.
 */
export interface UtterancePolicy {
  /**
   * Longest utterance the engine speaks reliably, in seconds of estimated
   * speech at the current rate (see `estimateSpeechSeconds`); `Infinity` for
   * no limit.
   */
  readonly maxSeconds: number;
  /**
   * The engine plays `SpeakRequest.pauseBeforeMs` as silence in its own audio;
   * otherwise the controller waits that long before calling `speak()`.
   */
  readonly pausesInAudio: boolean;
}

/**
 * Chrome's Google voices stop an utterance after about 15 s
 * (ken107/read-aloud#91); 10 s of estimate leaves room for a slow voice.
 */
export const WEB_SPEECH_POLICY: UtterancePolicy = Object.freeze({ maxSeconds: 10, pausesInAudio: false });

/** eSpeak-NG has no length limit, and its pauses go into the audio itself. */
export const BUILT_IN_POLICY: UtterancePolicy = Object.freeze({ maxSeconds: Infinity, pausesInAudio: true });

/** For an engine that says nothing: whole sentences, pauses by waiting. */
export const DEFAULT_POLICY: UtterancePolicy = Object.freeze({ maxSeconds: Infinity, pausesInAudio: false });

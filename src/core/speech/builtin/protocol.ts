import type { SpeakRequest } from '../engine.ts';

/**
 * Messages between the built-in engine (main thread) and its eSpeak-NG
 * worker. Plain data only: they cross `postMessage`, and PCM buffers are
 * transferred, not copied.
 */

export interface SynthesisSettings {
  /** eSpeak voice name, e.g. `en-us`. */
  readonly voice: string;
  /** Words per minute, 80–450. */
  readonly wordsPerMinute: number;
  /** 0–99; 50 is the voice's own pitch. */
  readonly pitch: number;
}

export type ToWorker =
  /** The data package, fetched (with progress) by the page in parallel with the worker's script. */
  | { readonly type: 'load'; readonly data: ArrayBuffer }
  | {
      readonly type: 'synthesize';
      readonly jobId: number;
      /** Speech jobs go before download jobs: a listener waits on them. */
      readonly priority: 'speak' | 'render';
      /** Sentences, synthesised and answered one at a time. */
      readonly segments: readonly string[];
      readonly lang: string;
      readonly settings: SynthesisSettings;
    }
  | { readonly type: 'cancel'; readonly jobId: number }
  /**
   * An on-demand language's files, written into eSpeak's file system. Sent
   * before the first job that needs them: the worker handles messages in order.
   */
  | {
      readonly type: 'add-language';
      readonly data: ArrayBuffer;
      readonly files: ReadonlyArray<{ readonly filename: string; readonly start: number; readonly end: number }>;
    };

export interface SegmentWord {
  /** UTF-16 offset into the segment. */
  readonly charIndex: number;
  readonly charLength: number;
  /** Milliseconds from the start of the segment's audio. */
  readonly timeMs: number;
}

export type FromWorker =
  | { readonly type: 'ready'; readonly sampleRate: number }
  | { readonly type: 'load-failed'; readonly message: string }
  /**
   * Audio of segment `index`, streamed: the first piece as soon as eSpeak
   * gives one (first audio in ~30 ms rather than a whole sentence's 300 ms,
   * cold), then pieces of about a second. `last` closes the segment.
   */
  | {
      readonly type: 'audio';
      readonly jobId: number;
      readonly index: number;
      readonly pcm: Int16Array;
      /** Words that start in this piece; times are from the start of the segment. */
      readonly words: readonly SegmentWord[];
      readonly last: boolean;
    }
  | { readonly type: 'done'; readonly jobId: number }
  | { readonly type: 'failed'; readonly jobId: number; readonly message: string };

/**
 * eSpeak's rate at 1×. With the pauses between sentences and paragraphs the
 * voice then reads about 160 words a minute over a whole article (the seed:
 * 485 words), a pace that suits long-form listening; eSpeak's own default,
 * 175, came to 171 with its shorter pauses and sounded rushed.
 */
const WORDS_PER_MINUTE = 170;
export function synthesisSettings(request: SpeakRequest, voice: string): SynthesisSettings {
  const rate = Number.isFinite(request.rate) ? request.rate : 1;
  const pitch = request.pitch !== undefined && Number.isFinite(request.pitch) ? request.pitch : 1;
  return {
    voice,
    // eSpeak accepts 80–450 words a minute; outside that it clamps silently or fails.
    wordsPerMinute: Math.round(Math.min(450, Math.max(80, WORDS_PER_MINUTE * rate))),
    // Web Speech pitch is 0–2 around 1; eSpeak's is 0–99 around 50.
    pitch: Math.round(Math.min(99, Math.max(0, 50 * pitch))),
  };
}

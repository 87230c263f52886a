/**
 * "Download audio": the whole article through the built-in engine into a WAV
 * file, with a WebVTT file that has one cue per sentence, timed by where each
 * sentence's audio really starts and ends. It uses the page's own assets
 * only, so it works offline once the engine's files are cached or served
 * locally.
 */
import { loadBuiltInEngine } from './load.ts';
import { encodeWav, encodeWebVtt, type Cue } from './export-audio.ts';
import { leadingSilence, pauseSamples, trailingSilence, type BuiltInEngine } from './builtin-engine.ts';
import { PAUSE_MS } from '../../playback/pauses.ts';

export interface SentenceToRender {
  /** As written: what the caption cue shows. */
  readonly text: string;
  /** What the voice says, when a pronunciation lexicon changed it; else `text`. */
  readonly spoken?: string;
  readonly lang: string;
  /** First sentence of a paragraph: a paragraph's pause goes before it. */
  readonly paragraphStart?: boolean;
}

export interface RenderOptions {
  readonly rate: number;
  readonly voiceId?: string | null;
  readonly signal?: AbortSignal;
  /** The first paragraph is a headline: a longer pause follows it. */
  readonly headline?: boolean;
  /** 0–1: loading the engine, then after each sentence. */
  readonly onProgress?: (fraction: number) => void;
}

export interface RenderedArticle {
  readonly wav: Uint8Array<ArrayBuffer>;
  readonly vtt: string;
  readonly cues: readonly Cue[];
  readonly sampleRate: number;
  readonly durationSeconds: number;
}

function aborted(): DOMException {
  return new DOMException('The download was cancelled.', 'AbortError');
}

/** Consecutive sentences in one language go to the worker as one job. */
function groupByLanguage(
  sentences: readonly SentenceToRender[],
): Array<{ lang: string; first: number; items: SentenceToRender[] }> {
  const groups: Array<{ lang: string; first: number; items: SentenceToRender[] }> = [];
  sentences.forEach((sentence, index) => {
    const last = groups.at(-1);
    if (last && last.lang === sentence.lang) last.items.push(sentence);
    else groups.push({ lang: sentence.lang, first: index, items: [sentence] });
  });
  return groups;
}

type OnAudio = (index: number, pcm: Int16Array, last: boolean) => void;

function renderGroup(
  engine: BuiltInEngine,
  lang: string,
  texts: readonly string[],
  options: RenderOptions,
  onAudio: OnAudio,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const jobId = engine.render(
      { segments: texts, lang, rate: options.rate, voiceId: options.voiceId ?? null },
      {
        audio: (index, pcm, _words, last) => onAudio(index, pcm, last),
        done: resolve,
        failed: (message) => reject(new Error(message)),
      },
    );
    if (jobId === null) return reject(new Error(`The built-in voice cannot read ${lang}.`));
    options.signal?.addEventListener(
      'abort',
      () => {
        engine.cancelRender(jobId);
        reject(aborted());
      },
      { once: true },
    );
  });
}

export async function renderArticle(
  sentences: readonly SentenceToRender[],
  options: RenderOptions,
): Promise<RenderedArticle> {
  if (options.signal?.aborted) throw aborted();
  // Loading the engine (when not yet loaded) is the first tenth of the bar, synthesis the rest.
  const engine = await loadBuiltInEngine((fraction) => options.onProgress?.(0.1 * fraction));
  const sampleRate = engine.worker.sampleRate;
  const pcm: Int16Array[] = [];
  const cues: Cue[] = [];
  let samples = 0;
  let done = 0;

  /** Silent samples at the end of the audio so far: a pause tops them up. */
  let tail = 0;
  let paragraphs = 0;
  for (const group of groupByLanguage(sentences)) {
    if (options.signal?.aborted) throw aborted();
    let cueStart = 0;
    let previous = -1;
    await renderGroup(
      engine,
      group.lang,
      group.items.map((item) => item.spoken ?? item.text),
      options,
      (index, audio, last) => {
        const sentence = group.items[index];
        if (!sentence) return;
        if (index !== previous) {
          // A sentence's first piece: the pause before it, then its cue starts.
          previous = index;
          if (sentence.paragraphStart) paragraphs++;
          if (samples > 0) {
            // The first paragraph is the headline when the article has one.
            const pauseMs = !sentence.paragraphStart
              ? PAUSE_MS.sentence
              : paragraphs === 2 && options.headline
                ? PAUSE_MS.headline
                : PAUSE_MS.paragraph;
            const pause = new Int16Array(pauseSamples(pauseMs, sampleRate, tail, leadingSilence(audio)));
            pcm.push(pause);
            samples += pause.length;
          }
          cueStart = samples;
        }
        pcm.push(audio);
        samples += audio.length;
        const silent = trailingSilence(audio);
        tail = silent === audio.length ? tail + silent : silent;
        if (!last) return;
        cues.push({ start: cueStart / sampleRate, end: samples / sampleRate, text: sentence.text });
        options.onProgress?.(0.1 + (0.9 * ++done) / sentences.length);
      },
    );
  }
  return {
    wav: encodeWav(pcm, sampleRate),
    vtt: encodeWebVtt(cues, sentences[0]?.lang),
    cues,
    sampleRate,
    durationSeconds: samples / sampleRate,
  };
}

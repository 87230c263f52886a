/**
 * The main thread's side of the eSpeak-NG worker: starts it (through a
 * `blob:` module worker when aloud.js comes from another origin), fetches the
 * data with progress, and runs synthesis jobs.
 */
import type { EngineAssets } from './assets.ts';
import type { FromWorker, SegmentWord, SynthesisSettings, ToWorker } from './protocol.ts';

export interface JobHandlers {
  /** A piece of segment `index`'s audio, in order; `last` ends the segment. */
  audio(index: number, pcm: Int16Array, words: readonly SegmentWord[], last: boolean): void;
  done(): void;
  failed(message: string): void;
}

export interface JobRequest {
  /** The on-demand language data the voice needs (`BuiltInVoice.language`), fetched first if need be. */
  readonly language?: string;
  readonly segments: readonly string[];
  readonly lang: string;
  readonly settings: SynthesisSettings;
  readonly priority: 'speak' | 'render';
}

/**
 * `new Worker(url)` throws a SecurityError for another origin's script. A
 * `blob:` worker has the page's origin and may import the script from its
 * real origin (which must then send CORS headers).
 */
function startWorker(url: string): { worker: Worker; release: () => void } {
  if (new URL(url).origin === location.origin)
    return { worker: new Worker(url, { type: 'module' }), release: () => undefined };
  const source = URL.createObjectURL(new Blob([`import ${JSON.stringify(url)};\n`], { type: 'text/javascript' }));
  // Revoked once the worker has run, not at once: the fetch of a blob: worker is asynchronous.
  return { worker: new Worker(source, { type: 'module' }), release: () => URL.revokeObjectURL(source) };
}

/**
 * Fetches on the main thread, in parallel with the worker's own script. XHR
 * rather than a fetch() body stream: reading the stream to its end made
 * Chromium drop the request before it completed now and then (reported as
 * net::ERR_ABORTED although every byte had arrived); XHR has progress events
 * and completes normally.
 */
function fetchData(url: string, bytes: number, onProgress: (fraction: number) => void): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('GET', url);
    request.responseType = 'arraybuffer';
    // With gzip on the wire, `loaded` and `total` count compressed bytes: use them as a pair.
    request.onprogress = (event) =>
      onProgress(Math.min(1, event.loaded / (event.lengthComputable ? event.total : bytes)));
    request.onload = () => {
      const data: unknown = request.response;
      if (request.status !== 200 || !(data instanceof ArrayBuffer)) reject(new Error(`${url}: HTTP ${request.status}`));
      else if (data.byteLength !== bytes) reject(new Error(`${url}: ${data.byteLength} bytes, not the ${bytes} built`));
      else resolve(data);
    };
    request.onerror = () => reject(new Error(`${url}: network error`));
    request.send();
  });
}

export class EspeakWorker {
  #lastJobId = 0;
  readonly #jobs = new Map<number, JobHandlers>();

  readonly #worker: Worker;
  readonly #assets: EngineAssets;
  /** On-demand languages sent to the worker, or on their way. */
  readonly #languages = new Map<string, Promise<void>>();
  private constructor(
    worker: Worker,
    readonly sampleRate: number,
    assets: EngineAssets,
  ) {
    this.#worker = worker;
    this.#assets = assets;

    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => this.#onMessage(event.data));
  }

  /** Rejects when the worker or its data cannot load (CSP, network, a missing file). */
  static load(assets: EngineAssets, onProgress: (fraction: number) => void): Promise<EspeakWorker> {
    const { worker, release } = startWorker(assets.workerUrl);
    return new Promise<EspeakWorker>((resolve, reject) => {
      const fail = (message: string): void => {
        worker.terminate();
        release();
        reject(new Error(`built-in voice: ${message}`));
      };
      worker.addEventListener('error', (event) => fail(event.message || 'the worker script failed to load'));
      worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
        const message = event.data;
        release();
        if (message.type === 'ready') resolve(new EspeakWorker(worker, message.sampleRate, assets));
        else if (message.type === 'load-failed') fail(message.message);
      });
      fetchData(assets.dataUrl, assets.dataBytes, (fraction) => onProgress(0.95 * fraction)).then(
        (data) => {
          const load: ToWorker = { type: 'load', data };
          worker.postMessage(load, [data]);
        },
        (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
      );
    });
  }

  synthesize(request: JobRequest, handlers: JobHandlers): number {
    const jobId = ++this.#lastJobId;
    this.#jobs.set(jobId, handlers);
    const { language, ...job } = request;
    const post = (): void => {
      // Cancelled while its language was loading: nothing to send.
      if (!this.#jobs.has(jobId)) return;
      const message: ToWorker = { type: 'synthesize', jobId, ...job };
      this.#worker.postMessage(message);
    };
    if (!language) post();
    else
      this.#language(language).then(post, (error: unknown) => {
        if (this.#jobs.delete(jobId)) handlers.failed(error instanceof Error ? error.message : String(error));
      });
    return jobId;
  }

  /** Fetches an on-demand language's data once and hands it to the worker; a failed fetch is tried again next time. */
  #language(code: string): Promise<void> {
    let loading = this.#languages.get(code);
    if (loading) return loading;
    const asset = this.#assets.languages[code];
    loading = asset
      ? fetchData(asset.url, asset.bytes, () => undefined).then((data) => {
          const message: ToWorker = { type: 'add-language', data, files: asset.files };
          this.#worker.postMessage(message, [data]);
        })
      : Promise.reject(new Error(`built-in voice: no data file for language "${code}" in this build`));
    loading.catch(() => this.#languages.delete(code));
    this.#languages.set(code, loading);
    return loading;
  }

  cancel(jobId: number): void {
    if (!this.#jobs.delete(jobId)) return;
    const message: ToWorker = { type: 'cancel', jobId };
    this.#worker.postMessage(message);
  }

  #onMessage(message: FromWorker): void {
    if (message.type !== 'audio' && message.type !== 'done' && message.type !== 'failed') return;
    // A cancelled job's answers may still be in flight: it is no longer in `jobs`.
    const handlers = this.#jobs.get(message.jobId);
    if (!handlers) return;
    if (message.type === 'audio') {
      handlers.audio(message.index, message.pcm, message.words, message.last);
    } else {
      this.#jobs.delete(message.jobId);
      if (message.type === 'done') handlers.done();
      else handlers.failed(message.message);
    }
  }
}

/**
 * The eSpeak-NG worker: loads the synthesizer with the data the page hands
 * it (through `getPreloadedPackage`: the package's own `locateFile` looks for
 * a file beside itself that a bundle never has), then turns jobs into PCM one sentence at a time.
 *
 * Why one sentence at a time: synthesis is synchronous, and 9,700 characters
 * blocked a worker for 1.8 s. Answering after each sentence gets the first
 * audio out early, and yielding between sentences lets a `cancel` message in.
 *
 * This file is GPL-3.0 territory only by what it loads: it bundles with
 * eSpeak-NG into its own chunk (see vite-plugin-espeak.ts).
 */
import init, { type ESpeakNGWorker, type EspeakModule } from '@echogarden/espeak-ng-emscripten';
import { WordTimer, prepareText } from './espeak-text.ts';
import type { FromWorker, SegmentWord, SynthesisSettings, ToWorker } from './protocol.ts';

interface Job {
  readonly jobId: number;
  readonly priority: 'speak' | 'render';
  readonly segments: readonly string[];
  readonly lang: string;
  readonly settings: SynthesisSettings;
  next: number;
}

const jobs = new Map<number, Job>();
let synth: ESpeakNGWorker | null = null;
let espeak: EspeakModule | null = null;
let running = false;
/** Settings last applied: `set_voice` reloads a dictionary (100–300 ms), so skip repeats. */
let applied: SynthesisSettings | null = null;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

async function load(data: ArrayBuffer): Promise<void> {
  try {
    const module = await init({ getPreloadedPackage: () => data, print: () => undefined, printErr: () => undefined });
    espeak = module;
    synth = new module.eSpeakNGWorker();
    post({ type: 'ready', sampleRate: synth.get_samplerate() });
    void run();
  } catch (error) {
    post({ type: 'load-failed', message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Writes an on-demand language's files where the data package would have put
 * them. Its voices are then selected by file path (`sem/ar`): eSpeak's voice
 * list was read at start-up, without them. A failure here shows up as the
 * job's `failed` ("no eSpeak voice"), which the engine reports.
 */
function addLanguage(data: ArrayBuffer, files: ReadonlyArray<{ filename: string; start: number; end: number }>): void {
  if (!espeak) return;
  const bytes = new Uint8Array(data);
  for (const file of files) {
    espeak.FS.mkdirTree(file.filename.slice(0, file.filename.lastIndexOf('/')));
    espeak.FS.writeFile(file.filename, bytes.subarray(file.start, file.end));
  }
}

function apply(engine: ESpeakNGWorker, settings: SynthesisSettings): void {
  if (applied?.voice !== settings.voice) {
    if (engine.set_voice(settings.voice) !== 0) throw new Error(`no eSpeak voice "${settings.voice}"`);
    // A new voice resets rate and pitch.
    applied = null;
  }
  if (applied?.wordsPerMinute !== settings.wordsPerMinute) engine.set_rate(settings.wordsPerMinute);
  if (applied?.pitch !== settings.pitch) engine.set_pitch(settings.pitch);
  applied = settings;
}

/** After the first piece, audio goes out in pieces of about this many samples (1 s at 22,050 Hz). */
const PIECE_SAMPLES = 22050;

function concat(chunks: readonly Int16Array[], samples: number): Int16Array {
  const pcm = new Int16Array(samples);
  let offset = 0;
  for (const chunk of chunks) {
    pcm.set(chunk, offset);
    offset += chunk.length;
  }
  return pcm;
}

function synthesizeSegment(engine: ESpeakNGWorker, job: Job, index: number): void {
  const prepared = prepareText(job.segments[index] ?? '', job.lang);
  const timer = new WordTimer(prepared);
  let chunks: Int16Array[] = [];
  let samples = 0;
  let words: SegmentWord[] = [];
  let sent = 0;
  const flush = (last: boolean): void => {
    const pcm = concat(chunks, samples);
    post({ type: 'audio', jobId: job.jobId, index, pcm, words, last }, [pcm.buffer]);
    sent++;
    chunks = [];
    samples = 0;
    words = [];
  };
  engine.synthesize(prepared.ssml, (pcm, events) => {
    chunks.push(pcm);
    samples += pcm.length;
    words.push(...timer.add(events));
    if ((sent === 0 && samples > 0) || samples >= PIECE_SAMPLES) flush(false);
    return false;
  });
  flush(true);
}

/** Speech before downloads, then oldest first. */
function nextJob(): Job | undefined {
  let chosen: Job | undefined;
  for (const job of jobs.values()) {
    if (!chosen || (job.priority === 'speak' && chosen.priority !== 'speak')) chosen = job;
  }
  return chosen;
}

/** A macrotask, unlike a microtask, lets queued `cancel` messages run first. */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

async function run(): Promise<void> {
  if (running || !synth) return;
  running = true;
  try {
    for (let job = nextJob(); job; job = nextJob()) {
      const index = job.next++;
      try {
        apply(synth, job.settings);
        if (index < job.segments.length) synthesizeSegment(synth, job, index);
      } catch (error) {
        jobs.delete(job.jobId);
        post({ type: 'failed', jobId: job.jobId, message: error instanceof Error ? error.message : String(error) });
        continue;
      }
      if (job.next >= job.segments.length) {
        jobs.delete(job.jobId);
        post({ type: 'done', jobId: job.jobId });
      }
      await yieldToMessages();
    }
  } finally {
    running = false;
  }
}

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'load':
      void load(message.data);
      return;
    case 'synthesize':
      jobs.set(message.jobId, { ...message, next: 0 });
      void run();
      return;
    case 'cancel':
      jobs.delete(message.jobId);
      return;
    case 'add-language':
      addLanguage(message.data, message.files);
      return;
  }
});

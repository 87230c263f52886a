/**
 * A fake of a browser whose speechSynthesis conforms to the specification:
 * its own, independent implementation of the six names (nothing from
 * src/polyfill/), with a pretend engine that "speaks" one word every
 * `WORD_MS`. The conformance tests run against it as well as against the
 * polyfill, which shows that they test the specification, not the polyfill.
 */

const WORD_MS = 25;
const ERRORS = [
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
];
const token = Symbol('fake');

function float(value: unknown, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isFinite(number)) throw new TypeError('non-finite float');
  return Math.fround(Math.min(max, Math.max(min, number)));
}

function handlers(target: object, types: readonly string[]): void {
  for (const type of types) {
    const key = Symbol(type);
    Object.defineProperty(target, `on${type}`, {
      configurable: true,
      enumerable: true,
      get(this: Record<symbol, { fn: unknown; listener: EventListener } | undefined>) {
        return this[key]?.fn ?? null;
      },
      set(this: EventTarget & Record<symbol, { fn: unknown; listener: EventListener } | undefined>, fn: unknown) {
        const slot = this[key];
        if (typeof fn !== 'function' && (typeof fn !== 'object' || fn === null)) {
          if (slot) this.removeEventListener(type, slot.listener);
          this[key] = undefined;
        } else if (slot) slot.fn = fn;
        else {
          const entry = {
            fn,
            listener: (event: Event) => {
              if (typeof entry.fn === 'function') (entry.fn as (event: Event) => void).call(this, event);
            },
          };
          this[key] = entry;
          this.addEventListener(type, entry.listener);
        }
      },
    });
  }
}

class FakeVoice {
  declare readonly voiceURI: string;
  declare readonly name: string;
  declare readonly lang: string;
  declare readonly localService: boolean;
  declare readonly default: boolean;
  constructor(key?: symbol, fields?: Record<string, unknown>) {
    if (key !== token) throw new TypeError('Illegal constructor');
    for (const [name, value] of Object.entries(fields ?? {}))
      Object.defineProperty(this, name, { value, enumerable: true });
  }
}

class FakeUtterance extends EventTarget {
  #text = '';
  #lang = '';
  #voice: FakeVoice | null = null;
  #volume = 1;
  #rate = 1;
  #pitch = 1;
  constructor(text?: unknown) {
    super();
    if (text !== undefined) this.text = text as string;
  }
  get text() {
    return this.#text;
  }
  set text(value: string) {
    this.#text = `${value}`;
  }
  get lang() {
    return this.#lang;
  }
  set lang(value: string) {
    this.#lang = `${value}`;
  }
  get voice() {
    return this.#voice;
  }
  set voice(value: FakeVoice | null) {
    if (value != null && !(value instanceof FakeVoice)) throw new TypeError('not a SpeechSynthesisVoice');
    this.#voice = value ?? null;
  }
  get volume() {
    return this.#volume;
  }
  set volume(value) {
    this.#volume = float(value, 0, 1);
  }
  get rate() {
    return this.#rate;
  }
  set rate(value) {
    this.#rate = float(value, 0.1, 10);
  }
  get pitch() {
    return this.#pitch;
  }
  set pitch(value) {
    this.#pitch = float(value, 0, 2);
  }
}
handlers(FakeUtterance.prototype, ['start', 'end', 'error', 'pause', 'resume', 'mark', 'boundary']);

interface EventFields extends EventInit {
  utterance?: unknown;
  charIndex?: number;
  charLength?: number;
  elapsedTime?: number;
  name?: string;
  error?: string;
}

class FakeEvent extends Event {
  declare readonly utterance: FakeUtterance;
  declare readonly charIndex: number;
  declare readonly charLength: number;
  declare readonly elapsedTime: number;
  declare readonly name: string;
  constructor(type: string, init: EventFields) {
    if (!init || !(init.utterance instanceof FakeUtterance)) throw new TypeError('utterance is required');
    super(type, init);
    const fields = {
      utterance: init.utterance,
      charIndex: (Math.trunc(Number(init.charIndex ?? 0)) || 0) >>> 0,
      charLength: (Math.trunc(Number(init.charLength ?? 0)) || 0) >>> 0,
      elapsedTime: Math.fround(Number(init.elapsedTime ?? 0)),
      name: `${init.name ?? ''}`,
    };
    for (const [name, value] of Object.entries(fields)) Object.defineProperty(this, name, { value });
  }
}

class FakeErrorEvent extends FakeEvent {
  declare readonly error: string;
  constructor(type: string, init: EventFields) {
    if (!init || !ERRORS.includes(`${init.error}`)) throw new TypeError('error is required');
    super(type, init);
    Object.defineProperty(this, 'error', { value: `${init.error}` });
  }
}

/** One word or sentence to report, or a mark, at a step of the pretend engine. */
type Step = { type: 'boundary' | 'mark'; name: string; charIndex: number; charLength: number };

/** What a conforming browser says for `text`: sentences, words, and the marks of an SSML document. */
function plan(text: string): Step[] {
  const steps: Step[] = [];
  const ssml = /^\s*(<\?xml[^>]*\?>\s*)?<speak[\s>]/.test(text);
  let sentenceStart = true;
  for (const match of text.matchAll(ssml ? /<mark\s+name="([^"]*)"\s*\/>|<[^>]*>|[^\s<]+/g : /\S+/g)) {
    const index = match.index;
    if (match[0].startsWith('<')) {
      if (match[1] !== undefined) steps.push({ type: 'mark', name: match[1], charIndex: index, charLength: 0 });
      continue;
    }
    // Punctuation alone is not a word.
    if (!/[\p{L}\p{N}]/u.test(match[0])) continue;
    const word = match[0].replace(/[.,!?;:"']+$/, '');
    if (sentenceStart) {
      const end = text.slice(index).search(/[.!?](\s|<|$)/);
      const length = end < 0 ? text.length - index : end + 1;
      steps.push({ type: 'boundary', name: 'sentence', charIndex: index, charLength: length });
    }
    steps.push({ type: 'boundary', name: 'word', charIndex: index, charLength: word.length || match[0].length });
    sentenceStart = /[.!?]$/.test(match[0]);
  }
  return steps;
}

interface Job {
  utterance: FakeUtterance;
  started: boolean;
  steps: Step[];
  timer?: ReturnType<typeof setTimeout>;
  begun: number;
  pausedTotal: number;
  pausedAt: number | null;
}

class FakeSynthesis extends EventTarget {
  readonly #queue: Job[] = [];
  #paused = false;
  readonly #voices = [
    new FakeVoice(token, {
      voiceURI: 'fake:en',
      name: 'Fake English',
      lang: 'en-US',
      localService: true,
      default: true,
    }),
    new FakeVoice(token, {
      voiceURI: 'fake:fr',
      name: 'Fake French',
      lang: 'fr-FR',
      localService: true,
      default: false,
    }),
  ];
  constructor(key?: symbol) {
    if (key !== token) throw new TypeError('Illegal constructor');
    super();
  }
  get pending() {
    return this.#queue.some((job) => !job.started);
  }
  get speaking() {
    return this.#queue.some((job) => job.started);
  }
  get paused() {
    return this.#paused;
  }
  getVoices() {
    return [...this.#voices];
  }
  speak(utterance: FakeUtterance) {
    if (!(utterance instanceof FakeUtterance)) throw new TypeError('not an utterance');
    const steps = plan(utterance.text);
    this.#queue.push({ utterance, started: false, steps, begun: 0, pausedTotal: 0, pausedAt: null });
    if (this.#queue.length === 1 && !this.#paused) this.#run();
  }
  cancel() {
    const jobs = this.#queue.splice(0);
    for (const job of jobs) clearTimeout(job.timer);
    setTimeout(() => {
      for (const job of jobs) this.#error(job, job.started ? 'interrupted' : 'canceled');
    });
  }
  pause() {
    if (this.#paused) return;
    this.#paused = true;
    const job = this.#queue[0];
    if (!job) return;
    clearTimeout(job.timer);
    job.timer = undefined;
    if (!job.started) return;
    job.pausedAt = performance.now();
    setTimeout(() => this.#fire(job, 'pause', {}));
  }
  resume() {
    if (!this.#paused) return;
    this.#paused = false;
    const job = this.#queue[0];
    if (job?.pausedAt != null) {
      job.pausedTotal += performance.now() - job.pausedAt;
      job.pausedAt = null;
      setTimeout(() => this.#fire(job, 'resume', {}));
    }
    if (job) this.#run();
  }
  #run() {
    const job = this.#queue[0];
    if (!job || this.#paused || job.timer !== undefined) return;
    job.timer = setTimeout(() => {
      job.timer = undefined;
      if (this.#queue[0] !== job) return;
      if (!job.started) {
        job.started = true;
        job.begun = performance.now();
        this.#fire(job, 'start', {});
      } else {
        // Marks and sentence boundaries come with the word that follows them.
        let step = job.steps.shift();
        while (step && (step.type === 'mark' || step.name === 'sentence')) {
          this.#fire(job, step.type, step);
          if (this.#queue[0] !== job) return;
          step = job.steps.shift();
        }
        if (step) this.#fire(job, step.type, step);
        else {
          this.#queue.shift();
          this.#fire(job, 'end', { charIndex: job.utterance.text.length });
        }
      }
      this.#run();
    }, WORD_MS);
  }
  #elapsed(job: Job) {
    return job.started ? ((job.pausedAt ?? performance.now()) - job.begun - job.pausedTotal) / 1000 : 0;
  }
  #fire(job: Job, type: string, fields: Partial<Step>) {
    job.utterance.dispatchEvent(
      new FakeEvent(type, { ...fields, utterance: job.utterance, elapsedTime: this.#elapsed(job) }),
    );
  }
  #error(job: Job, error: string) {
    job.utterance.dispatchEvent(
      new FakeErrorEvent('error', { utterance: job.utterance, error, elapsedTime: this.#elapsed(job) }),
    );
  }
}
handlers(FakeSynthesis.prototype, ['voiceschanged']);

for (const [fake, name] of [
  [FakeVoice, 'SpeechSynthesisVoice'],
  [FakeUtterance, 'SpeechSynthesisUtterance'],
  [FakeEvent, 'SpeechSynthesisEvent'],
  [FakeErrorEvent, 'SpeechSynthesisErrorEvent'],
  [FakeSynthesis, 'SpeechSynthesis'],
] as const) {
  Object.defineProperty(fake, 'name', { value: name });
  Object.defineProperty(fake.prototype, Symbol.toStringTag, { value: name, configurable: true });
}

/** Puts the fake's six names on `window`, as a conforming browser has them. */
export function installConformingFake(): void {
  const names = {
    speechSynthesis: new FakeSynthesis(token),
    SpeechSynthesis: FakeSynthesis,
    SpeechSynthesisUtterance: FakeUtterance,
    SpeechSynthesisVoice: FakeVoice,
    SpeechSynthesisEvent: FakeEvent,
    SpeechSynthesisErrorEvent: FakeErrorEvent,
  };
  for (const [name, value] of Object.entries(names))
    Object.defineProperty(window, name, { configurable: true, writable: true, value });
}

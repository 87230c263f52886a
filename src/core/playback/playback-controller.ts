/**
 * The one place where playback effects happen. It feeds events through the
 * pure `transition()`, runs the effects it returns against the speech engine,
 * keeps the highlight in step, and tells its host to re-render.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { splitIntoChunks, wordAt, type Chunk } from '../content/segment.ts';
import type { ReadingUnit } from '../content/reading-units.ts';
import { Highlighter } from '../highlight/highlighter.ts';
import { join, takeTurn } from '../speech/coordinator.ts';
import type { EngineEvent, EngineVoice, SpeechEngine } from '../speech/engine.ts';
import { chooseVoice } from '../speech/voice-match.ts';
import { initialState, type PlaybackEffect, type PlaybackEvent, type PlaybackState } from './state.ts';
import { countWords, cumulativeWords } from './timing.ts';
import { transition } from './transition.ts';

/** Speed presses closer together than this (ms) make one restart. */
export const RATE_DEBOUNCE_MS = 350;

export interface LoadedArticle {
  /** Identifies the article for saved positions. */
  readonly key: string;
  readonly lang: string;
  readonly units: readonly ReadingUnit[];
  readonly chunks: readonly (readonly Chunk[])[];
  /** Cumulative word counts (see `cumulativeWords`). */
  readonly wordsBefore: readonly number[];
}

export function prepareArticle(key: string, lang: string, units: readonly ReadingUnit[]): LoadedArticle {
  const chunks = units.map((unit) => {
    const found = splitIntoChunks(unit.text, unit.lang);
    // A unit always has letters (extraction checks), so this only guards odd input.
    return found.length > 0 ? found : [{ start: 0, end: unit.text.length, text: unit.text }];
  });
  return { key, lang, units, chunks, wordsBefore: cumulativeWords(units.map((unit) => countWords(unit.text))) };
}

/** Engine news the listener should hear about: loading the built-in voice, or switching to it. */
export type EngineNotice = EngineEvent & { readonly type: 'enginechange' | 'loading' };

export type StateListener = (previous: PlaybackState, next: PlaybackState) => void;

export class PlaybackController implements ReactiveController {
  state: PlaybackState = initialState;
  article: LoadedArticle | null = null;
  voices: readonly EngineVoice[] = [];

  readonly #highlighter = new Highlighter();
  /** The utterance in flight; `from` is where its text starts in the chunk. */
  #utterance: { readonly id: number; readonly token: number; readonly from: number } | null = null;
  /** Gathers a run of speed changes into one restart (see `apply-rate`). */
  #rateTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #pending: PlaybackEvent[] = [];
  /** Set by the host to say so when the chosen voice disappears. */
  onVoiceGone: () => void = () => undefined;
  /** Set by the host to word an engine switch or download in its status line. */
  onEngineNotice: (event: EngineNotice) => void = () => undefined;
  /** Engine events that arrive while `speak()` is still running (see `run`). */
  #early: EngineEvent[] | null = null;
  #dispatching = false;
  /** Until an engine proves it sends word boundaries, highlight whole sentences. */
  #boundariesSeen = false;
  #showHighlight = true;
  #cleanups: Array<() => void> = [];
  /** Our place in the page-wide coordinator: another player starting stops us. */
  readonly #turn = { yield: () => this.dispatch({ type: 'stop' }) };

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #engine: SpeechEngine;
  readonly #onStateChange: StateListener;
  constructor(host: ReactiveControllerHost & HTMLElement, engine: SpeechEngine, onStateChange: StateListener) {
    this.#host = host;
    this.#engine = engine;
    this.#onStateChange = onStateChange;

    host.addController(this);
  }

  hostConnected(): void {
    const unsubscribe = this.#engine.subscribe((event) => this.#onEngineEvent(event));
    const leave = join(this.#turn);
    // Chromium keeps speaking after a reload or navigation unless told (mdn/dom-examples#307).
    const onPageHide = () => this.dispatch({ type: 'stop' });
    window.addEventListener('pagehide', onPageHide);
    this.#cleanups = [unsubscribe, leave, () => window.removeEventListener('pagehide', onPageHide)];
    void this.#engine.ready().then((voices) => {
      this.voices = voices;
      this.#host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.dispatch({ type: 'stop' });
    this.#clearRateTimer();
    for (const cleanup of this.#cleanups) cleanup();
    this.#cleanups = [];
    this.#highlighter.clear();
  }

  load(article: LoadedArticle, paragraphIndex = 0): void {
    this.article = article;
    this.dispatch({ type: 'load', chunkCounts: article.chunks.map((chunks) => chunks.length), paragraphIndex });
  }

  /** Turning highlighting off (WCAG 2.2.2) clears it at once. */
  setHighlighting(enabled: boolean): void {
    this.#showHighlight = enabled;
    this.#syncHighlight();
  }

  get currentUnit(): ReadingUnit | null {
    return this.article?.units[this.state.paragraphIndex] ?? null;
  }

  get currentChunk(): Chunk | null {
    return this.article?.chunks[this.state.paragraphIndex]?.[this.state.chunkIndex] ?? null;
  }

  /** The spoken word as offsets into the current chunk, if the engine told us. */
  get currentWord(): { start: number; end: number } | null {
    const word = this.state.word;
    const chunk = this.currentChunk;
    if (!word || !chunk) return null;
    if (word.length > 0) return { start: word.start, end: Math.min(chunk.text.length, word.start + word.length) };
    // Some engines report charIndex only: find the word that starts there.
    return wordAt(chunk.text, word.start, this.currentUnit?.lang ?? 'en');
  }

  dispatch(event: PlaybackEvent): void {
    // Engines may report synchronously from inside speak(); queue to keep one transition at a time.
    this.#pending.push(event);
    if (this.#dispatching) return;
    this.#dispatching = true;
    try {
      for (let next = this.#pending.shift(); next; next = this.#pending.shift()) this.#step(next);
    } finally {
      this.#dispatching = false;
    }
  }

  #step(event: PlaybackEvent): void {
    const previous = this.state;
    const result = transition(previous, event);
    this.state = result.state;
    for (const effect of result.effects) this.#run(effect);
    if (result.state === previous) return;
    this.#syncHighlight();
    this.#onStateChange(previous, result.state);
    this.#host.requestUpdate();
  }

  #run(effect: PlaybackEffect): void {
    switch (effect.type) {
      case 'speak': {
        const chunk = this.article?.chunks[effect.paragraphIndex]?.[effect.chunkIndex];
        const unit = this.article?.units[effect.paragraphIndex];
        if (!chunk || !unit) return;
        // Others must cancel before we speak: their cancel() would clear our utterance too.
        takeTurn(this.#turn);
        // Spoken at the current speed: a pending restart for a new speed is moot.
        this.#clearRateTimer();
        const voiceId = chooseVoice(this.voices, unit.lang, effect.voiceId);
        const from = Math.min(chunk.text.length, Math.max(0, effect.from));
        // Events reported from inside speak() carry an id we learn only when it
        // returns: hold them till then (fast-check found a synchronous error lost,
        // leaving "Starting…" forever).
        const early: EngineEvent[] = (this.#early = []);
        this.#utterance = null;
        try {
          const id = this.#engine.speak({
            text: chunk.text.slice(from),
            lang: unit.lang,
            rate: effect.rate,
            ...(voiceId ? { voiceId, voiceChosen: voiceId === effect.voiceId } : {}),
          });
          this.#utterance = { id, token: effect.token, from };
        } catch {
          // An engine that throws rather than reports must not throw out of a
          // click handler: it is a failed utterance (one retry, then the error).
          this.dispatch({ type: 'engine-error', token: effect.token, code: 'synthesis-failed' });
        } finally {
          this.#early = null;
        }
        for (const event of early) this.#onEngineEvent(event);
        return;
      }
      case 'cancel':
        this.#utterance = null;
        this.#engine.cancel();
        return;
      case 'apply-rate-soon':
        this.#clearRateTimer();
        this.#rateTimer = setTimeout(() => {
          this.#rateTimer = undefined;
          this.dispatch({ type: 'apply-rate', wordsKnown: this.#boundariesSeen });
        }, RATE_DEBOUNCE_MS);
        return;
      case 'pause-engine':
        this.#engine.pause();
        return;
      case 'resume-engine':
        this.#engine.resume();
        return;
    }
  }

  #onEngineEvent(event: EngineEvent): void {
    if (event.type === 'enginechange' || event.type === 'loading') {
      // Not playback state: the host words it ("Using the built-in voice", "Loading voice… 40%").
      if (event.type === 'enginechange') this.voices = this.#engine.voices();
      this.onEngineNotice(event);
      this.#host.requestUpdate();
      return;
    }
    if (event.type === 'voiceschanged') {
      const chosen = this.state.voiceId;
      const had = this.voices.some((voice) => voice.id === chosen);
      this.voices = this.#engine.voices();
      // The chosen voice went away (uninstalled, engine restarted): chooseVoice()
      // falls back to the language's default, and the listener must be told.
      if (had && this.voices.length > 0 && !this.voices.some((voice) => voice.id === chosen)) this.onVoiceGone();
      this.#host.requestUpdate();
      return;
    }
    if (this.#early) {
      this.#early.push(event);
      return;
    }
    // Events of any utterance but the current one are stale (engine quirks, races).
    const current = this.#utterance;
    if (!current || event.utteranceId !== current.id) return;
    const token = current.token;
    switch (event.type) {
      case 'start':
        return this.dispatch({ type: 'engine-start', token });
      case 'boundary':
        if (event.name !== 'word') return;
        this.#boundariesSeen = true;
        return this.dispatch({
          type: 'engine-boundary',
          token,
          charIndex: event.charIndex + current.from,
          charLength: event.charLength,
        });
      case 'end':
        return this.dispatch({ type: 'engine-end', token });
      case 'error':
        return this.dispatch({ type: 'engine-error', token, code: event.code });
    }
  }

  #clearRateTimer(): void {
    if (this.#rateTimer !== undefined) clearTimeout(this.#rateTimer);
    this.#rateTimer = undefined;
  }

  #syncHighlight(): void {
    const { status } = this.state;
    const unit = this.currentUnit;
    const reading = status === 'starting' || status === 'playing' || status === 'paused';
    if (!this.#showHighlight || !unit || !reading) {
      this.#highlighter.clear();
      return;
    }
    this.#highlighter.setParagraph(unit.element);
    const chunk = this.currentChunk;
    const word = this.currentWord;
    if (chunk && word) {
      this.#highlighter.setWord(unit.element, chunk.start + word.start, chunk.start + word.end);
    } else if (chunk && !this.#boundariesSeen && status === 'playing') {
      // Degrade gracefully: engines without boundary events still show the sentence.
      this.#highlighter.setWord(unit.element, chunk.start, chunk.end);
    } else {
      this.#highlighter.clearWord();
    }
  }
}

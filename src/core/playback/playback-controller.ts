/**
 * The one place where playback effects happen. It feeds events through the
 * pure `transition()`, runs the effects it returns against the speech engine,
 * keeps the highlight in step, and tells its host to re-render.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Sentence } from '../content/sentences.ts';
import type { Paragraph } from '../content/paragraphs.ts';
import { applyLexicon, EMPTY_LEXICON, type Lexicon, type SpokenText } from '../content/lexicon.ts';
import { Highlighter } from '../highlight/highlighter.ts';
import { join, takeTurn } from '../speech/coordinator.ts';
import type { EngineEvent, EngineVoice, SpeakRequest, SpeechEngine } from '../speech/engine.ts';
import { DEFAULT_POLICY } from '../speech/utterance-policy.ts';
import { chooseVoice } from '../speech/voice-match.ts';
import { pauseBetween, type UtterancePlace } from './pauses.ts';
import { cutFor, placeIn, type LoadedArticle, type ParagraphCut } from './prepared-article.ts';
import { PauseGap } from './pause-gap.ts';
import { initialState, type PlaybackEffect, type PlaybackEvent, type PlaybackState } from './state.ts';
import { transition } from './transition.ts';

export { prepareArticle, type LoadedArticle } from './prepared-article.ts';

/** Speed presses closer together than this (ms) make one restart. */
export const RATE_DEBOUNCE_MS = 350;

/** Engine news the listener should hear about: loading the built-in voice, or switching to it. */
export type EngineNotice = EngineEvent & { readonly type: 'enginechange' | 'loading' | 'rateignored' };

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
  /** The current paragraph's utterances, cut for the engine and rate last spoken with. */
  #cut: ParagraphCut | null = null;
  /** What the engine was asked to say for the current utterance (lexicon applied). */
  #spoken: SpokenText | null = null;
  /** The utterance spoken last, and (only while its `end` is handled) the one that just ended. */
  #last: UtterancePlace | null = null;
  #ended: UtterancePlace | null = null;
  /** A Web Speech utterance waiting out its pause. */
  readonly #gap = new PauseGap();
  /** Our place in the page-wide coordinator: another player starting stops us. */
  readonly #turn = { yield: () => this.dispatch({ type: 'stop' }) };

  readonly #host: ReactiveControllerHost;
  readonly #engine: SpeechEngine;
  readonly #onStateChange: StateListener;
  constructor(host: ReactiveControllerHost, engine: SpeechEngine, onStateChange: StateListener) {
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
    this.#cut = null;
    // Each paragraph counts as one utterance until it is cut, just before it is read.
    this.dispatch({ type: 'load', utteranceCounts: article.paragraphs.map(() => 1), paragraphIndex });
  }

  /**
   * Between two Web Speech utterances, waiting out the pause before the next
   * (it counts as in flight: the state says so, the engine is silent).
   */
  get pausing(): boolean {
    return this.#gap.waiting;
  }

  /** Turning highlighting off (WCAG 2.2.2) clears it at once. */
  setHighlighting(enabled: boolean): void {
    this.#showHighlight = enabled;
    this.#syncHighlight();
  }

  get currentParagraph(): Paragraph | null {
    return this.article?.paragraphs[this.state.paragraphIndex] ?? null;
  }

  /** The utterance being read (a sentence, or part of a long one), in the paragraph's own text. */
  get currentUtterance(): Sentence | null {
    const { paragraphIndex, utteranceIndex, rate } = this.state;
    if (!this.article?.paragraphs[paragraphIndex]) return null;
    if (this.#cut?.paragraphIndex !== paragraphIndex)
      this.#cut = this.#cutFor(paragraphIndex, rate, this.state.voiceId);
    return this.#cut.utterances[utteranceIndex] ?? null;
  }

  /** The spoken word as offsets into the current utterance's written text, if the engine told us. */
  get currentWord(): { start: number; end: number } | null {
    const word = this.state.word;
    const chunk = this.currentUtterance;
    if (!word || !chunk) return null;
    const spoken = this.#spoken?.written === chunk.text ? this.#spoken : applyLexicon(chunk.text, this.#lexicon());
    return spoken.wordAt(word.start, word.length, this.currentParagraph?.lang ?? 'en');
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
      // Only the speak that follows an `end` at once gets the pause after it.
      this.#ended = null;
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
      case 'speak':
        try {
          return this.#speak(effect);
        } catch (error) {
          // Whatever went wrong preparing the text, the listener must not be left at "Playing" in silence.
          console.error('<aloud-player>: could not prepare the text to speak', error);
          return this.dispatch({ type: 'engine-error', token: effect.token, code: 'synthesis-failed' });
        }
      case 'cancel':
        this.#gap.stop();
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
        // Paused in the gap between utterances: hold the next one until resumed.
        if (this.#gap.waiting) this.#gap.hold();
        else this.#engine.pause();
        return;
      case 'resume-engine':
        if (this.#gap.waiting) this.#gap.finish();
        else this.#engine.resume();
        return;
    }
  }

  /** A lexicon that arrived after the article keyed `key` loaded; ignored if another article loaded since. */
  setLexicon(lexicon: Lexicon, key: string): void {
    if (this.article?.key === key) this.article = this.article.withLexicon(lexicon);
  }

  #lexicon(): Lexicon {
    return this.article?.lexicon ?? EMPTY_LEXICON;
  }

  #cutFor(paragraphIndex: number, rate: number, voiceId: string | null): ParagraphCut {
    const lang = this.article?.paragraphs[paragraphIndex]?.lang ?? 'en';
    const policy = this.#engine.utterancePolicy?.(chooseVoice(this.voices, lang, voiceId)) ?? DEFAULT_POLICY;
    return cutFor(this.article, this.#cut, paragraphIndex, { maxSeconds: policy.maxSeconds, rate });
  }

  #speak(effect: Extract<PlaybackEffect, { type: 'speak' }>): void {
    const unit = this.article?.paragraphs[effect.paragraphIndex];
    if (!unit) return;
    if (unit.text === '') {
      // Found only now to have nothing to read (hidden by CSS, a spacer, a link
      // line: paragraphs.ts checks on first use): on to the next, still
      // "starting", since nothing has been heard yet.
      this.dispatch({ type: 'engine-end', token: effect.token });
      return;
    }
    // Spoken at the current speed: a pending restart for a new speed is moot.
    this.#clearRateTimer();
    const voiceId = chooseVoice(this.voices, unit.lang, effect.voiceId);
    // Cut the paragraph now (lazily), or again for a new rate or engine, keeping the place.
    const previous = this.#cut;
    const cut = this.#cutFor(effect.paragraphIndex, effect.rate, effect.voiceId);
    const place = placeIn(cut, previous, effect.utteranceIndex);
    this.#cut = cut;
    const utterance = cut.utterances[place];
    if (!utterance) return;
    if (
      place !== effect.utteranceIndex ||
      cut.utterances.length !== this.state.utteranceCounts[effect.paragraphIndex]
    ) {
      this.dispatch({
        type: 'utterances',
        paragraphIndex: effect.paragraphIndex,
        count: cut.utterances.length,
        utteranceIndex: place,
      });
    }
    const here: UtterancePlace = {
      paragraphIndex: effect.paragraphIndex,
      start: utterance.start,
      sentenceStart: cut.sentenceStarts.has(utterance.start),
      heading: unit.kind === 'heading',
    };
    const pauseMs = this.#ended ? pauseBetween(this.#ended, here) : 0;
    this.#last = here;
    const spoken = (this.#spoken = applyLexicon(utterance.text, this.#lexicon()));
    // Going on from a word (after a pause that cancelled, or a speed change): `from` is an offset
    // into the spoken text, as the engine's boundaries are. A re-cut utterance starts afresh.
    const from = place === effect.utteranceIndex ? Math.min(spoken.text.length, Math.max(0, effect.from)) : 0;
    const policy = this.#engine.utterancePolicy?.(voiceId) ?? DEFAULT_POLICY;
    const request: SpeakRequest = {
      text: spoken.text.slice(from),
      lang: unit.lang,
      rate: effect.rate,
      ...(voiceId ? { voiceId, voiceChosen: voiceId === effect.voiceId } : {}),
      ...(policy.pausesInAudio && pauseMs > 0 ? { pauseBeforeMs: pauseMs } : {}),
    };
    this.#gap.stop();
    this.#utterance = null;
    // Web Speech has no silence of its own to ask for: wait, cancellably.
    if (pauseMs > 0 && !policy.pausesInAudio)
      this.#gap.start(pauseMs, () => this.#speakNow(request, effect.token, from));
    else this.#speakNow(request, effect.token, from);
  }

  #speakNow(request: SpeakRequest, token: number, from: number): void {
    // Others must cancel before we speak: their cancel() would clear our utterance too.
    takeTurn(this.#turn);
    // Events reported from inside speak() carry an id we learn only when it
    // returns: hold them till then (fast-check found a synchronous error lost,
    // leaving "Starting…" forever).
    const early: EngineEvent[] = (this.#early = []);
    this.#utterance = null;
    try {
      const id = this.#engine.speak(request);
      this.#utterance = { id, token, from };
    } catch {
      // An engine that throws rather than reports must not throw out of a
      // click handler: it is a failed utterance (one retry, then the error).
      this.dispatch({ type: 'engine-error', token, code: 'synthesis-failed' });
    } finally {
      this.#early = null;
    }
    for (const event of early) this.#onEngineEvent(event);
  }

  #onEngineEvent(event: EngineEvent): void {
    if (event.type === 'enginechange' || event.type === 'loading' || event.type === 'rateignored') {
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
        this.#ended = this.#last;
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
    const unit = this.currentParagraph;
    const reading = status === 'starting' || status === 'playing' || status === 'paused';
    if (!this.#showHighlight || !unit || !reading) {
      this.#highlighter.clear();
      return;
    }
    this.#highlighter.setParagraph(unit.element);
    const chunk = this.currentUtterance;
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

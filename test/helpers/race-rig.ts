/**
 * The real PlaybackController on a real article DOM, driven by the
 * fault-injecting engine: one rig per property run. `apply()` performs one
 * random step; `checkInvariants()` says what must hold after every step.
 */
import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { extractParagraphs } from '../../src/core/content/paragraphs.ts';
import { CURRENT_ATTRIBUTE, WORD_HIGHLIGHT } from '../../src/core/highlight/highlighter.ts';
import { PlaybackController, prepareArticle, type LoadedArticle } from '../../src/core/playback/playback-controller.ts';
import { MAX_RATE, MIN_RATE, type PlaybackEvent } from '../../src/core/playback/state.ts';
import type { EngineVoice } from '../../src/core/speech/engine.ts';
import { FaultEngine, type EventTarget, type FiredEvent, type SpeakFault } from './fault-engine.ts';

/** A host with nothing to render: the controller is what is under test. */
class RaceHost extends LitElement {}
if (!customElements.get('race-host')) customElements.define('race-host', RaceHost);

export const VOICE_A: EngineVoice = { id: 'a', name: 'A', lang: 'en-US', isDefault: true, engine: 'fault' };
export const VOICE_B: EngineVoice = { id: 'b', name: 'B', lang: 'en-GB', isDefault: false, engine: 'fault' };

const SENTENCES = ['One small sentence.', 'Another one follows here!', 'Is this the third?', 'Four words, then more.'];

export type RaceStep =
  | { readonly kind: 'command'; readonly event: PlaybackEvent }
  | { readonly kind: 'highlight'; readonly enabled: boolean }
  | { readonly kind: 'reload'; readonly paragraphIndex: number }
  | { readonly kind: 'pagehide' }
  | { readonly kind: 'voices'; readonly ids: readonly ('a' | 'b')[] }
  | { readonly kind: 'fault'; readonly fault: SpeakFault }
  | { readonly kind: 'engine'; readonly target: EventTarget; readonly event: FiredEvent; readonly back: number };

export class RaceRig {
  readonly engine = new FaultEngine([VOICE_A, VOICE_B]);
  readonly host = document.createElement('race-host') as RaceHost;
  readonly controller: PlaybackController;
  readonly article: HTMLElement;
  readonly prepared: LoadedArticle;
  /** Mirrors the controller's highlighting setting, which has no getter. */
  highlightOn = true;

  /** `sentencesPerParagraph[i]` sentences in paragraph i; a headline comes first. */
  constructor(sentencesPerParagraph: readonly number[]) {
    this.article = document.createElement('article');
    this.article.lang = 'en';
    const headline = document.createElement('h1');
    headline.textContent = 'A race headline';
    this.article.append(headline);
    sentencesPerParagraph.forEach((count, index) => {
      const paragraph = document.createElement('p');
      paragraph.textContent = Array.from({ length: count }, (_, i) => SENTENCES[(index + i) % SENTENCES.length]).join(
        ' ',
      );
      this.article.append(paragraph);
    });
    document.body.append(this.article);
    this.controller = new PlaybackController(this.host, this.engine, () => undefined);
    document.body.append(this.host);
    const units = extractParagraphs(this.article, { readCaptions: false, fallbackLang: 'en' });
    this.prepared = prepareArticle('race', 'en', units);
    this.controller.load(this.prepared);
  }

  dispose(): void {
    this.host.remove();
    this.article.remove();
  }

  apply(step: RaceStep): void {
    switch (step.kind) {
      case 'command':
        return this.controller.dispatch(step.event);
      case 'highlight':
        this.highlightOn = step.enabled;
        return this.controller.setHighlighting(step.enabled);
      case 'reload':
        return this.controller.load(this.prepared, step.paragraphIndex);
      case 'pagehide':
        window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
        return;
      case 'voices':
        return this.engine.setVoices(step.ids.map((id) => (id === 'a' ? VOICE_A : VOICE_B)));
      case 'fault':
        this.engine.nextFault = step.fault;
        return;
      case 'engine':
        this.engine.fire(step.target, step.event, step.back);
        return;
    }
  }

  checkInvariants(): void {
    const { controller, engine } = this;
    const state = controller.state;
    const count = state.utteranceCounts.length;
    expect(engine.maxInFlight, 'at most one utterance in flight').to.be.at.most(1);
    expect(state.paragraphIndex, 'paragraph in range').to.be.within(0, Math.max(0, count - 1));
    expect(state.utteranceIndex, 'chunk in range').to.be.within(
      0,
      Math.max(0, (state.utteranceCounts[state.paragraphIndex] ?? 1) - 1),
    );
    expect(state.rate).to.be.within(MIN_RATE, MAX_RATE);
    // Waiting out the pause between utterances, the next one is in flight with the engine silent.
    const pausing = controller.pausing;
    expect(state.inFlight, 'the controller and the engine agree on an utterance in flight').to.equal(
      engine.inFlight.size === 1 || pausing,
    );
    if (pausing) expect(engine.inFlight.size, 'nothing speaks during a pause').to.equal(0);

    const speakingId = engine.currentId;
    if (state.inFlight && speakingId !== null) {
      expect(engine.requests.get(speakingId)?.text, 'the engine speaks the chunk the state names').to.equal(
        // From the word heard last after a pause or a speed change.
        controller.currentUtterance?.text.slice(state.from),
      );
    }
    const speaking = speakingId !== null && !engine.paused;
    if (state.status === 'playing' || state.status === 'starting')
      expect(speaking || pausing, `${state.status} with the engine quiet`).to.equal(true);
    else expect(speaking, `${state.status} while the engine speaks`).to.equal(false);

    const marked = Array.from(document.querySelectorAll(`[${CURRENT_ATTRIBUTE}]`));
    const reading = state.status === 'starting' || state.status === 'playing' || state.status === 'paused';
    const unit = controller.currentParagraph;
    if (this.highlightOn && reading && unit)
      expect(marked, 'the highlighted paragraph is the one being read').to.deep.equal([unit.element]);
    else expect(marked, 'no paragraph highlighted').to.deep.equal([]);

    const word = CSS.highlights.get(WORD_HIGHLIGHT);
    if (word) {
      const [range] = word as unknown as Iterable<AbstractRange>;
      const chunk = controller.currentUtterance;
      expect(this.highlightOn && reading, 'a word highlight only while reading').to.equal(true);
      expect(
        range && unit?.element.contains(range.startContainer),
        'the word highlight is in the paragraph read',
      ).to.equal(true);
      if (range instanceof Range && chunk) {
        // The marked text lies within the chunk being spoken.
        const before = document.createRange();
        before.selectNodeContents(unit?.element ?? this.article);
        before.setEnd(range.startContainer, range.startOffset);
        const start = before.toString().length;
        expect(start, 'word starts inside the chunk').to.be.within(chunk.start, chunk.end);
        expect(start + range.toString().length, 'word ends inside the chunk').to.be.at.most(chunk.end);
      }
    }
  }
}

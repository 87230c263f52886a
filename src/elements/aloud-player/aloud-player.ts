import { LitElement, adoptStyles, type PropertyValues } from 'lit';
import { errors, formatRate, strings } from '../../core/i18n/strings.ts';
import type { PlayerAction } from '../../core/keyboard/shortcuts.ts';
import type { EngineNotice } from '../../core/playback/playback-controller.ts';
import { RATE_STEP, isActive, type PlaybackState } from '../../core/playback/state.ts';
import type { EngineChoice, FallbackEngine } from '../../core/speech/fallback-engine.ts';
import { loadPreferences, savePreferences, type Preferences } from '../../core/storage/preferences.ts';
import { playerStyles } from './aloud-player.styles.ts';
import { ParagraphChangeEvent, PlayerErrorEvent, mediaEvent } from './events.ts';
import type { PlayerParts } from './extras-api.ts';
import { loadParts, type LazyParts, type Playback, type Reading } from './reading-api.ts';
import { PendingPlayback } from './pending-playback.ts';
import { PlayPromises } from './play-promises.ts';
import { renderPlayer } from './aloud-player.render.ts';
import { engineNoticeMessage, statusChange } from './announcements.ts';
import { PlayerLocale } from './player-locale.ts';

/**
 * Reads an article aloud, paragraph by paragraph, with captions and in-place
 * highlighting. Its API mirrors HTMLMediaElement so that it feels familiar.
 *
 * @summary An accessible "listen to this article" player.
 *
 * @fires {Event} play - The engine confirmed that speech started (bubbles, composed).
 * @fires {Event} pause - Reading paused (bubbles, composed).
 * @fires {Event} ended - The last paragraph was read (bubbles, composed).
 * @fires {Event} ratechange - `playbackRate` changed (bubbles, composed).
 * @fires {ParagraphChangeEvent} paragraphchange - The paragraph being read changed; detail `{ index, text }` (bubbles, composed).
 * @fires {PlayerErrorEvent} error - Something prevents reading; detail `{ message }`. Does not bubble, like HTMLMediaElement's.
 *
 * @csspart region - The labelled region around the whole player.
 * @csspart toolbar - The row of playback buttons.
 * @csspart button - Every toolbar button (Previous, Play/Pause, Next, Slower, Faster, Settings, Shortcuts).
 * @csspart play-button - The Play/Pause button.
 * @csspart progress - The paragraph slider.
 * @csspart captions - The line showing the sentence being spoken.
 * @csspart status - The status line.
 * @csspart settings - The settings panel.
 * @csspart dialog - The keyboard shortcuts dialog.
 *
 * @cssprop --aloud-accent - Colour of the Play button and slider.
 * @cssprop --aloud-accent-text - Text colour on the accent.
 * @cssprop --aloud-surface - Background of the player.
 * @cssprop --aloud-border - Border colour.
 * @cssprop --aloud-color - Text colour.
 * @cssprop --aloud-font - Font shorthand.
 * @cssprop --aloud-font-size - Font size (never below 14px).
 * @cssprop --aloud-radius - Corner radius.
 * @cssprop --aloud-control-size - Size of buttons (never below 24px).
 * @cssprop --aloud-focus-color - Focus ring colour.
 * @cssprop --aloud-margin - Space around the player.
 */
export class AloudPlayer extends LitElement {
  static override styles = playerStyles;

  /**
   * Declared here rather than with `@property`/`@state`: the decorator
   * runtime and its call sites cost ~1 KB of the 15 KB gzip budget.
   */
  static override properties = {
    for: {},
    src: {},
    shortcuts: { reflect: true },
    uiLang: { attribute: 'ui-lang' },
    engine: { reflect: true },
    preferences: { state: true },
    statusMessage: { state: true },
    errorMessage: { state: true },
    settingsOpen: { state: true },
    headline: { state: true },
  };

  /** Id of the element to read; without it, the nearest `<article>` or `<main>`. */
  for = '';
  /**
   * URL of an `article.json` to load and read when the text is not on the
   * page; the article is rendered as HTML right after the player. Wins over `for`.
   */
  src = '';
  /** `page` makes the shortcuts work anywhere on the page; default: only inside the player. */
  shortcuts: 'player' | 'page' = 'player';
  /** Language of the player's own labels and messages (`en`, `ar`, `fa`); defaults to the article's `lang`. */
  uiLang = '';
  /**
   * `auto` (default): the browser's voices, else the built-in eSpeak-NG voice;
   * `web-speech` or `built-in` pins one engine.
   */
  engine: EngineChoice = 'auto';

  /** @internal */ preferences: Preferences = loadPreferences();
  /** @internal */ statusMessage = '';
  /** @internal */ errorMessage = '';
  /** @internal */ settingsOpen = false;
  /** @internal */ headline = '';

  /** Holds the intents that come before the reading chunk (see pending-playback.ts). */
  readonly #pending = new PendingPlayback();
  /** @internal The state and effects of reading; the element's parts read it. The stand-in until the chunk arrives. */
  playback: Playback = this.#pending;
  /** @internal */
  readonly i18n: PlayerLocale = new PlayerLocale(this, () => this.uiLang || this.playback.article?.lang || null);
  /** Counts article loads, so a slow `src` fetch cannot overwrite a newer article. */
  #loads = 0;
  readonly #plays = new PlayPromises();

  /** The lazy parts of the player (see reading-api.ts); null until they arrive. */
  #reading: Reading | null = null;
  #parts: PlayerParts | null = null;
  #partsLoaded: Promise<void> | undefined;

  /** @internal The speech engine in use; null until the reading chunk arrives. */
  get speech(): FallbackEngine | null {
    return this.#reading?.speech ?? null;
  }

  // ---- lifecycle -------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.#partsLoaded ??= loadParts().then(
      (parts) => this.#attachParts(parts),
      (error: unknown) => {
        this.#plays.onTheWay = false;
        this.#fail(errors.playerFailed, error);
        this.#settlePlays(this.playback.state);
      },
    );
    // Connected again after a move: the article may have changed. (The first
    // time, the reading indexes it when it arrives, after the host page's own scripts.)
    if (this.#reading) queueMicrotask(() => this.#loadArticle());
  }

  /** @internal Also waits for the lazy parts, so that awaiting it shows the whole player. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.#partsLoaded;
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // `undefined` before: the first render, whose article connectedCallback loads.
    const changedLater = (key: 'for' | 'src') => changed.has(key) && changed.get(key) !== undefined;
    if (changedLater('for') || changedLater('src')) this.#loadArticle();
  }

  // ---- public API (HTMLMediaElement-like) -------------------------------------

  /** Starts or resumes reading; resolves once the engine confirms speech. */
  play(): Promise<void> {
    const promise = this.#plays.add();
    this.playback.dispatch({ type: 'play' });
    this.#settlePlays(this.playback.state);
    return promise;
  }

  /** Pauses reading; the place is kept. */
  pause(): void {
    this.playback.dispatch({ type: 'pause' });
  }

  /**
   * Finds and indexes the article again, for apps that replaced its content
   * in place; the listener's place is kept by its text. (Article watcher.)
   */
  refresh(): void {
    this.#loadArticle();
  }

  /** Moves to the next paragraph (reading on if it was reading). */
  next(): void {
    this.playback.dispatch({ type: 'next' });
  }

  /** Moves to the previous paragraph (reading on if it was reading). */
  previous(): void {
    this.playback.dispatch({ type: 'previous' });
  }

  /** `false` only while the engine has confirmed that it is speaking. */
  get paused(): boolean {
    return this.playback.state.status !== 'playing';
  }

  /** Speaking rate, 0.5 to 3 (clamped); remembered for the next visit. */
  get playbackRate(): number {
    return this.playback.state.rate;
  }

  set playbackRate(rate: number) {
    this.playback.dispatch({ type: 'rate', rate });
  }

  /** Index of the paragraph being read, the headline being 0; setting it moves there. */
  get currentParagraph(): number {
    return this.playback.state.paragraphIndex;
  }

  set currentParagraph(index: number) {
    this.playback.dispatch({ type: 'seek', paragraphIndex: index, play: isActive(this.playback.state) });
  }

  /** How many paragraphs are read, headline included; 0 until the article is indexed. */
  get paragraphCount(): number {
    return this.playback.state.chunkCounts.length;
  }

  // ---- intents from the UI (internal: the templates and the extras call them) ----

  /** @internal */
  perform(action: PlayerAction): void {
    const rate = this.playback.state.rate;
    switch (action) {
      case 'toggle':
        if (isActive(this.playback.state)) this.pause();
        else this.play().catch(() => undefined); // the failure is shown in the player
        return;
      case 'previous':
        return this.previous();
      case 'next':
        return this.next();
      case 'slower':
        return this.setRate(rate - RATE_STEP);
      case 'faster':
        return this.setRate(rate + RATE_STEP);
      case 'help':
        return this.#parts?.openShortcuts();
    }
  }

  /** @internal */
  setRate(rate: number): void {
    this.playback.dispatch({ type: 'rate', rate });
  }

  /** @internal */
  seek(paragraphIndex: number): void {
    this.playback.dispatch({ type: 'seek', paragraphIndex, play: true });
  }

  /** @internal */
  updatePreferences(change: Partial<Preferences>): void {
    const captionsChanged = change.readCaptions !== undefined && change.readCaptions !== this.preferences.readCaptions;
    this.preferences = Object.freeze({ ...this.preferences, ...change });
    savePreferences(this.preferences);
    this.playback.setHighlighting(this.preferences.highlight);
    if (change.voiceId !== undefined) this.playback.dispatch({ type: 'voice', voiceId: change.voiceId });
    if (captionsChanged) this.#loadArticle();
  }

  /** @internal */
  toggleSettings(open = !this.settingsOpen): void {
    this.settingsOpen = open;
    if (!open)
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#settings-button')?.focus());
  }

  // ---- rendering -------------------------------------------------------------

  protected override render() {
    return this.i18n.run(() => renderPlayer(this, this.#parts));
  }

  /** @internal The language the UI is shown in (numbers are formatted for it too). */
  get locale(): string {
    return this.i18n.languageTag;
  }

  /** @internal The translation arrived after a message was shown: say it again in the player's language. */
  localeReady(): void {
    if (this.#errorSource) this.errorMessage = this.i18n.run(this.#errorSource);
  }

  // ---- internals ---------------------------------------------------------------

  /** What produced `errorMessage`, so it can be produced again in another language. */
  #errorSource: (() => string) | null = null;
  /** The engine switched to the built-in voice and the status line has not said so yet. */
  #builtInNotice = false;

  #onEngineNotice(event: EngineNotice): void {
    const playing = this.playback.state.status === 'playing';
    const message = this.i18n.run(() => engineNoticeMessage(event, playing, this.locale));
    if (message !== null) this.statusMessage = message;
    else if (event.type === 'enginechange') this.#builtInNotice = true;
  }

  #attachParts({ extras, startReading }: LazyParts): void {
    // After the core's sheets, as if both were one stylesheet.
    adoptStyles(this.renderRoot as ShadowRoot, [
      ...(this.constructor as typeof AloudPlayer).elementStyles,
      extras.styles,
    ]);
    this.#parts = extras.attach(this);
    const reading = startReading(this, (previous, next) => this.i18n.run(() => this.#onPlaybackChange(previous, next)));
    reading.playback.onVoiceGone = () => (this.statusMessage = this.i18n.run(strings.voiceGone));
    reading.playback.onEngineNotice = (event) => this.#onEngineNotice(event);
    this.#reading = reading;
    this.playback = reading.playback;
    this.#loadArticle();
    // After the article is indexed, so that an early Play has something to play.
    for (const event of this.#pending.early) this.playback.dispatch(event);
    this.#plays.onTheWay = false;
    this.#settlePlays(this.playback.state);
    this.requestUpdate();
  }

  #loadArticle(): void {
    const reading = this.#reading;
    if (!this.isConnected || !reading) return;
    const load = ++this.#loads;
    if (this.src) {
      // Not on the page: fetch and render it (a lazy chunk), then read it like any host article.
      const src = this.src;
      reading.clear();
      import('./article-source.ts')
        .then((module) => module.loadArticleSource(this, src))
        .then(
          (element) =>
            load === this.#loads && this.#read(reading, element, `src:${new URL(src, document.baseURI).href}`),
          (error: unknown) => load === this.#loads && this.#fail(errors.loadFailed, error),
        );
      return;
    }
    const lookup = reading.find(this.for || null);
    if (!lookup.found) {
      // Article watcher: a story still being rendered is waited for, not failed.
      if (reading.waiting) this.errorMessage = '';
      else this.#fail(errors.noArticle);
      reading.clear();
      return;
    }
    this.#read(reading, lookup.element, `${location.pathname}#${lookup.element.id}`);
  }

  /** Indexes `element` and makes it the article being read; `key` names it for saved places. */
  #read(reading: Reading, element: HTMLElement, key: string): void {
    this.headline = reading.read(element, key, this.preferences.readCaptions);
    // Players reading equal headlines need names that tell them apart.
    for (const other of document.querySelectorAll('aloud-player')) if (other !== this) other.requestUpdate();
    this.playback.setHighlighting(this.preferences.highlight);
    this.#setRateFromPreferences();
    if (this.paragraphCount === 0) {
      // Article watcher: a story still being rendered is waited for, not failed.
      if (reading.waiting) this.errorMessage = '';
      else this.#fail(errors.empty);
      return;
    }
    this.errorMessage = '';
    this.#errorSource = null;
    this.#parts?.changed(null, this.playback.state);
  }

  #setRateFromPreferences(): void {
    this.playback.dispatch({ type: 'rate', rate: this.preferences.rate });
    this.playback.dispatch({ type: 'voice', voiceId: this.preferences.voiceId });
  }

  /** `cause` is for the developer only: it goes to the console, not to the listener. */
  #fail(source: () => string, cause?: unknown): void {
    this.#errorSource = source;
    const message = this.i18n.run(source);
    this.errorMessage = message;
    // One warning for the developer; the listener reads the message in the player.
    const why = cause instanceof Error ? cause.message : typeof cause === 'string' ? cause : '';
    console.warn(`<aloud-player>: ${message}${why ? ` (${why})` : ''}`);
    this.dispatchEvent(new PlayerErrorEvent({ message }));
  }

  #onPlaybackChange(previous: PlaybackState, next: PlaybackState): void {
    if (next.status !== previous.status) this.#onStatusChange(previous, next);
    if (next.rate !== previous.rate) {
      this.dispatchEvent(mediaEvent('ratechange'));
      // A rate equal to the saved preference is that preference being applied
      // on load: not news, so the status line must not announce it.
      if (this.preferences.rate !== next.rate) {
        this.updatePreferences({ rate: next.rate });
        this.statusMessage = strings.speed(formatRate(next.rate, this.locale));
      }
    }
    if (next.paragraphIndex !== previous.paragraphIndex) {
      const text = this.playback.article?.units[next.paragraphIndex]?.text ?? '';
      this.dispatchEvent(
        new ParagraphChangeEvent({ index: next.paragraphIndex, text: text.replace(/\s+/g, ' ').trim() }),
      );
    }
    this.#settlePlays(next);
    this.#parts?.changed(previous, next);
  }

  #onStatusChange(previous: PlaybackState, next: PlaybackState): void {
    const change = statusChange(previous, next, this.#builtInNotice);
    if (next.status === 'playing') {
      this.errorMessage = '';
      this.#errorSource = null;
      this.#builtInNotice = false;
    }
    if (change.message !== undefined) this.statusMessage = change.message;
    for (const type of change.events) this.dispatchEvent(mediaEvent(type));
    const code = next.error;
    if (next.status === 'error' && code && code !== 'empty') this.#fail(() => errors.engine(code));
  }

  #settlePlays(state: PlaybackState): void {
    this.#plays.settle(state, () => this.errorMessage || this.i18n.run(strings.paused));
  }
}

if (!customElements.get('aloud-player')) customElements.define('aloud-player', AloudPlayer);

declare global {
  interface HTMLElementTagNameMap {
    'aloud-player': AloudPlayer;
  }
}

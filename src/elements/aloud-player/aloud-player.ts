import { LitElement, adoptStyles, type PropertyValues } from 'lit';
import { extractReadingUnits } from '../../core/content/reading-units.ts';
import { errors, formatRate, strings } from '../../core/i18n/strings.ts';
import { formatNumber } from '../../core/i18n/localize.ts';
import type { PlayerAction } from '../../core/keyboard/shortcuts.ts';
import { PlaybackController, prepareArticle, type EngineNotice } from '../../core/playback/playback-controller.ts';
import { RATE_STEP, type PlaybackState } from '../../core/playback/state.ts';
import { isActive } from '../../core/playback/transition.ts';
import { FallbackEngine, type EngineChoice } from '../../core/speech/fallback-engine.ts';
import { loadPreferences, savePreferences, type Preferences } from '../../core/storage/preferences.ts';
import { playerStyles } from './aloud-player.styles.ts';
import { ParagraphChangeEvent, PlayerErrorEvent, mediaEvent } from './events.ts';
import { articleTitle, findArticle } from './find-article.ts';
import { loadExtras, type PlayerParts } from './extras-api.ts';
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
  /** @internal */ readonly speech: FallbackEngine = new FallbackEngine({ choice: () => this.engine });

  /** @internal */ preferences: Preferences = loadPreferences();
  /** @internal */ statusMessage = '';
  /** @internal */ errorMessage = '';
  /** @internal */ settingsOpen = false;
  /** @internal */ headline = '';

  /** @internal The state and effects of reading; the element's parts read it. */
  readonly playback: PlaybackController = new PlaybackController(this, this.speech, (previous, next) =>
    this.i18n.run(() => this.#onPlaybackChange(previous, next)),
  );
  /** @internal */
  readonly i18n: PlayerLocale = new PlayerLocale(this, () => this.uiLang || this.playback.article?.lang || null);
  /** Counts article loads, so a slow `src` fetch cannot overwrite a newer article. */
  #loads = 0;
  #pendingPlays: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];

  /** The lazy half of the player (see extras-api.ts); null until it arrives. */
  #parts: PlayerParts | null = null;
  #partsLoaded: Promise<void> | undefined;

  // ---- lifecycle -------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.playback.onVoiceGone = () => (this.statusMessage = this.i18n.run(strings.voiceGone));
    this.playback.onEngineNotice = (event) => this.#onEngineNotice(event);
    this.#partsLoaded ??= loadExtras().then((extras) => {
      if (!extras) return;
      // After the core's sheets, as if both were one stylesheet.
      adoptStyles(this.renderRoot as ShadowRoot, [...(this.constructor as typeof AloudPlayer).elementStyles, extras.styles]);
      this.#parts = extras.attach(this);
      this.#parts.changed(null, this.playback.state);
      this.requestUpdate();
    });
    // Wait a frame so a host page that adds the article after the script still works.
    queueMicrotask(() => this.#loadArticle());
  }

  /** @internal Also waits for the lazy extras, so that awaiting it shows the whole player. */
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
    const promise = new Promise<void>((resolve, reject) => this.#pendingPlays.push({ resolve, reject }));
    this.playback.dispatch({ type: 'play' });
    this.#settlePlays(this.playback.state);
    return promise;
  }

  /** Pauses reading; the place is kept. */
  pause(): void {
    this.playback.dispatch({ type: 'pause' });
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
    if (!open) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#settings-button')?.focus());
  }

  // ---- rendering -------------------------------------------------------------

  protected override render() {
    return this.i18n.run(() => renderPlayer(this, this.#parts));
  }

  /** @internal */
  get regionLabel(): string {
    const name = this.headline ? strings.region(this.headline) : strings.regionUntitled();
    // Players reading equal headlines: number the later ones, so every region's name is unique.
    let position = 1;
    for (const other of document.querySelectorAll('aloud-player')) {
      if (other === this) break;
      if (other.headline === this.headline) position++;
    }
    return position > 1 ? `${name} (${formatNumber(position)})` : name;
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

  #loadArticle(): void {
    if (!this.isConnected) return;
    const load = ++this.#loads;
    if (this.src) {
      // Not on the page: fetch and render it (a lazy chunk), then read it like any host article.
      const src = this.src;
      this.playback.load(prepareArticle('', 'en', []));
      import('./article-source.ts')
        .then((module) => module.loadArticleSource(this, src))
        .then(
          (element) => load === this.#loads && this.#read(element, `src:${new URL(src, document.baseURI).href}`),
          (error: unknown) => load === this.#loads && this.#fail(errors.loadFailed, error),
        );
      return;
    }
    const lookup = findArticle(this, this.for || null);
    if (!lookup.found) {
      this.#fail(errors.noArticle);
      this.playback.load(prepareArticle('', 'en', []));
      return;
    }
    this.#read(lookup.element, `${location.pathname}#${lookup.element.id}`);
  }

  /** Indexes `element` and makes it the article being read; `key` names it for saved places. */
  #read(element: HTMLElement, key: string): void {
    const lang = element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
    const units = extractReadingUnits(element, { readCaptions: this.preferences.readCaptions, fallbackLang: lang });
    this.headline = articleTitle(element);
    // Players reading equal headlines need names that tell them apart.
    for (const other of document.querySelectorAll('aloud-player')) if (other !== this) other.requestUpdate();
    const article = prepareArticle(key, lang, units);
    const keepPlace = this.playback.article ? this.playback.state.paragraphIndex : 0;
    this.playback.load(article, Math.min(keepPlace, Math.max(0, units.length - 1)));
    this.playback.setHighlighting(this.preferences.highlight);
    this.#setRateFromPreferences();
    if (units.length === 0) {
      this.#fail(errors.empty);
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
    const why = cause instanceof Error ? cause.message : cause;
    console.warn(`<aloud-player>: ${message}${why ? ` (${String(why)})` : ''}`);
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
      this.dispatchEvent(new ParagraphChangeEvent({ index: next.paragraphIndex, text: text.replace(/\s+/g, ' ').trim() }));
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
    if (state.status === 'starting' || this.#pendingPlays.length === 0) return;
    const waiting = this.#pendingPlays;
    this.#pendingPlays = [];
    for (const pending of waiting) {
      if (state.status === 'playing') pending.resolve();
      else pending.reject(new Error(this.errorMessage || this.i18n.run(strings.paused)));
    }
  }
}

if (!customElements.get('aloud-player')) customElements.define('aloud-player', AloudPlayer);

declare global {
  interface HTMLElementTagNameMap {
    'aloud-player': AloudPlayer;
  }
}

import { ContextProvider } from '@lit/context';
import { adoptStyles, html, LitElement, type PropertyValues } from 'lit';
import { formatNumber } from '../../core/i18n/localize.ts';
import { messageText, type Message } from '../../core/i18n/messages.ts';
import { strings } from '../../core/i18n/strings.ts';
import { PlayerStore } from '../../core/player/player-store.ts';
import { regionName, type PlayerSnapshot } from '../../core/player/snapshot.ts';
import { isActive } from '../../core/playback/state.ts';
import type { EngineChoice, FallbackEngine } from '../../core/speech/fallback-engine.ts';
import { pagePreferences } from '../../core/storage/preferences.ts';
import { playerStyles } from './aloud-player.styles.ts';
import { ParagraphChangeEvent, PlayerErrorEvent, mediaEvent } from './events.ts';
import { playerContext, type PlayerRequestEvent } from './parts/context.ts';
import './parts/messages.ts';
import './parts/toolbar.ts';
import { PendingPlayback } from './pending-playback.ts';
import { PlayPromises } from './play-promises.ts';
import { PlayerLocale } from './player-locale.ts';
import { loadLateChunk, loadReadingChunk, type LateChunk, type Reading, type ReadingChunk } from './reading-chunk.ts';

/**
 * Reads an article aloud, paragraph by paragraph, with captions and in-place
 * highlighting. Its API mirrors HTMLMediaElement so that it feels familiar.
 *
 * How it is built: one store per player (core/player/player-store.ts) holds
 * an immutable snapshot of everything the UI shows. The element provides that
 * snapshot to its parts (toolbar, captions, messages, slider, settings,
 * shortcuts dialog; parts/) through @lit/context, and hands the intents they
 * send up (`aloud-request` events) to the store. The reading — finding the
 * article, the playback controller, the speech engines, the late parts — is
 * one lazy chunk (reading-chunk.ts). Every effect lives in a controller whose
 * teardown mirrors its setup.
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
   * Declared here rather than with `@property`: the decorator runtime and its
   * call sites cost ~1 KB of the 15 KB gzip budget.
   */
  static override properties = {
    for: {},
    src: {},
    shortcuts: { reflect: true },
    uiLang: { attribute: 'ui-lang' },
    engine: { reflect: true },
  };

  /**
   * Id of the element to read (looked up in the player's own root first, then
   * the document); without it, the enclosing article, else the story the player
   * finds on the page (see README, "What is read").
   */
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

  /** Holds the intents that come before the reading chunk (see pending-playback.ts). */
  #pending = new PendingPlayback();
  readonly #store = new PlayerStore(this.#pending, {
    savePreferences: (patch) => pagePreferences().update(patch),
    onMediaEvent: (type) => this.dispatchEvent(mediaEvent(type)),
  });
  readonly #provider = new ContextProvider(this, { context: playerContext, initialValue: this.#store.snapshot });
  readonly #locale = new PlayerLocale(this, () => this.uiLang || this.#store.snapshot.reading.article?.lang || null);
  readonly #plays = new PlayPromises();
  #chunk: ReadingChunk | null = null;
  #chunkLoaded: Promise<void> | undefined;
  /** This connection's reading; null while disconnected or before the chunk arrives. */
  #reading: Reading | null = null;
  /** Why the last error was shown, for the developer's console warning. */
  #errorCause: unknown;
  #cleanups: Array<() => void> = [];

  /** @internal For tests and the benchmark: the store behind the UI. */
  get store(): PlayerStore {
    return this.#store;
  }

  /** @internal For tests: the speech engine in use; null until the reading chunk arrives. */
  get speech(): FallbackEngine | null {
    return this.#reading?.speech ?? null;
  }

  // ---- public API (HTMLMediaElement-like) -------------------------------------

  /** Starts or resumes reading; resolves once the engine confirms speech, rejects with the reason in words. */
  play(): Promise<void> {
    const promise = this.#plays.add();
    this.#store.dispatch({ type: 'play' });
    this.#settlePlays();
    return promise;
  }

  /** Pauses reading; the place is kept. */
  pause(): void {
    this.#store.dispatch({ type: 'pause' });
  }

  /**
   * Finds and indexes the article again, for apps that replaced its content
   * in place; the listener's place is kept by its text.
   */
  refresh(): void {
    this.#loadArticle();
  }

  /** Moves to the next paragraph (reading on if it was reading). */
  next(): void {
    this.#store.dispatch({ type: 'next' });
  }

  /** Moves to the previous paragraph (reading on if it was reading). */
  previous(): void {
    this.#store.dispatch({ type: 'previous' });
  }

  /** `false` only while the engine has confirmed that it is speaking. */
  get paused(): boolean {
    return this.#store.playbackState.status !== 'playing';
  }

  /** Speaking rate, 0.5 to 3 (clamped); remembered for the next visit. */
  get playbackRate(): number {
    return this.#store.playbackState.rate;
  }

  set playbackRate(rate: number) {
    this.#store.dispatch({ type: 'rate', rate });
  }

  /** Index of the paragraph being read, the headline being 0; setting it moves there. */
  get currentParagraph(): number {
    return this.#store.playbackState.paragraphIndex;
  }

  set currentParagraph(index: number) {
    this.#store.dispatch({ type: 'seek', paragraphIndex: index, play: isActive(this.#store.playbackState) });
  }

  /** How many paragraphs are read, headline included; 0 until the article is indexed. */
  get paragraphCount(): number {
    return this.#store.playbackState.utteranceCounts.length;
  }

  // ---- lifecycle -------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    const preferences = pagePreferences();
    const stopPreferences = preferences.subscribe((next) => this.#store.set({ preferences: next }));
    this.#store.set({ preferences: preferences.current, shortcuts: this.shortcuts });
    this.#cleanups = [this.#store.subscribe((next, previous) => this.#onSnapshot(next, previous)), stopPreferences];
    this.renderRoot.addEventListener('aloud-request', this.#onRequest as EventListener);
    this.#chunkLoaded ??= Promise.all([
      loadReadingChunk().then((chunk) => this.#attachChunk(chunk)),
      loadLateChunk().then((late) => this.#attachLate(late)),
    ]).then(
      () => undefined,
      (error: unknown) => {
        this.#plays.onTheWay = false;
        this.#fail({ key: 'playerFailed' }, error);
        this.#settlePlays();
      },
    );
    // Connected again after a move: a new reading, at the same place.
    if (this.#chunk) queueMicrotask(() => this.#startReading());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.renderRoot.removeEventListener('aloud-request', this.#onRequest as EventListener);
    for (const cleanup of this.#cleanups) cleanup();
    this.#cleanups = [];
    this.#stopReading();
  }

  /** @internal Also waits for the reading chunk and the parts, so that awaiting it shows the whole player. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.#chunkLoaded;
    const done = await super.getUpdateComplete();
    // Parts render inside parts (the toolbar holds the slider): wait level by level.
    for (let level = 0; level < 3; level++) {
      const parts = Array.from(this.renderRoot.querySelectorAll('*')).filter(
        (element) => element instanceof LitElement,
      );
      await Promise.all(parts.map((part) => part.updateComplete));
    }
    return done;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // `undefined` before: the first render, whose article connectedCallback loads.
    const changedLater = (key: 'for' | 'src') => changed.has(key) && changed.get(key) !== undefined;
    if (changedLater('for') || changedLater('src')) this.#loadArticle();
    if (changed.has('shortcuts')) this.#store.set({ shortcuts: this.shortcuts });
    this.#locale.refresh();
    const locale = { ui: this.#locale.locale, tag: this.#locale.languageTag, direction: this.#locale.direction };
    const current = this.#store.snapshot.locale;
    if (locale.ui !== current.ui || locale.tag !== current.tag || locale.direction !== current.direction) {
      this.#store.set({ locale: Object.freeze(locale) });
    }
  }

  protected override render() {
    const snapshot = this.#store.snapshot;
    const name = this.#locale.run(() => regionName(snapshot, strings.region, strings.regionUntitled, formatNumber));
    return html`
      <section part="region" aria-label=${name} lang=${snapshot.locale.tag} dir=${snapshot.locale.direction}>
        <aloud-toolbar></aloud-toolbar>
        <div class="line">
          <aloud-captions></aloud-captions>
          <aloud-messages></aloud-messages>
        </div>
        <aloud-settings></aloud-settings>
        <aloud-mini-player></aloud-mini-player>
      </section>
      <aloud-shortcuts-dialog></aloud-shortcuts-dialog>
    `;
  }

  // ---- internals ---------------------------------------------------------------

  readonly #onRequest = (event: PlayerRequestEvent): void => {
    event.stopPropagation();
    this.#store.dispatch(event.intent);
  };

  #onSnapshot(next: PlayerSnapshot, previous: PlayerSnapshot): void {
    this.#provider.setValue(next);
    if (
      next.headline !== previous.headline ||
      next.headlineNumber !== previous.headlineNumber ||
      next.locale !== previous.locale ||
      next.reading.article !== previous.reading.article
    ) {
      this.requestUpdate();
    }
    const reading = this.#reading;
    if (reading && next.preferences !== previous.preferences) this.#applyPreferences(reading, next, previous);
    const text = next.reading.paragraph?.text ?? '';
    // Not for a paragraph found to have nothing to read: the reading passes it without a word.
    if (next.playback.paragraphIndex !== previous.playback.paragraphIndex && next.reading.article && text !== '') {
      this.dispatchEvent(
        new ParagraphChangeEvent({ index: next.playback.paragraphIndex, text: text.replace(/\s+/g, ' ').trim() }),
      );
    }
    if (next.error && next.error !== previous.error) this.#reportError(next.error);
    this.#settlePlays();
  }

  #applyPreferences(reading: Reading, next: PlayerSnapshot, previous: PlayerSnapshot): void {
    const now = next.preferences;
    const before = previous.preferences;
    if (now.highlight !== before.highlight) reading.setHighlighting(now.highlight);
    if (now.voiceId !== before.voiceId) reading.setVoice(now.voiceId);
    // Another player or tab changed the speed: follow it, without announcing it here.
    if (now.rate !== before.rate) this.#store.restoreRate(now.rate);
    if (now.readCaptions !== before.readCaptions) this.#loadArticle();
  }

  #attachLate(late: LateChunk): void {
    // After the shell's sheets, as if both were one stylesheet.
    adoptStyles(this.renderRoot as ShadowRoot, [
      ...(this.constructor as typeof AloudPlayer).elementStyles,
      late.styles,
    ]);
    late.attachLate(this, this.#store, {
      pageWide: () => this.shortcuts === 'page' && this.#store.snapshot.preferences.pageShortcuts,
    });
    // A new snapshot, so that the parts render again with what the late chunk brought (the shortcut keys).
    this.#store.refresh();
  }

  #attachChunk(chunk: ReadingChunk): void {
    this.#chunk = chunk;
    if (this.isConnected) this.#startReading();
    // After the article is indexed, so that an early Play has something to play.
    for (const event of this.#pending.takeEarly()) this.#store.replay(event);
    this.#plays.onTheWay = false;
    this.#settlePlays();
  }

  #startReading(): void {
    const chunk = this.#chunk;
    if (!chunk || this.#reading || !this.isConnected) return;
    // Where a moved player was (its stand-in keeps the place while it is away).
    const place = this.#store.playbackState.paragraphIndex;
    this.#reading = chunk.startReading(this, this.#store, {
      engine: () => this.engine,
      refresh: () => this.#loadArticle(),
    });
    this.#reading.setHighlighting(this.#store.snapshot.preferences.highlight);
    this.#loadArticle(place);
  }

  #stopReading(): void {
    const reading = this.#reading;
    if (!reading) return;
    this.#reading = null;
    const place = this.#store.playbackState;
    reading.dispose();
    this.#pending = new PendingPlayback();
    this.#pending.state = Object.freeze({ ...place, status: 'idle' });
    this.#store.detach(this.#pending);
  }

  /** Finds (or fetches, with `src`) the article and indexes it; `paragraphIndex` is where to be. */
  #loadArticle(paragraphIndex?: number): void {
    const reading = this.#reading;
    if (!this.isConnected || !reading) return;
    const preferences = this.#store.snapshot.preferences;
    reading.load(
      { forId: this.for, src: this.src, readCaptions: preferences.readCaptions, paragraphIndex },
      (result) => {
        if (reading !== this.#reading) return;
        // A story still being rendered is waited for (article-watcher.ts), not failed.
        const waiting = result.found ? result.waiting : result.why === 'waiting';
        if (!result.found && !waiting)
          return this.#fail({ key: result.why as 'noArticle' | 'loadFailed' }, result.cause);
        if (result.found) {
          this.#store.restoreRate(preferences.rate);
          reading.setVoice(preferences.voiceId);
          this.#store.set({ headline: result.headline });
        }
        if (this.paragraphCount === 0 && !waiting) this.#fail({ key: 'empty' });
        else if (this.#store.snapshot.error) this.#store.fail(null);
      },
    );
  }

  /** `cause` is for the developer only: it goes to the console, not to the listener. */
  #fail(message: Message, cause?: unknown): void {
    this.#errorCause = cause;
    this.#store.fail(message);
  }

  #reportError(message: Message): void {
    const text = this.#locale.run(() => messageText(message, this.#locale.languageTag));
    const cause = this.#errorCause;
    this.#errorCause = undefined;
    // One warning for the developer; the listener reads the message in the player.
    const why = cause instanceof Error ? cause.message : typeof cause === 'string' ? cause : '';
    console.warn(`<aloud-player>: ${text}${why ? ` (${why})` : ''}`);
    this.dispatchEvent(new PlayerErrorEvent({ message: text }));
  }

  #settlePlays(): void {
    const snapshot = this.#store.snapshot;
    this.#plays.settle(this.#store.playbackState, () =>
      this.#locale.run(() => messageText(snapshot.error ?? { key: 'paused' }, this.#locale.languageTag)),
    );
  }
}

if (!customElements.get('aloud-player')) customElements.define('aloud-player', AloudPlayer);

declare global {
  interface HTMLElementTagNameMap {
    'aloud-player': AloudPlayer;
  }
}

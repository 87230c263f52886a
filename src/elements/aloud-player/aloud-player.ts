import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { extractReadingUnits } from '../../core/content/reading-units.ts';
import { errors, formatRate, strings } from '../../core/i18n/strings.ts';
import { KeyboardController } from '../../core/keyboard/keyboard-controller.ts';
import type { PlayerAction } from '../../core/keyboard/shortcuts.ts';
import { PlaybackController, prepareArticle } from '../../core/playback/playback-controller.ts';
import { RATE_STEP, type PlaybackState } from '../../core/playback/state.ts';
import { isActive } from '../../core/playback/transition.ts';
import { WebSpeechEngine } from '../../core/speech/web-speech-engine.ts';
import {
  clearPosition, loadPosition, loadPreferences, savePosition, savePreferences, type Preferences,
} from '../../core/storage/preferences.ts';
import { playerStyles } from './aloud-player.styles.ts';
import { ParagraphChangeEvent, PlayerErrorEvent, mediaEvent } from './events.ts';
import { articleTitle, findArticle } from './find-article.ts';
import { FollowAlong } from './follow-along.ts';
import { updateMediaSession } from './media-session.ts';
import { renderPlayer } from './aloud-player.render.ts';
import { ensureOneTabStop } from './roving-toolbar.ts';

/**
 * Reads an article aloud, paragraph by paragraph, with captions and in-place
 * highlighting. Its API mirrors HTMLMediaElement so that it feels familiar.
 *
 * @summary An accessible "listen to this article" player.
 *
 * @fires play - The engine confirmed that speech started.
 * @fires pause - Reading paused.
 * @fires ended - The last paragraph was read.
 * @fires ratechange - `playbackRate` changed.
 * @fires paragraphchange - The paragraph being read changed; detail `{ index, text }`.
 * @fires error - Something prevents reading; detail `{ message }`.
 *
 * @csspart region - The labelled region around the whole player.
 * @csspart toolbar - The row of playback buttons.
 * @csspart play-button - The Play/Pause button.
 * @csspart progress - The paragraph slider.
 * @csspart captions - The line showing the sentence being spoken.
 * @csspart status - The status line.
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

  /** Id of the element to read; without it, the nearest `<article>` or `<main>`. */
  @property({ attribute: 'for' }) for = '';
  /** `page` makes the shortcuts work anywhere on the page; default: only inside the player. */
  @property({ reflect: true }) shortcuts: 'player' | 'page' = 'player';

  @state() preferences: Preferences = loadPreferences();
  @state() statusMessage = '';
  @state() errorMessage = '';
  @state() settingsOpen = false;
  @state() resumeOffer: number | null = null;
  @state() headline = '';
  @state() notice = '';

  readonly playback: PlaybackController = new PlaybackController(this, new WebSpeechEngine(), (previous, next) =>
    this.onPlaybackChange(previous, next),
  );
  readonly follow = new FollowAlong(this, () => this.playback.currentUnit?.element ?? null);
  private articleElement: HTMLElement | null = null;
  private pendingPlays: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];

  constructor() {
    super();
    new KeyboardController(this, {
      pageWide: () => this.shortcuts === 'page' && this.preferences.pageShortcuts,
      perform: (action) => this.perform(action),
    });
  }

  // ---- lifecycle -------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this.savePlace);
    // Wait a frame so a host page that adds the article after the script still works.
    queueMicrotask(() => this.loadArticle());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.savePlace);
    this.articleElement?.removeEventListener('click', this.onArticleClick);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('for') && changed.get('for') !== undefined) this.loadArticle();
  }

  // ---- public API (HTMLMediaElement-like) -------------------------------------

  /** Starts or resumes reading; resolves once the engine confirms speech. */
  play(): Promise<void> {
    const promise = new Promise<void>((resolve, reject) => this.pendingPlays.push({ resolve, reject }));
    this.playback.dispatch({ type: 'play' });
    this.settlePlays(this.playback.state);
    return promise;
  }

  pause(): void {
    this.playback.dispatch({ type: 'pause' });
  }

  next(): void {
    this.playback.dispatch({ type: 'next' });
  }

  previous(): void {
    this.playback.dispatch({ type: 'previous' });
  }

  get paused(): boolean {
    return this.playback.state.status !== 'playing';
  }

  get playbackRate(): number {
    return this.playback.state.rate;
  }

  set playbackRate(rate: number) {
    this.playback.dispatch({ type: 'rate', rate });
  }

  get currentParagraph(): number {
    return this.playback.state.paragraphIndex;
  }

  set currentParagraph(index: number) {
    this.playback.dispatch({ type: 'seek', paragraphIndex: index, play: isActive(this.playback.state) });
  }

  get paragraphCount(): number {
    return this.playback.state.chunkCounts.length;
  }

  // ---- intents from the UI -----------------------------------------------------

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
        return this.openShortcuts();
    }
  }

  setRate(rate: number): void {
    this.playback.dispatch({ type: 'rate', rate });
  }

  seek(paragraphIndex: number): void {
    this.resumeOffer = null;
    this.playback.dispatch({ type: 'seek', paragraphIndex, play: true });
  }

  updatePreferences(change: Partial<Preferences>): void {
    const captionsChanged = change.readCaptions !== undefined && change.readCaptions !== this.preferences.readCaptions;
    this.preferences = Object.freeze({ ...this.preferences, ...change });
    savePreferences(this.preferences);
    this.playback.setHighlighting(this.preferences.highlight);
    if (change.voiceId !== undefined) this.playback.dispatch({ type: 'voice', voiceId: change.voiceId });
    if (captionsChanged) this.loadArticle();
  }

  openShortcuts(): void {
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog');
    if (!dialog || dialog.open) return;
    this.returnFocus = this.focusedElement();
    dialog.showModal();
  }

  closeShortcuts(): void {
    this.renderRoot.querySelector<HTMLDialogElement>('dialog')?.close();
  }

  /** Native dialogs return focus on close in Chromium, but not everywhere: do it ourselves. */
  onDialogClose(): void {
    this.returnFocus?.focus();
    this.returnFocus = null;
  }

  toggleSettings(open = !this.settingsOpen): void {
    this.settingsOpen = open;
    if (!open) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#settings-button')?.focus());
  }

  // ---- rendering -------------------------------------------------------------

  protected override render() {
    return renderPlayer(this);
  }

  protected override updated(): void {
    ensureOneTabStop(this.renderRoot.querySelector('[role="toolbar"]'));
  }

  get regionLabel(): string {
    return this.headline ? strings.region(this.headline) : strings.regionUntitled();
  }

  get locale(): string {
    return this.playback.article?.lang ?? 'en';
  }

  // ---- internals ---------------------------------------------------------------

  private returnFocus: HTMLElement | null = null;

  private focusedElement(): HTMLElement | null {
    const inside = this.shadowRoot?.activeElement;
    return (inside instanceof HTMLElement ? inside : null) ?? (document.activeElement as HTMLElement | null);
  }

  private loadArticle(): void {
    if (!this.isConnected) return;
    this.articleElement?.removeEventListener('click', this.onArticleClick);
    const lookup = findArticle(this, this.for || null);
    if (!lookup.found) {
      this.fail(errors.noArticle());
      this.playback.load(prepareArticle('', 'en', []));
      return;
    }
    const element = lookup.element;
    this.articleElement = element;
    element.addEventListener('click', this.onArticleClick);
    const lang = element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
    const units = extractReadingUnits(element, { readCaptions: this.preferences.readCaptions, fallbackLang: lang });
    this.headline = articleTitle(element);
    const key = `${location.pathname}#${element.id}`;
    const article = prepareArticle(key, lang, units);
    const keepPlace = this.playback.article ? this.playback.state.paragraphIndex : 0;
    this.playback.load(article, Math.min(keepPlace, Math.max(0, units.length - 1)));
    this.playback.setHighlighting(this.preferences.highlight);
    this.setRateFromPreferences();
    if (units.length === 0) {
      this.fail(errors.empty());
      return;
    }
    this.errorMessage = '';
    this.resumeOffer = loadPosition(key, units.length);
    updateMediaSession(this);
  }

  private setRateFromPreferences(): void {
    this.playback.dispatch({ type: 'rate', rate: this.preferences.rate });
    this.playback.dispatch({ type: 'voice', voiceId: this.preferences.voiceId });
  }

  private fail(message: string): void {
    this.errorMessage = message;
    // One warning for the developer; the listener reads the message in the player.
    console.warn(`<aloud-player>: ${message}`);
    this.dispatchEvent(new PlayerErrorEvent({ message }));
  }

  private onPlaybackChange(previous: PlaybackState, next: PlaybackState): void {
    if (next.status !== previous.status) this.onStatusChange(previous, next);
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
      if (isActive(next)) this.follow.paragraphChanged();
      if (next.paragraphIndex > 0) this.savePlace();
    }
    this.settlePlays(next);
    updateMediaSession(this);
  }

  private onStatusChange(previous: PlaybackState, next: PlaybackState): void {
    if (next.status === 'playing') {
      this.resumeOffer = null;
      this.errorMessage = '';
      this.statusMessage = strings.playing();
      this.dispatchEvent(mediaEvent('play'));
      this.follow.paragraphChanged();
    } else if (previous.status === 'playing' && (next.status === 'paused' || next.status === 'idle')) {
      this.statusMessage = strings.paused();
      this.dispatchEvent(mediaEvent('pause'));
      this.savePlace();
    } else if (next.status === 'ended') {
      this.statusMessage = strings.ended();
      if (this.playback.article) clearPosition(this.playback.article.key);
      this.dispatchEvent(mediaEvent('ended'));
    } else if (next.status === 'paused' && previous.status === 'starting') {
      this.statusMessage = strings.paused();
    } else if (next.status === 'error') {
      // The alert says what went wrong; the status line must not go on
      // claiming "Playing" beside it. `paused` is true again, so say so too.
      this.statusMessage = '';
      if (previous.status === 'playing') this.dispatchEvent(mediaEvent('pause'));
    }
    if (next.status === 'error' && next.error && next.error !== 'empty') this.fail(errors.engine(next.error));
  }

  private settlePlays(state: PlaybackState): void {
    if (state.status === 'starting' || this.pendingPlays.length === 0) return;
    const waiting = this.pendingPlays;
    this.pendingPlays = [];
    for (const pending of waiting) {
      if (state.status === 'playing') pending.resolve();
      else pending.reject(new Error(this.errorMessage || strings.paused()));
    }
  }

  private readonly savePlace = (): void => {
    const article = this.playback.article;
    const state = this.playback.state;
    if (article && state.status !== 'ended' && state.paragraphIndex > 0) savePosition(article.key, state.paragraphIndex);
  };

  /** While the player is in use, clicking a paragraph reads from there. */
  private readonly onArticleClick = (event: MouseEvent): void => {
    if (this.playback.state.status === 'idle' || event.defaultPrevented) return;
    if (!(event.target instanceof Element) || event.target.closest('a, button, input, select, textarea')) return;
    // A drag that selected text is not a request to jump.
    if (!(document.getSelection()?.isCollapsed ?? true)) return;
    const units = this.playback.article?.units ?? [];
    const index = units.findIndex((unit) => unit.element.contains(event.target as Node));
    if (index >= 0) this.seek(index);
  };
}

if (!customElements.get('aloud-player')) customElements.define('aloud-player', AloudPlayer);

declare global {
  interface HTMLElementTagNameMap {
    'aloud-player': AloudPlayer;
  }
}

/**
 * Which language and direction one player's UI uses, and the scope in which
 * its strings are produced (see core/i18n/localize.ts for why each player has
 * its own scope rather than one page-wide locale).
 *
 * The UI follows the language of the article it reads, so an
 * `<article lang="ar">` gets an Arabic, right-to-left player; the `ui-lang`
 * attribute overrides that, and an explicit `dir` on the element wins over
 * the direction the language implies.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  directionOf,
  inLocale,
  isLocaleLoaded,
  loadLocale,
  numberLocaleFor,
  uiLocaleFor,
  type UiLocale,
} from '../../core/i18n/localize.ts';

export type LocaleHost = ReactiveControllerHost & HTMLElement;

export class PlayerLocale implements ReactiveController {
  #wanted: UiLocale = 'en';
  /** The full tag asked for, e.g. `ar-SY`: its region decides the digits. */
  #requestedTag = 'en';

  readonly #host: LocaleHost;
  readonly #requested: () => string | null;
  constructor(
    host: LocaleHost,
    /** The language tag asked for: `ui-lang`, else the article's `lang`, else null. */
    requested: () => string | null,
  ) {
    this.#host = host;
    this.#requested = requested;

    host.addController(this);
  }

  hostConnected(): void {
    this.#refresh();
  }

  /**
   * Re-reads the wanted language (`ui-lang`, else the article's); the host calls
   * it in `willUpdate`, before it publishes the locale to its parts.
   */
  refresh(): void {
    this.#refresh();
  }

  /** The language the UI is shown in now: the wanted one once loaded, English until then. */
  get locale(): UiLocale {
    return isLocaleLoaded(this.#wanted) ? this.#wanted : 'en';
  }

  /** The UI language as a full tag (`ar-SY` rather than `ar`), for `lang` and for Intl. */
  get languageTag(): string {
    return numberLocaleFor(this.locale, this.#requestedTag);
  }

  get direction(): 'rtl' | 'ltr' {
    const explicit = this.#host.getAttribute('dir')?.toLowerCase();
    return explicit === 'rtl' || explicit === 'ltr' ? explicit : directionOf(this.locale);
  }

  /** Runs `work` with `msg()` answering in this player's language. */
  run<T>(work: () => T): T {
    return inLocale(this.#wanted, work, numberLocaleFor(this.#wanted, this.#requestedTag));
  }

  #refresh(): void {
    const tag =
      this.#requested() ||
      this.#host.closest('[lang]')?.getAttribute('lang') ||
      this.#host.ownerDocument.documentElement.lang;
    const wanted = uiLocaleFor(tag);
    this.#requestedTag = tag || wanted;
    if (wanted === this.#wanted) return;
    this.#wanted = wanted;
    if (isLocaleLoaded(wanted)) return;
    loadLocale(wanted).then(
      () => {
        if (this.#wanted !== wanted) return;
        this.#host.requestUpdate();
      },
      // The player stays usable in English; tell the developer why.
      (error: unknown) => console.warn(`<${this.#host.localName}>: could not load the "${wanted}" translation`, error),
    );
  }
}

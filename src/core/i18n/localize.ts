/**
 * Per-player localisation on top of @lit/localize's runtime mode.
 *
 * Why not `configureLocalization()`: it keeps ONE active locale for the whole
 * page, and `setLocale()` switches it asynchronously. A page can hold an
 * Arabic article and an English one, each with its own player, and each
 * player must speak its reader's language. So we install a `msg()` that looks
 * up the templates of the locale *in scope*, and each player runs its
 * string-producing code (render, status and error messages) inside
 * `inLocale(itsLocale, …)`. Everything else is lit-localize's own: `msg()` and
 * `str` in the sources, XLIFF files, `lit-localize build` emitting the locale
 * modules, and lit's `runtimeMsg()` doing the lookup (so ids and `str`
 * placeholder reordering behave exactly as documented). Our bundle carries its
 * own copy of @lit/localize, so a host page that configures lit-localize for
 * itself is unaffected.
 *
 * Translations are lazy chunks (`locales/ar.ts`, `locales/fa.ts`): the embed
 * script stays small, and a page only fetches the language it shows.
 */
import { _installMsgImplementation } from '@lit/localize/init/install.js';
import { numberFormat } from './number-format.ts';
import { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';
import type { LocaleModule, MsgFn, TemplateMap } from '@lit/localize';
import { sourceLocale, targetLocales } from './locale-codes.ts';

export type UiLocale = typeof sourceLocale | (typeof targetLocales)[number];

/** Languages written right to left among those we ship (and their close kin). */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/** Persian is also tagged as Western (pes) or Dari (prs); both read our Persian UI. */
const ALIASES: Readonly<Record<string, UiLocale>> = { pes: 'fa', prs: 'fa' };

const loaded = new Map<UiLocale, TemplateMap>();
const loading = new Map<UiLocale, Promise<void>>();
interface Scope {
  readonly locale: UiLocale;
  /** BCP 47 tag for Intl: the page's own tag when it is in the UI's language (ar-EG vs ar-MA digits). */
  readonly numberLocale: string;
  readonly templates: TemplateMap | undefined;
}
let scope: Scope = { locale: sourceLocale, numberLocale: sourceLocale, templates: undefined };

_installMsgImplementation(((template, options) => runtimeMsg(scope.templates, template, options)) as MsgFn);

/** The UI locale for a BCP 47 tag: its language if we ship it, else English. */
export function uiLocaleFor(tag: string | null | undefined): UiLocale {
  const language = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const alias = ALIASES[language];
  if (alias) return alias;
  return (targetLocales as readonly string[]).includes(language) ? (language as UiLocale) : sourceLocale;
}

export function directionOf(locale: string): 'rtl' | 'ltr' {
  return RTL_LANGUAGES.has(locale.toLowerCase().split(/[-_]/)[0] ?? '') ? 'rtl' : 'ltr';
}

export function isLocaleLoaded(locale: UiLocale): boolean {
  return locale === sourceLocale || loaded.has(locale);
}

/** Fetches a locale's templates once; later calls share the same promise. */
export function loadLocale(locale: UiLocale): Promise<void> {
  if (isLocaleLoaded(locale)) return Promise.resolve();
  let promise = loading.get(locale);
  if (!promise) {
    promise = importLocale(locale).then((module) => {
      loaded.set(locale, module.templates);
    });
    // A failed fetch (offline, blocked chunk) may be retried by the next player that asks.
    promise.catch(() => loading.delete(locale));
    loading.set(locale, promise);
  }
  return promise;
}

/** Literal import() calls, so the bundler emits one lazy chunk per locale. */
function importLocale(locale: UiLocale): Promise<LocaleModule> {
  switch (locale) {
    case 'ar':
      return import('./locales/ar.ts');
    case 'fa':
      return import('./locales/fa.ts');
    default:
      return Promise.resolve({ templates: {} });
  }
}

/**
 * The tag to format numbers with for a UI in `locale`: `tag` itself when it
 * is a valid tag of that language (so its region's digits are used: CLDR
 * gives plain `ar` Latin digits, `ar-EG` and `ar-SY` Arabic-Indic ones), else
 * the UI locale.
 */
export function numberLocaleFor(locale: UiLocale, tag: string | null | undefined): string {
  if (!tag || uiLocaleFor(tag) !== locale) return locale;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? locale;
  } catch {
    return locale; // not a well-formed tag
  }
}

/**
 * Runs `work` with `msg()` answering in `locale` (English until that locale
 * has loaded). Scopes nest and always unwind, even when `work` throws.
 */
export function inLocale<T>(locale: UiLocale, work: () => T, numberLocale: string = locale): T {
  const outer = scope;
  const templates = loaded.get(locale);
  scope =
    templates || locale === sourceLocale
      ? { locale, numberLocale, templates }
      : { locale: sourceLocale, numberLocale: sourceLocale, templates: undefined };
  try {
    return work();
  } finally {
    scope = outer;
  }
}

/** The locale that `msg()` answers in right now. */
export function currentLocale(): UiLocale {
  return scope.locale;
}

/** A number in the digits of the current locale (e.g. Persian digits for fa). */
export function formatNumber(value: number): string {
  return numberFormat(scope.numberLocale).format(value);
}

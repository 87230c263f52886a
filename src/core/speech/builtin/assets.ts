/**
 * Where the built-in engine's files are, as absolute URLs. The only module
 * that uses Vite-only imports, so a test server can swap it whole
 * (see test/helpers/wtr-espeak-plugin.mjs).
 *
 * Both URLs resolve against this chunk's own URL, not the page's, so a copy
 * of aloud.js on a CDN finds its worker and data beside it (`base: './'`).
 */
import workerUrl from './espeak.worker.ts?worker&url';
import data from 'virtual:aloud-espeak-data';

/** A language shipped as a data file of its own, fetched when one of its voices first speaks. */
export interface LanguageAsset {
  readonly url: string;
  /** Size of the (uncompressed) file. */
  readonly bytes: number;
  /** Where each eSpeak file lies in it; `filename` is its path in eSpeak's file system. */
  readonly files: ReadonlyArray<{ readonly filename: string; readonly start: number; readonly end: number }>;
}

export interface EngineAssets {
  readonly workerUrl: string;
  readonly dataUrl: string;
  /** Size of the (uncompressed) data file, for progress and a sanity check. */
  readonly dataBytes: number;
  /** By eSpeak language code, e.g. `ar`. */
  readonly languages: Readonly<Record<string, LanguageAsset>>;
}

export const engineAssets: EngineAssets = {
  workerUrl: new URL(workerUrl, import.meta.url).href,
  dataUrl: new URL(data.url, import.meta.url).href,
  dataBytes: data.bytes,
  languages: Object.fromEntries(
    Object.entries(data.languages).map(([code, language]) => [
      code,
      { ...language, url: new URL(language.url, import.meta.url).href },
    ]),
  ),
};

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

export interface EngineAssets {
  readonly workerUrl: string;
  readonly dataUrl: string;
  /** Size of the (uncompressed) data file, for progress and a sanity check. */
  readonly dataBytes: number;
}

export const engineAssets: EngineAssets = {
  workerUrl: new URL(workerUrl, import.meta.url).href,
  dataUrl: new URL(data.url, import.meta.url).href,
  dataBytes: data.bytes,
};

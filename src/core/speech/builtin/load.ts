/**
 * Loads the built-in engine once per page, on first need. Everything behind
 * the dynamic import is a separate chunk (and the worker and data behind it
 * are separate files), so aloud.js carries none of it.
 */
import type { BuiltInEngine } from './builtin-engine.ts';
import type * as RendererModule from './render-article.ts';

let loaded: BuiltInEngine | null = null;
let loading: Promise<BuiltInEngine> | null = null;
const progressListeners = new Set<(fraction: number) => void>();

/** Every caller hears the progress of the one shared load. Rejects if it cannot load; a later call tries again. */
export function loadBuiltInEngine(onProgress?: (fraction: number) => void): Promise<BuiltInEngine> {
  if (loaded) return Promise.resolve(loaded);
  if (onProgress) progressListeners.add(onProgress);
  loading ??= import('./builtin-engine.ts')
    .then(({ BuiltInEngine }) =>
      BuiltInEngine.create((fraction) => {
        for (const listener of progressListeners) listener(fraction);
      }),
    )
    .then((engine) => (loaded = engine))
    .catch((error: unknown) => {
      loading = null;
      throw error;
    })
    .finally(() => progressListeners.clear());
  return loading;
}

/**
 * The download renderer, imported from here (the core) rather than from the
 * lazy extras: a second module with dynamic imports made the bundler split
 * Vite's import helper into a chunk of its own, one more request for aloud.js.
 */
export function loadRenderer(): Promise<typeof RendererModule> {
  return import('./render-article.ts');
}

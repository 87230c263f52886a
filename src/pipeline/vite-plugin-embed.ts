/**
 * Keeps `dist/aloud.js` inside its 15 KB gzip budget (see package.json
 * `size-limit`):
 *
 * 1. Minifies the text of our Lit templates (`minify-literals.ts`).
 * 2. Replaces Vite's dynamic-import preload helper (~1.5 KB minified) with a
 *    pass-through. The helper injects `<link rel=modulepreload>` and CSS links
 *    for a lazy chunk's dependencies; our lazy chunks have no CSS files and
 *    depend only on chunks that are already loaded when they are imported
 *    (`aloud.js`, and the player's lazy chunk for the built-in voice's). Vite inserts
 *    it even with `build.modulePreload: false` (vitejs/vite#18551).
 */
import type { Plugin } from 'vite';
import { minifyLiterals } from './minify-literals.ts';

/** The id Vite's import analysis gives its helper module (vite/src/node/plugins/importAnalysisBuild.ts). */
const PRELOAD_HELPER_ID = '\0vite/preload-helper.js';

/** Same signature as Vite's `__vitePreload(baseModule, deps, importerUrl)`; only the first is used. */
const PASS_THROUGH_HELPER = 'export const __vitePreload = (load) => load();';

export interface EmbedPluginOptions {
  /** Which modules to minify the templates of; defaults to our own TypeScript under src/. */
  readonly include?: RegExp;
}

export function embedPlugin(options: EmbedPluginOptions = {}): Plugin[] {
  return [buildPlugin(options), devAliasPlugin()];
}

/**
 * embed-demo.html loads `./aloud.js` exactly as a publisher would, which only
 * the build writes; in dev, answer that URL with the entry's source.
 */
function devAliasPlugin(): Plugin {
  return {
    name: 'aloud:embed-dev-alias',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        if (request.url === '/aloud.js') request.url = '/src/aloud.ts';
        next();
      });
    },
  };
}

function buildPlugin(options: EmbedPluginOptions): Plugin {
  const include = options.include ?? /\/src\/.*\.ts$/;
  return {
    name: 'aloud:embed',
    apply: 'build',
    enforce: 'pre',

    resolveId(id) {
      return id === PRELOAD_HELPER_ID ? PRELOAD_HELPER_ID : null;
    },

    load(id) {
      return id === PRELOAD_HELPER_ID ? PASS_THROUGH_HELPER : null;
    },

    transform(code, id) {
      const path = id.split('?')[0] ?? id;
      if (!include.test(path) || path.includes('/node_modules/')) return null;
      const minified = minifyLiterals(code, path);
      return minified === null ? null : { code: minified, map: null };
    },
  };
}

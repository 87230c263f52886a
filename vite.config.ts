import { defineConfig } from 'vite';
import { articlePlugin } from './src/pipeline/vite-plugin-article.ts';
import { embedPlugin } from './src/pipeline/vite-plugin-embed.ts';
import { SHIPPED_LANGUAGES } from './src/pipeline/espeak-data.ts';
import { espeakPlugin } from './src/pipeline/vite-plugin-espeak.ts';
import { polyfillBuildPlugin } from './src/pipeline/vite-plugin-polyfill.ts';

// The built-in voice's languages (eSpeak codes): English in the engine's first
// download, Arabic as a file of its own fetched only when an Arabic voice speaks.
const BUILT_IN_LANGUAGES = SHIPPED_LANGUAGES.base;
const ON_DEMAND_LANGUAGES = SHIPPED_LANGUAGES.onDemand;

// `base: './'` keeps every URL relative, so dist/ works from any static host
// and base path, and aloud.js finds its lazy chunks relative to its own URL.
export default defineConfig({
  base: './',
  plugins: [
    articlePlugin({ contentDir: 'content' }),
    embedPlugin(),
    espeakPlugin({ role: 'page', languages: BUILT_IN_LANGUAGES, onDemand: ON_DEMAND_LANGUAGES }),
    // dist/polyfill.js, the Web Speech polyfill: a separate build, so that aloud.js stays as it is.
    polyfillBuildPlugin(() => ({
      base: './',
      plugins: [espeakPlugin({ role: 'page', languages: BUILT_IN_LANGUAGES, onDemand: ON_DEMAND_LANGUAGES })],
      worker: {
        format: 'es',
        plugins: () => [espeakPlugin({ role: 'worker', languages: BUILT_IN_LANGUAGES })],
      },
      build: {
        target: 'es2022',
        outDir: 'dist',
        emptyOutDir: false,
        copyPublicDir: false,
        // Its one dynamic import needs no preload helper: the engine's chunk has no CSS and one import.
        modulePreload: false,
        rollupOptions: {
          input: { polyfill: 'src/polyfill/index.ts' },
          // Keep the entry's exports: it is a library entry, not a page script.
          preserveEntrySignatures: 'exports-only',
          output: {
            entryFileNames: 'polyfill.js',
            chunkFileNames: 'assets/polyfill-[name]-[hash].js',
          },
        },
      },
    })),
  ],
  // The eSpeak worker is an ES module worker: the package is an ES module with a
  // Node-only dynamic import that a classic (IIFE) worker build cannot hold.
  worker: {
    format: 'es',
    plugins: () => [espeakPlugin({ role: 'worker', languages: BUILT_IN_LANGUAGES })],
  },
  // Pre-bundling the package makes the dev server reload the page mid-session
  // when it first meets the worker's import, and would bypass the data trimming.
  optimizeDeps: { exclude: ['@echogarden/espeak-ng-emscripten'] },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    // The polyfill is for browsers without <link rel=modulepreload>; every browser with
    // the APIs the player needs has it, and it cost the page an extra request.
    modulePreload: { polyfill: false },
    rollupOptions: {
      // rtl-demo.html: an Arabic article with the embedded player, right to left.
      // embed-demo.html: someone else's page using only the public snippet.
      input: {
        index: 'index.html',
        'rtl-demo': 'rtl-demo.html',
        'embed-demo': 'embed-demo.html',
        // speech-demo.html: a plain Web Speech page that imports the built polyfill.js and changes nothing else.
        'speech-demo': 'speech-demo.html',
        aloud: 'src/aloud.ts',
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'aloud' ? 'aloud.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});

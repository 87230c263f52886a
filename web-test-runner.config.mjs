// Component and unit tests in a real headless Chromium (the system one: no
// test tool may download its own browser on these machines).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { espeakTestPlugin } from './test/helpers/wtr-espeak-plugin.mjs';
// One list for every Chromium the tests and benchmarks start: without the
// background-networking flags it floods this machine's closed network.
import chromeFlags from './test/helpers/chrome-flags.json' with { type: 'json' };

/**
 * Property tests in the browser read FC_RUNS, FC_SEED and FC_PATH from here
 * (test/browser/playback-races.property.test.ts): run sizes and replays are
 * set from the shell, as for the node:test ones.
 */
const fastCheckEnv = {
  name: 'fast-check-env',
  serve(context) {
    if (context.path !== '/__fast-check-env.json') return undefined;
    const { FC_RUNS = null, FC_SEED = null, FC_PATH = null } = process.env;
    return { body: JSON.stringify({ runs: FC_RUNS, seed: FC_SEED, path: FC_PATH }), type: 'json' };
  },
};

/**
 * The player's suites again with a fake speechSynthesis that fires `start`
 * synchronously inside `speak()`, as WebKit does (test/helpers/fake-speech.ts
 * reads the flag this page sets before any test module runs).
 */
const syncStartGroup = {
  name: 'sync-start',
  files: ['test/browser/aloud-player*.test.ts', 'test/browser/embed.*.test.ts', 'test/browser/fallback-engine.test.ts'],
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html><body><script>globalThis.__fakeSpeechSyncStart = true;</script>` +
    `<script type="module" src="${testFramework}"></script></body></html>`,
};

export default {
  files: ['test/browser/**/*.test.ts'],
  groups: [syncStartGroup],
  nodeResolve: true,
  // Two at once made axe runs 3x slower and time out on 2-core machines.
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 10000 } },
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 300000,
  plugins: [
    fastCheckEnv,
    // The built-in voice's worker, trimmed data and asset URLs, as the build makes them.
    espeakTestPlugin({ languages: ['en'] }),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: chromeFlags,
      },
    }),
  ],
};

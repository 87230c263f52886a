/**
 * The built-in engine under @web/test-runner, which is not Vite: this plugin
 * does for the test server what src/pipeline/vite-plugin-espeak.ts does for
 * the build, with the same trimming code, so browser tests run the engine
 * exactly as shipped (trimmed data, ES module worker):
 * - serves a replacement for builtin/assets.ts (its Vite-only imports);
 * - rewrites the eSpeak-NG package's JS for the trimmed data;
 * - serves the trimmed data file.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const ASSETS_PATH = '/src/core/speech/builtin/assets.ts';
const WORKER_PATH = '/src/core/speech/builtin/espeak.worker.ts';
const DATA_PATH = '/__aloud/espeak-ng.data';

/** @param {{ languages: readonly string[] }} options */
export function espeakTestPlugin(options) {
  /** @type {Promise<{ js: string, data: Uint8Array }> | undefined} */
  let trimmed;
  const load = () => {
    trimmed ??= tsImport('../../src/pipeline/espeak-data.ts', import.meta.url).then((module) => {
      const dir = dirname(createRequire(import.meta.url).resolve('@echogarden/espeak-ng-emscripten/package.json'));
      const js = readFileSync(join(dir, 'espeak-ng.js'), 'utf8');
      const data = readFileSync(join(dir, 'espeak-ng.data'));
      return module.trimPackage(module.adaptForBrowserBundle(js), data, module.filesForLanguages(options.languages));
    });
    return trimmed;
  };

  return {
    name: 'aloud-espeak-test',
    async serve(context) {
      if (context.path === ASSETS_PATH) {
        const { data } = await load();
        const body = `export const engineAssets = {
  workerUrl: new URL(${JSON.stringify(WORKER_PATH)}, location.href).href,
  dataUrl: new URL(${JSON.stringify(DATA_PATH)}, location.href).href,
  dataBytes: ${data.byteLength},
};`;
        return { body, type: 'js' };
      }
      if (context.path === DATA_PATH) {
        const { data } = await load();
        return { body: Buffer.from(data.buffer, data.byteOffset, data.byteLength), type: 'application/octet-stream' };
      }
      return undefined;
    },
    async transform(context) {
      if (!/\/@echogarden\/espeak-ng-emscripten\/espeak-ng\.js$/.test(context.path)) return undefined;
      return { body: (await load()).js };
    },
  };
}

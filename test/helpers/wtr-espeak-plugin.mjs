/**
 * The built-in engine under @web/test-runner, which is not Vite: this plugin
 * does for the test server what src/pipeline/vite-plugin-espeak.ts does for
 * the build, with the same trimming code, so browser tests run the engine
 * exactly as shipped (trimmed data, ES module worker):
 * - serves a replacement for builtin/assets.ts (its Vite-only imports);
 * - rewrites the eSpeak-NG package's JS for the trimmed data;
 * - serves the trimmed data file, and a data file per on-demand language
 *   (`onDemand`, by default the build's: SHIPPED_LANGUAGES in espeak-data.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const ASSETS_PATH = '/src/core/speech/builtin/assets.ts';
const WORKER_PATH = '/src/core/speech/builtin/espeak.worker.ts';
const DATA_PATH = '/__aloud/espeak-ng.data';
const languagePath = (code) => `/__aloud/espeak-ng-${code}.data`;

/** @param {{ languages: readonly string[], onDemand?: readonly string[] }} options */
export function espeakTestPlugin(options) {
  /** @type {Promise<{ js: string, data: Uint8Array, languages: Array<{ code: string, data: Uint8Array, files: unknown[] }> }> | undefined} */
  let trimmed;
  const load = () => {
    trimmed ??= tsImport('../../src/pipeline/espeak-data.ts', import.meta.url).then((module) => {
      const dir = dirname(createRequire(import.meta.url).resolve('@echogarden/espeak-ng-emscripten/package.json'));
      const js = readFileSync(join(dir, 'espeak-ng.js'), 'utf8');
      const data = readFileSync(join(dir, 'espeak-ng.data'));
      const onDemand = options.onDemand ?? module.SHIPPED_LANGUAGES.onDemand;
      return {
        ...module.trimPackage(module.adaptForBrowserBundle(js), data, module.filesForLanguages(options.languages)),
        languages: onDemand.map((code) => module.languagePackage(js, data, code)),
      };
    });
    return trimmed;
  };
  const send = (data) => ({
    body: Buffer.from(data.buffer, data.byteOffset, data.byteLength),
    type: 'application/octet-stream',
  });

  return {
    name: 'aloud-espeak-test',
    async serve(context) {
      if (context.path === ASSETS_PATH) {
        const { data, languages } = await load();
        const entries = languages.map(
          (language) =>
            `${JSON.stringify(language.code)}: { url: new URL(${JSON.stringify(languagePath(language.code))}, location.href).href, bytes: ${language.data.byteLength}, files: ${JSON.stringify(language.files)} }`,
        );
        const body = `export const engineAssets = {
  workerUrl: new URL(${JSON.stringify(WORKER_PATH)}, location.href).href,
  dataUrl: new URL(${JSON.stringify(DATA_PATH)}, location.href).href,
  dataBytes: ${data.byteLength},
  languages: { ${entries.join(', ')} },
};`;
        return { body, type: 'js' };
      }
      if (context.path === DATA_PATH) return send((await load()).data);
      const language = (await load()).languages.find((candidate) => languagePath(candidate.code) === context.path);
      if (language) return send(language.data);
      return undefined;
    },
    async transform(context) {
      if (!/\/@echogarden\/espeak-ng-emscripten\/espeak-ng\.js$/.test(context.path)) return undefined;
      return { body: (await load()).js };
    },
  };
}

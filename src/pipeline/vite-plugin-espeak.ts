/**
 * Ships eSpeak-NG as the built-in engine's lazy, separately licensed chunk:
 * - trims the data package to `languages` and rewrites the package's JS to
 *   match (see espeak-data.ts), in the build and on the dev server;
 * - cuts each on-demand language's own files into a data file of its own;
 * - exposes the data files' URLs and sizes (and each on-demand language's
 *   file list) as `virtual:aloud-espeak-data`;
 * - puts eSpeak-NG's licence (GPL-3.0) and a pointer to its source beside
 *   the chunk, and a licence banner at the top of the worker chunk.
 *
 * Use it twice: in `plugins` (role `page`: emits the data and licence files)
 * and in `worker.plugins` (role `worker`: rewrites the package's JS, which
 * only the worker imports).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import {
  filesForLanguages,
  adaptForBrowserBundle,
  languagePackage,
  trimPackage,
  type LanguagePackage,
  type TrimmedPackage,
} from './espeak-data.ts';

export const ESPEAK_PACKAGE = '@echogarden/espeak-ng-emscripten';
export const ESPEAK_VIRTUAL_ID = 'virtual:aloud-espeak-data';
const RESOLVED_ID = `\0${ESPEAK_VIRTUAL_ID}`;
const DEV_DATA_PATH = '/@aloud/espeak-ng.data';
const devLanguagePath = (code: string): string => `/@aloud/espeak-ng-${code}.data`;

export const ESPEAK_SOURCE_NOTE = `The built-in voice of Aloud is eSpeak-NG, compiled to JavaScript with Emscripten.

  Files: assets/espeak.worker-*.js (the synthesizer), assets/espeak-ng-en-*.data
         (its phoneme tables and the English dictionary) and each other
         language's assets/espeak-ng-<language>-*.data (its dictionary)
  Licence: GNU General Public License version 3 (GPL-3.0), see espeak-ng-LICENSE.txt
  Package: ${ESPEAK_PACKAGE} 0.3.5 on the npm registry
  Source of the port: https://github.com/echogarden-project/espeak-ng-emscripten
  Source of eSpeak-NG: https://github.com/espeak-ng/espeak-ng

The rest of Aloud (aloud.js, polyfill.js and their other chunks) is MIT licensed.
`;

const BANNER = `/*! eSpeak-NG (${ESPEAK_PACKAGE}) | GPL-3.0, see espeak-ng-LICENSE.txt | source: https://github.com/echogarden-project/espeak-ng-emscripten */\n`;

export interface EspeakPluginOptions {
  readonly role: 'page' | 'worker';
  /** eSpeak language codes to ship, e.g. `['en']` (see LANGUAGE_FILES). */
  readonly languages: readonly string[];
  /** Languages shipped as data files of their own, fetched when one of their voices first speaks. */
  readonly onDemand?: readonly string[];
}

interface PackageFiles {
  readonly dir: string;
  readonly trimmed: TrimmedPackage;
  /** The untrimmed package, for cutting on-demand languages out of it. */
  readonly js: string;
  readonly data: Uint8Array;
}

const languageCache = new Map<string, LanguagePackage>();

export function loadLanguagePackage(code: string): LanguagePackage {
  const cached = languageCache.get(code);
  if (cached) return cached;
  const { js, data } = loadTrimmedPackage([code]);
  const language = languagePackage(js, data, code);
  languageCache.set(code, language);
  return language;
}

const cache = new Map<string, PackageFiles>();

/** Trimmed once per language set and process: both plugin roles share it. */
export function loadTrimmedPackage(languages: readonly string[]): PackageFiles {
  const key = languages.join(',');
  const cached = cache.get(key);
  if (cached) return cached;
  const dir = dirname(createRequire(import.meta.url).resolve(`${ESPEAK_PACKAGE}/package.json`));
  const js = readFileSync(join(dir, 'espeak-ng.js'), 'utf8');
  const data = readFileSync(join(dir, 'espeak-ng.data'));
  const trimmed = trimPackage(adaptForBrowserBundle(js), data, filesForLanguages(languages));
  const files = { dir, trimmed, js, data };
  cache.set(key, files);
  return files;
}

function isPackageEntry(id: string): boolean {
  return /[\\/]@echogarden[\\/]espeak-ng-emscripten[\\/]espeak-ng\.js(\?.*)?$/.test(id);
}

export function espeakPlugin(options: EspeakPluginOptions): Plugin {
  let serving = false;
  const files = () => loadTrimmedPackage(options.languages);
  const dataName = `espeak-ng-${options.languages.join('-')}.data`;
  const onDemand = options.onDemand ?? [];

  return {
    name: `aloud:espeak-${options.role}`,

    configResolved(config) {
      serving = config.command === 'serve';
    },

    resolveId(id) {
      return id === ESPEAK_VIRTUAL_ID ? RESOLVED_ID : null;
    },

    load(id) {
      if (id !== RESOLVED_ID) return null;
      const { trimmed } = files();
      const bytes = trimmed.data.byteLength;
      // Resolved relative to the chunk (base './'), so a CDN copy finds its data beside it.
      const url = (name: string, source: Uint8Array, devPath: string): string =>
        serving
          ? `new URL(${JSON.stringify(devPath)}, location.href).href`
          : `import.meta.ROLLUP_FILE_URL_${this.emitFile({ type: 'asset', name, source })}`;
      const languages = onDemand.map((code) => {
        const language = loadLanguagePackage(code);
        const fileList = JSON.stringify(language.files);
        const source = url(`espeak-ng-${code}.data`, language.data, devLanguagePath(code));
        return `${JSON.stringify(code)}: { url: ${source}, bytes: ${language.data.byteLength}, files: ${fileList} }`;
      });
      return `export default { url: ${url(dataName, trimmed.data, DEV_DATA_PATH)}, bytes: ${bytes}, languages: { ${languages.join(', ')} } };`;
    },

    transform(code, id) {
      if (options.role !== 'worker' && !serving) return null;
      if (!isPackageEntry(id)) return null;
      // Dev serves one module graph for page and worker, so both roles may see it; rewrite once.
      if (code.startsWith(BANNER)) return null;
      return { code: BANNER + files().trimmed.js, map: null };
    },

    configureServer(server) {
      server.middlewares.use(DEV_DATA_PATH, (_request, response) => {
        response.setHeader('Content-Type', 'application/octet-stream');
        response.end(Buffer.from(files().trimmed.data));
      });
      for (const code of onDemand)
        server.middlewares.use(devLanguagePath(code), (_request, response) => {
          response.setHeader('Content-Type', 'application/octet-stream');
          response.end(Buffer.from(loadLanguagePackage(code).data));
        });
    },

    generateBundle() {
      if (options.role !== 'page') return;
      const { dir } = files();
      this.emitFile({
        type: 'asset',
        fileName: 'assets/espeak-ng-LICENSE.txt',
        source: readFileSync(join(dir, 'COPYING'), 'utf8'),
      });
      this.emitFile({ type: 'asset', fileName: 'assets/espeak-ng-SOURCE.txt', source: ESPEAK_SOURCE_NOTE });
    },
  };
}

/**
 * Bytes: dist/aloud.js, the chunks a player fetches when it connects (the
 * reading chunk that Play needs and the late chunk, each with the files it
 * imports), and what the article page loads before it is interactive,
 * beside the peers' browser bundles, gzip and brotli.
 */
import { buildSync } from 'esbuild';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { createRequire } from 'node:module';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launchBrowser, openBuiltPage } from '../test/helpers/browser.ts';
import { round } from './stats.ts';

const require = createRequire(import.meta.url);

export interface Bytes {
  readonly raw: number;
  readonly gzip: number;
  readonly brotli: number;
}

export function measureBytes(content: Buffer | string): Bytes {
  const buffer = typeof content === 'string' ? Buffer.from(content) : content;
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** easy-speech ships unminified ES: minify it the same way our build does, for a fair comparison. */
function minified(entry: string): string {
  return (
    buildSync({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', write: false }).outputFiles[0]?.text ??
    ''
  );
}

/** Everything the built page requested until the network went idle. */
async function pageLoadBytes(): Promise<{ requests: number; bytes: Bytes }> {
  const browser = await launchBrowser();
  try {
    const chunks: Buffer[] = [];
    let requests = 0;
    const built = await openBuiltPage(browser, {
      beforeLoad: async (page) => {
        page.on('response', (response) => {
          requests += 1;
          void response.buffer().then(
            (body) => chunks.push(body),
            () => undefined,
          );
        });
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await built.close();
    // Compress each response on its own, as a server would.
    const total = chunks.map((chunk) => measureBytes(chunk));
    return {
      requests,
      bytes: {
        raw: total.reduce((sum, bytes) => sum + bytes.raw, 0),
        gzip: total.reduce((sum, bytes) => sum + bytes.gzip, 0),
        brotli: total.reduce((sum, bytes) => sum + bytes.brotli, 0),
      },
    };
  } finally {
    await browser.close();
  }
}

/** `import … from "./x.js"` and `import "./x.js"` in built code; not `import("./x.js")`, which loads later. */
const STATIC_IMPORT = /\bimport\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.js)["']/g;

/** `file` (a path under dist/) and every file it imports statically, each once. */
function withStaticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, specifier] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
    if (specifier?.startsWith('.')) withStaticImports(normalize(join(dirname(file), specifier)), seen);
  }
  return seen;
}

/** The one built chunk whose name starts with `name-` (dist/assets/reading-*.js, …). */
function chunk(name: string): string {
  const found = readdirSync('dist/assets').find((file) => file.startsWith(`${name}-`) && file.endsWith('.js'));
  if (!found) throw new Error(`dist/assets/${name}-*.js is missing: run npm run build`);
  return join('dist/assets', found);
}

/** Files measured together, each compressed on its own (as a server sends them). */
function filesBytes(files: Iterable<string>): Bytes {
  const all = Array.from(files, (file) => measureBytes(readFileSync(file)));
  return {
    raw: all.reduce((sum, bytes) => sum + bytes.raw, 0),
    gzip: all.reduce((sum, bytes) => sum + bytes.gzip, 0),
    brotli: all.reduce((sum, bytes) => sum + bytes.brotli, 0),
  };
}

export async function runSize() {
  const aloud = measureBytes(readFileSync('dist/aloud.js'));
  // A connected player fetches the reading chunk (what Play needs) and the late chunk at once.
  const beforePlayFiles = withStaticImports(chunk('reading'), withStaticImports('dist/aloud.js'));
  const readingChunk = filesBytes([...beforePlayFiles].filter((file) => file !== 'dist/aloud.js'));
  // What the late chunk adds: the files it imports that Play had not already loaded.
  const lateChunk = filesBytes([...withStaticImports(chunk('late'))].filter((file) => !beforePlayFiles.has(file)));
  const mediaChrome = measureBytes(readFileSync('node_modules/media-chrome/dist/iife/index.js'));
  const easySpeech = measureBytes(minified(require.resolve('easy-speech')));
  const page = await pageLoadBytes();
  return {
    aloudJs: aloud,
    readingChunk,
    lateChunk,
    // What a host page has loaded before Play can be pressed; each file compressed on its own.
    beforePlay: filesBytes(beforePlayFiles),
    articlePage: page,
    peers: {
      'media-chrome 4.19.4 (iife/index.js)': mediaChrome,
      'easy-speech 2.4.0 (minified, engine only)': easySpeech,
    },
    ratios: {
      aloudToMediaChromeGzip: round(aloud.gzip / mediaChrome.gzip),
      aloudToEasySpeechGzip: round(aloud.gzip / easySpeech.gzip),
    },
    // Strict reading of "15 KB": 15,000 bytes.
    goal: { aloudJsGzipMax: 15_000, met: aloud.gzip <= 15_000 },
  };
}

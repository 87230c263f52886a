/**
 * Build-time trimming of eSpeak-NG's data package to the languages we ship.
 *
 * Why: `@echogarden/espeak-ng-emscripten` packs every language into one
 * 24 MB file (12.3 MB gzip), far over the 700 KB gzip budget for the lazy
 * engine download. The file is a plain concatenation described by a
 * `loadPackage({files:[{filename,start,end},…],remote_package_size:N})` call
 * inside the package's JS, so trimming means copying the kept byte ranges
 * into a new file and rewriting that call to match. Nothing is committed:
 * both are generated from node_modules on every build.
 */

export interface PackagedFile {
  readonly filename: string;
  readonly start: number;
  readonly end: number;
}

export interface PackageMetadata {
  readonly files: readonly PackagedFile[];
  readonly size: number;
}

export interface TrimmedPackage {
  /** The package's JS with the metadata rewritten for `data`. */
  readonly js: string;
  readonly data: Uint8Array;
  readonly files: readonly PackagedFile[];
}

const METADATA = /loadPackage\(\{files:(\[[^\]]*\]),remote_package_size:(\d+)\}\)/;
const DATA_ROOT = '/usr/share/espeak-ng-data/';

/** Phoneme tables and intonation: every language needs them. */
const CORE_FILES = ['phondata', 'phontab', 'phonindex', 'intonations'];

/**
 * Each language eSpeak-NG can be shipped with: its dictionary and its
 * language definitions (`lang/<family>/<code>` plus regional variants such
 * as `en-GB-scotland`).
 */
export const LANGUAGE_FILES: Readonly<Record<string, { readonly dict: string; readonly lang: RegExp }>> = {
  en: { dict: 'en_dict', lang: /^lang\/gmw\/en(-[A-Za-z0-9-]+)?$/ },
  ar: { dict: 'ar_dict', lang: /^lang\/sem\/ar$/ },
};

/**
 * What the build ships. `base` goes into the data file the engine loads
 * first, with the phoneme tables every language needs; each `onDemand`
 * language is a file of its own (its dictionary and definitions only),
 * fetched the first time one of its voices speaks, so a page that reads
 * only English downloads no Arabic. Every language here needs voices in
 * src/core/speech/builtin/voices.ts and a size budget in package.json.
 */
export const SHIPPED_LANGUAGES = { base: ['en'], onDemand: ['ar'] } as const;

/** A language's own files, cut out of the package into a file of their own. */
export interface LanguagePackage {
  readonly code: string;
  readonly data: Uint8Array;
  /** Where each file lies in `data`; `filename` is its path in eSpeak's file system. */
  readonly files: readonly PackagedFile[];
}

export function readPackageMetadata(js: string): PackageMetadata {
  const match = METADATA.exec(js);
  if (!match?.[1] || !match[2])
    throw new Error('espeak-ng.js: no loadPackage({files:[…]}) call found; has the package changed?');
  // The array is a JS literal with bare keys; quoting them makes it JSON.
  const json = match[1].replace(/([{,])(filename|start|end):/g, '$1"$2":');
  const files = JSON.parse(json) as PackagedFile[];
  return { files, size: Number(match[2]) };
}

/** Which packaged files the given languages need. Unknown languages are an error, not a silent gap. */
export function filesForLanguages(languages: readonly string[]): (filename: string) => boolean {
  const specs = languages.map((code) => {
    const spec = LANGUAGE_FILES[code];
    if (!spec)
      throw new Error(
        `eSpeak data: no file list for language "${code}" (known: ${Object.keys(LANGUAGE_FILES).join(', ')})`,
      );
    return spec;
  });
  return (filename) => {
    if (!filename.startsWith(DATA_ROOT)) return false;
    const path = filename.slice(DATA_ROOT.length);
    return CORE_FILES.includes(path) || specs.some((spec) => spec.dict === path || spec.lang.test(path));
  };
}

function extract(
  metadata: PackageMetadata,
  data: Uint8Array,
  keep: (filename: string) => boolean,
): { data: Uint8Array; files: PackagedFile[] } {
  if (metadata.size !== data.byteLength) {
    throw new Error(`espeak-ng.data is ${data.byteLength} bytes but the JS expects ${metadata.size}`);
  }
  const kept = metadata.files.filter((file) => keep(file.filename));
  const total = kept.reduce((sum, file) => sum + (file.end - file.start), 0);
  const out = new Uint8Array(total);
  const files: PackagedFile[] = [];
  let offset = 0;
  for (const file of kept) {
    out.set(data.subarray(file.start, file.end), offset);
    files.push({ filename: file.filename, start: offset, end: offset + (file.end - file.start) });
    offset += file.end - file.start;
  }
  return { data: out, files };
}

export function trimPackage(js: string, data: Uint8Array, keep: (filename: string) => boolean): TrimmedPackage {
  const { data: out, files } = extract(readPackageMetadata(js), data, keep);
  const total = out.byteLength;
  const literal = files.map(
    (file) => `{filename:${JSON.stringify(file.filename)},start:${file.start},end:${file.end}}`,
  );
  const rewritten = js.replace(
    METADATA,
    () => `loadPackage({files:[${literal.join(',')}],remote_package_size:${total}})`,
  );
  return { js: rewritten, data: out, files };
}

/**
 * An on-demand language: its dictionary and language definitions, without
 * the phoneme tables (the base file has them). The worker writes these
 * files into eSpeak's file system before the language's first sentence.
 */
export function languagePackage(js: string, data: Uint8Array, code: string): LanguagePackage {
  const spec = LANGUAGE_FILES[code];
  if (!spec) throw new Error(`eSpeak data: no file list for language "${code}"`);
  const keep = (filename: string): boolean => {
    const path = filename.startsWith(DATA_ROOT) ? filename.slice(DATA_ROOT.length) : '';
    return path === spec.dict || spec.lang.test(path);
  };
  return { code, ...extract(readPackageMetadata(js), data, keep) };
}

/**
 * Two lines of the package confuse a browser bundle, though neither runs in
 * a browser worker:
 * - the Node-only start-up (`await import("module")`) makes bundlers pull in
 *   a browser stub for `module`; a stub that throws when called replaces it
 *   (Node still runs the result, as long as the data comes through
 *   `getPreloadedPackage`);
 * - `new URL("espeak-ng.wasm", import.meta.url)` names a file this build
 *   (wasm2js: the "wasm" is JavaScript) does not have, and Vite warns.
 */
export function adaptForBrowserBundle(js: string): string {
  return js
    .replace(
      'const{createRequire}=await import("module");',
      'const createRequire=()=>(name)=>{throw new Error(`${name}: Node only`)};',
    )
    .replace('new URL("espeak-ng.wasm",import.meta.url).href', '"espeak-ng.wasm"');
}

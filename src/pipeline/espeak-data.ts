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
 * Each shipped language: its dictionary and its language definitions
 * (`lang/<family>/<code>` plus regional variants such as `en-GB-scotland`).
 * Arabic is listed so that adding it is one word in vite.config.ts; it is
 * not shipped because it costs 293 KB gzip and the budget has ~10 KB left.
 */
export const LANGUAGE_FILES: Readonly<Record<string, { readonly dict: string; readonly lang: RegExp }>> = {
  en: { dict: 'en_dict', lang: /^lang\/gmw\/en(-[A-Za-z0-9-]+)?$/ },
  ar: { dict: 'ar_dict', lang: /^lang\/sem\/ar$/ },
};

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

export function trimPackage(js: string, data: Uint8Array, keep: (filename: string) => boolean): TrimmedPackage {
  const metadata = readPackageMetadata(js);
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

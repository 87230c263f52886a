/**
 * The build-time trimming of eSpeak-NG's data (src/pipeline/espeak-data.ts),
 * proved on the real package: the trimmed data still speaks the whole seed
 * article, with word timings for at least 95% of its words.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { ESpeakNGWorker, EspeakEvent, EspeakModule } from '@echogarden/espeak-ng-emscripten';
import { splitSentences } from '../../src/core/content/sentences.ts';
import { prepareText, wordTimings } from '../../src/core/speech/builtin/espeak-text.ts';
import { BUILT_IN_VOICES } from '../../src/core/speech/builtin/voices.ts';
import {
  adaptForBrowserBundle,
  filesForLanguages,
  languagePackage,
  readPackageMetadata,
  SHIPPED_LANGUAGES,
  trimPackage,
  type TrimmedPackage,
} from '../../src/pipeline/espeak-data.ts';
import { readSeed } from '../helpers/seed.ts';

const packageDir = dirname(createRequire(import.meta.url).resolve('@echogarden/espeak-ng-emscripten/package.json'));
const packageJs = readFileSync(join(packageDir, 'espeak-ng.js'), 'utf8');
const packageData = readFileSync(join(packageDir, 'espeak-ng.data'));
const ROOT = '/usr/share/espeak-ng-data/';

describe('trimming the eSpeak-NG data package', () => {
  it('reads the package metadata: every file inside the data file, back to back', () => {
    const { files, size } = readPackageMetadata(packageJs);
    assert.equal(size, packageData.byteLength);
    assert.ok(files.length > 400);
    for (const [index, file] of files.entries()) assert.equal(file.start, index === 0 ? 0 : files[index - 1]?.end);
  });

  it('keeps the phoneme tables, the English dictionary and English variants only, and rewrites the JS to match', () => {
    const trimmed = trimPackage(packageJs, packageData, filesForLanguages(['en']));
    const names = trimmed.files.map((file) => file.filename.slice(ROOT.length)).sort();
    assert.deepEqual(
      names.filter((name) => !name.startsWith('lang/')),
      ['en_dict', 'intonations', 'phondata', 'phonindex', 'phontab'],
    );
    assert.ok(names.includes('lang/gmw/en-US') && names.includes('lang/gmw/en'));
    assert.ok(!names.some((name) => /^lang\/gmw\/(de|nl)/.test(name)));
    assert.ok(trimmed.data.byteLength < 900_000, `${trimmed.data.byteLength} bytes`);
    // The rewritten JS describes exactly the new file.
    const rewritten = readPackageMetadata(trimmed.js);
    assert.deepEqual(rewritten, { files: trimmed.files, size: trimmed.data.byteLength });
    const phontab = trimmed.files.find((file) => file.filename.endsWith('/phontab'));
    const original = readPackageMetadata(packageJs).files.find((file) => file.filename.endsWith('/phontab'));
    assert.ok(phontab && original);
    assert.deepEqual(
      Buffer.from(trimmed.data.subarray(phontab.start, phontab.end)),
      packageData.subarray(original.start, original.end),
    );
  });

  it('refuses unknown languages and a data file that does not match the JS', () => {
    assert.throws(() => filesForLanguages(['xx']), /no file list for language "xx"/);
    assert.throws(() => trimPackage(packageJs, packageData.subarray(1), () => true), /bytes but the JS expects/);
  });

  it('takes the Node-only import and the missing .wasm URL out of the browser bundle', () => {
    const adapted = adaptForBrowserBundle(packageJs);
    assert.ok(!adapted.includes('import("module")'));
    assert.ok(!adapted.includes('new URL("espeak-ng.wasm"'));
  });
});

describe('the trimmed engine in Node', () => {
  let trimmed: TrimmedPackage;
  let synth: ESpeakNGWorker;
  let engine: EspeakModule;

  before(async () => {
    trimmed = trimPackage(packageJs, packageData, filesForLanguages(['en']));
    // Imported from a data: URL, so the test needs no file on disk.
    const url = `data:text/javascript;base64,${Buffer.from(trimmed.js).toString('base64')}`;
    const { default: init } = (await import(url)) as { default: (options: object) => Promise<EspeakModule> };
    const module = await init({
      getPreloadedPackage: () => trimmed.data.buffer,
      print: () => undefined,
      printErr: () => undefined,
    });
    engine = module;
    synth = new module.eSpeakNGWorker();
    assert.equal(synth.set_voice('en-us'), 0);
  });

  function speak(text: string): { samples: number; events: EspeakEvent[] } {
    let samples = 0;
    const events: EspeakEvent[] = [];
    synth.synthesize(text, (pcm, batch) => {
      samples += pcm.length;
      events.push(...batch);
      return false;
    });
    return { samples, events };
  }

  it('has every English voice we list, and speaks at 22,050 Hz', () => {
    assert.equal(synth.get_samplerate(), 22050);
    const base = BUILT_IN_VOICES.filter((voice) => !voice.language);
    assert.ok(base.length > 0);
    for (const voice of base) assert.equal(synth.set_voice(voice.espeak), 0, voice.espeak);
    synth.set_voice('en-us');
  });

  it('speaks Arabic once the Arabic data file is written in, as the worker does, and not before', () => {
    assert.deepEqual([...SHIPPED_LANGUAGES.onDemand], ['ar']);
    const arabic = BUILT_IN_VOICES.filter((voice) => voice.language === 'ar');
    assert.equal(arabic.length, 1);
    assert.notEqual(synth.set_voice('sem/ar'), 0, 'no Arabic in the base file');
    const language = languagePackage(packageJs, packageData, 'ar');
    assert.deepEqual(
      language.files.map((file) => file.filename.slice(ROOT.length)),
      ['ar_dict', 'lang/sem/ar'],
    );
    for (const file of language.files) {
      engine.FS.mkdirTree(file.filename.slice(0, file.filename.lastIndexOf('/')));
      engine.FS.writeFile(file.filename, language.data.subarray(file.start, file.end));
    }
    for (const voice of arabic) assert.equal(synth.set_voice(voice.espeak), 0, voice.espeak);
    const arabicSamples = speak('صباح الخير للجميع.').samples;
    synth.set_voice('en-us');
    // Read by an English voice, Arabic letters are spelled out one by one: far longer.
    const spelledOut = speak('صباح الخير للجميع.').samples;
    assert.ok(arabicSamples > 10_000 && arabicSamples < spelledOut / 2, `${arabicSamples} vs ${spelledOut}`);
  });

  it("gives a word timing to at least 95% of the seed article's words, in order", () => {
    const seed = readSeed();
    let words = 0;
    let timed = 0;
    for (const paragraph of [seed.headline, ...seed.paragraphs]) {
      for (const chunk of splitSentences(paragraph, 'en')) {
        const prepared = prepareText(chunk.text, 'en');
        const timings = wordTimings(prepared, speak(prepared.ssml).events);
        words += prepared.words.length;
        timed += timings.length;
        for (let index = 1; index < timings.length; index++) {
          assert.ok((timings[index]?.timeMs ?? 0) >= (timings[index - 1]?.timeMs ?? 0));
          assert.ok((timings[index]?.charIndex ?? 0) > (timings[index - 1]?.charIndex ?? 0));
        }
      }
    }
    assert.ok(words > 400);
    assert.ok(timed / words >= 0.95, `${timed} of ${words} words`);
  });

  it('reads escaped markup as text, not as tags', () => {
    const plain = speak(prepareText('Use a less than sign here.', 'en').ssml).samples;
    const markup = speak(prepareText('Use <b>bold</b> here.', 'en').ssml).samples;
    // Swallowed as a tag, "<b>bold</b>" would leave just "Use here".
    assert.ok(markup > plain * 0.8, `${markup} samples vs ${plain}`);
  });
});

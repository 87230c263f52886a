/**
 * Puts the recording fake speechSynthesis into a puppeteer page before any of
 * its scripts run, as `window.__fakeSpeech`.
 */
import { buildSync } from 'esbuild';
import type { Page } from 'puppeteer-core';
import type { FakeSpeechOptions } from './fake-speech.ts';

let bundle: string | undefined;

function fakeSpeechBundle(): string {
  bundle ??=
    buildSync({
      entryPoints: [new URL('./fake-speech.ts', import.meta.url).pathname],
      bundle: true,
      format: 'iife',
      globalName: 'FakeSpeech',
      write: false,
      target: 'es2022',
    }).outputFiles[0]?.text ?? '';
  return bundle;
}

export async function injectFakeSpeech(page: Page, options: FakeSpeechOptions): Promise<void> {
  const source = `${fakeSpeechBundle()}
window.__fakeSpeech = FakeSpeech.installFakeSpeech(${JSON.stringify(options)});`;
  await page.evaluateOnNewDocument(source);
}

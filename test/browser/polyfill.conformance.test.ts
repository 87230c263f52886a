/**
 * The conformance suite (test/polyfill/conformance.ts) in real headless
 * Chromium, with Chromium's own speechSynthesis and interfaces removed:
 * once against the polyfill speaking with the built-in eSpeak-NG voice,
 * once against a fake of a conforming browser, to show that the tests test
 * the specification and not the polyfill.
 */
import { install } from '../../src/polyfill/index.ts';
import { installConformingFake } from '../helpers/conforming-speech-fake.ts';
import { grantUserActivation } from '../helpers/user-activation.ts';
import { conformanceSuite } from '../polyfill/conformance.ts';

const NAMES = [
  'speechSynthesis',
  'SpeechSynthesis',
  'SpeechSynthesisUtterance',
  'SpeechSynthesisVoice',
  'SpeechSynthesisEvent',
  'SpeechSynthesisErrorEvent',
];

/** As in a browser without Web Speech at all. */
function removeNative(): void {
  for (const name of NAMES)
    Object.defineProperty(window, name, { configurable: true, writable: true, value: undefined });
}

conformanceSuite('the polyfill, with the built-in eSpeak-NG voice', async () => {
  await grantUserActivation();
  removeNative();
  const result = install();
  if (!result.installed || result.reason !== 'missing') throw new Error(`install() did ${JSON.stringify(result)}`);
});

conformanceSuite('a fake of a conforming browser', async () => {
  await grantUserActivation();
  removeNative();
  installConformingFake();
});

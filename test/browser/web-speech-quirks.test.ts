/**
 * The quirks of real engines, each played by the fake `speechSynthesis`, and
 * what the listener gets: a pause that holds, a resume that speaks, from the
 * place they left.
 */
import { expect } from '@open-wc/testing';
import type { EngineEvent } from '../../src/core/speech/engine.ts';
import { WebSpeechEngine, type WebSpeechEngineOptions } from '../../src/core/speech/web-speech-engine.ts';
import { installFakeSpeech, type FakeSpeechOptions, type InstalledFakeSpeech } from '../helpers/fake-speech.ts';
import { sleep, waitFor } from '../helpers/wait.ts';

const until = (check: () => boolean): Promise<void> => waitFor(check, 'the engine got there');
const REQUEST = { text: 'We may be killed or imprisoned.', lang: 'en-GB', rate: 1 };

describe('WebSpeechEngine against the quirks of real engines', () => {
  let fake: InstalledFakeSpeech;
  let engine: WebSpeechEngine;
  let events: EngineEvent[];

  function setUp(fakeOptions: FakeSpeechOptions, options: WebSpeechEngineOptions = {}): void {
    fake = installFakeSpeech({ mode: 'manual', ...fakeOptions });
    engine = new WebSpeechEngine({ pause: 'native', cancelDropsSpeak: false, pauseConfirmMs: 30, ...options });
    events = [];
    engine.subscribe((event) => events.push(event));
  }

  afterEach(() => {
    engine?.dispose();
    fake?.uninstall();
  });

  const types = () => events.map((event) => event.type);

  it('a pause the engine ignores becomes a cancel that keeps the place', async () => {
    setUp({ pauseQuirk: 'ignored' });
    const id = engine.speak(REQUEST);
    fake.start();
    fake.boundary(10, 6);
    engine.pause();
    expect(fake.speaking, 'still speaking right after pause()').to.equal(true);
    await until(() => !fake.speaking);
    expect(fake.count('cancel')).to.equal(1);
    engine.resume();
    expect(fake.spoken.at(-1)?.text).to.equal('killed or imprisoned.');
    expect(types(), 'no start before the engine says so').to.deep.equal(['start', 'boundary']);
    fake.start();
    fake.end();
    expect(events.slice(2)).to.deep.equal([
      { type: 'start', utteranceId: id },
      { type: 'end', utteranceId: id },
    ]);
  });

  it('a pause that acts as a cancel (Android) is taken as one: no error, and resume speaks on', async () => {
    setUp({ pauseQuirk: 'cancels' });
    engine.speak(REQUEST);
    fake.start();
    fake.boundary(7, 3);
    engine.pause();
    await sleep(40);
    expect(types()).to.deep.equal(['start', 'boundary']);
    engine.resume();
    expect(fake.spoken.at(-1)?.text).to.equal('be killed or imprisoned.');
  });

  it('a resume that never speaks is caught and spoken again from the place', async () => {
    setUp({ resumeQuirk: 'silent' });
    const id = engine.speak(REQUEST);
    fake.start();
    fake.boundary(3, 3);
    engine.pause();
    expect(fake.paused).to.equal(true);
    engine.resume();
    expect(fake.paused, 'the engine claims to be speaking').to.equal(false);
    expect(types(), 'no start on the flags alone').to.deep.equal(['start', 'boundary']);
    await until(() => fake.spoken.length === 2);
    expect(fake.spoken[1]?.text).to.equal('may be killed or imprisoned.');
    fake.start();
    expect(events.at(-1)).to.deep.equal({ type: 'start', utteranceId: id });
  });

  it('a native pause held too long is let go and resumes by speaking again', async () => {
    setUp({}, { nativePauseMaxMs: 60 });
    engine.speak(REQUEST);
    fake.start();
    fake.boundary(17, 2);
    engine.pause();
    await until(() => fake.count('cancel') === 1);
    engine.resume();
    expect(fake.spoken.at(-1)?.text).to.equal('or imprisoned.');
  });

  it('a speak() dropped right after cancel() is spoken again after afterCancelStartMs, without another cancel', async () => {
    setUp(
      { dropSpeakAfterCancel: true, mode: 'auto', stepMs: 1 },
      { cancelDropsSpeak: true, afterCancelStartMs: 50, watchdogStartMs: 5000 },
    );
    engine.speak(REQUEST);
    await until(() => types().includes('start'));
    engine.cancel();
    const before = performance.now();
    const id = engine.speak({ ...REQUEST, text: 'We don’t know.' });
    await until(() => types().includes('end'));
    expect(performance.now() - before, 'well before the 5 s wedge watchdog').to.be.below(2000);
    expect(fake.dropped.map((utterance) => utterance.text)).to.deep.equal(['We don’t know.']);
    expect(fake.count('cancel')).to.equal(1);
    expect(
      events
        .filter((event) => 'utteranceId' in event && event.utteranceId === id && event.type !== 'boundary')
        .map((event) => event.type),
    ).to.deep.equal(['start', 'end']);
  });

  it('calls cancel() only when something is speaking', async () => {
    setUp({ mode: 'auto', stepMs: 1 });
    engine.speak(REQUEST);
    await until(() => types().includes('end'));
    engine.cancel();
    engine.speak(REQUEST);
    await until(() => types().filter((type) => type === 'end').length === 2);
    expect(fake.count('cancel')).to.equal(0);
  });
});

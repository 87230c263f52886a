import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import type { EngineEvent } from '../../src/core/speech/engine.ts';
import { WebSpeechEngine, type WebSpeechEngineOptions } from '../../src/core/speech/web-speech-engine.ts';
import {
  installFakeSpeech,
  removeSpeechSynthesis,
  type FakeSpeechOptions,
  type InstalledFakeSpeech,
} from '../helpers/fake-speech.ts';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `predicate` holds, so tests wait for behaviour, not for guessed delays. */
async function until(predicate: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > deadline) throw new Error('condition not met in time');
    await sleep(2);
  }
}

const REQUEST = { text: 'We may be killed or imprisoned.', lang: 'en-GB', rate: 1 };

describe('WebSpeechEngine with a fake speechSynthesis', () => {
  let fake: InstalledFakeSpeech;
  let engine: WebSpeechEngine;
  let events: EngineEvent[];

  function setUp(fakeOptions: FakeSpeechOptions = {}, options: WebSpeechEngineOptions = {}): void {
    fake = installFakeSpeech({ mode: 'manual', ...fakeOptions });
    engine = new WebSpeechEngine({ pause: 'native', cancelDropsSpeak: false, ...options });
    events = [];
    engine.subscribe((event) => events.push(event));
  }

  afterEach(() => {
    engine?.dispose();
    fake?.uninstall();
  });

  it('speaks with the requested text, lang, clamped rate, pitch, volume and voice', () => {
    setUp({ voices: [{ name: 'Daniel', voiceURI: 'com.apple.daniel', lang: 'en-GB' }] });
    engine.speak({ ...REQUEST, rate: 1.5, pitch: 1.2, volume: 0.8, voiceId: 'com.apple.daniel' });
    engine.speak({ ...REQUEST, rate: 50 });
    engine.speak({ ...REQUEST, rate: 0, pitch: 9, volume: -1 });
    const [first, second, third] = fake.spoken;
    expect(first).to.include({ text: REQUEST.text, lang: 'en-GB', rate: 1.5 });
    // The attributes are single-precision floats.
    expect(first?.pitch).to.be.closeTo(1.2, 1e-6);
    expect(first?.volume).to.be.closeTo(0.8, 1e-6);
    expect(first?.voice?.name).to.equal('Daniel');
    expect(second?.rate).to.equal(10);
    expect(third?.rate).to.be.closeTo(0.1, 1e-6);
    expect(third).to.include({ pitch: 2, volume: 0 });
  });

  it('leaves the voice unset for an unknown voice id so the browser picks by lang', () => {
    setUp({ voices: [{ name: 'Daniel', lang: 'en-GB' }] });
    engine.speak({ ...REQUEST, lang: 'ar', voiceId: 'gone-voice' });
    expect(fake.spoken[0]?.voice).to.equal(null);
    expect(fake.spoken[0]?.lang).to.equal('ar');
  });

  it('returns increasing ids and forwards start, boundary and end with the right id', async () => {
    setUp();
    const first = engine.speak(REQUEST);
    engine.cancel();
    const id = engine.speak(REQUEST);
    expect(id).to.be.greaterThan(first);
    fake.start();
    fake.boundary(3, 3);
    fake.boundary(7, 0, 'sentence');
    fake.end();
    await sleep(5);
    expect(events).to.deep.equal([
      { type: 'start', utteranceId: id },
      { type: 'boundary', utteranceId: id, name: 'word', charIndex: 3, charLength: 3 },
      { type: 'boundary', utteranceId: id, name: 'sentence', charIndex: 7, charLength: 0 },
      { type: 'end', utteranceId: id },
    ]);
  });

  it('runs a whole utterance in auto mode with one boundary per word', async () => {
    setUp({ mode: 'auto', stepMs: 1 });
    const id = engine.speak(REQUEST);
    await until(() => events.some((event) => event.type === 'end'));
    const boundaries = events.filter((event) => event.type === 'boundary');
    expect(boundaries).to.have.length(REQUEST.text.split(' ').length);
    expect(events[0]).to.deep.equal({ type: 'start', utteranceId: id });
    expect(events.at(-1)).to.deep.equal({ type: 'end', utteranceId: id });
  });

  it('ignores stale events from a cancelled utterance after a new one started', async () => {
    setUp();
    engine.speak(REQUEST);
    const old = fake.current;
    fake.start();
    engine.cancel();
    const id = engine.speak({ ...REQUEST, text: 'We don’t know.' });
    fake.start();
    // The fake's own async `interrupted` for the old one, plus forced extras.
    await sleep(5);
    if (!old) throw new Error('no first utterance');
    fake.fireOn(old, 'boundary', { charIndex: 10, charLength: 6, name: 'word' });
    fake.fireOn(old, 'end');
    fake.fireOn(old, 'error', { error: 'synthesis-failed' });
    fake.end();
    await sleep(5);
    expect(events.map((event) => event.type)).to.deep.equal(['start', 'start', 'end']);
    expect(events.slice(1)).to.deep.equal([
      { type: 'start', utteranceId: id },
      { type: 'end', utteranceId: id },
    ]);
  });

  it('cancel() is silent: the interrupted error that follows is not forwarded', async () => {
    setUp();
    engine.speak(REQUEST);
    fake.start();
    engine.cancel();
    await sleep(10);
    expect(fake.count('cancel')).to.equal(1);
    expect(events).to.deep.equal([{ type: 'start', utteranceId: 1 }]);
  });

  it('maps native error codes to engine codes', async () => {
    setUp();
    const table = {
      'synthesis-failed': 'synthesis-failed',
      'synthesis-unavailable': 'unavailable',
      'audio-busy': 'synthesis-failed',
      'audio-hardware': 'synthesis-failed',
      network: 'synthesis-failed',
      'text-too-long': 'synthesis-failed',
      'voice-unavailable': 'no-voice',
      'language-unavailable': 'no-voice',
      'not-allowed': 'not-allowed',
      interrupted: 'interrupted',
      canceled: 'canceled',
    } as const;
    for (const [native, expected] of Object.entries(table)) {
      const id = engine.speak(REQUEST);
      fake.fail(native as keyof typeof table);
      expect(events.at(-1), native).to.deep.equal({ type: 'error', utteranceId: id, code: expected });
    }
  });

  it('reports synthesis-failed like headless Chromium without voices', async () => {
    setUp({ mode: 'failing', stepMs: 1 });
    const id = engine.speak(REQUEST);
    await until(() => events.length > 0);
    expect(events).to.deep.equal([{ type: 'error', utteranceId: id, code: 'synthesis-failed' }]);
  });

  it('emits unavailable asynchronously when speechSynthesis does not exist', async () => {
    const restore = removeSpeechSynthesis();
    try {
      const bare = new WebSpeechEngine();
      const seen: EngineEvent[] = [];
      bare.subscribe((event) => seen.push(event));
      const id = bare.speak(REQUEST);
      expect(seen, 'not synchronously').to.deep.equal([]);
      await Promise.resolve();
      expect(seen).to.deep.equal([{ type: 'error', utteranceId: id, code: 'unavailable' }]);
      expect(await bare.ready()).to.deep.equal([]);
      bare.dispose();
    } finally {
      restore();
    }
  });

  it('resolves ready() when voices arrive late through voiceschanged', async () => {
    setUp({}, { voicesTimeoutMs: 5000 });
    expect(engine.voices()).to.deep.equal([]);
    const ready = engine.ready();
    const before = performance.now();
    setTimeout(() => fake.setVoices([{ name: 'Maged', voiceURI: '', lang: 'ar_SA', default: true }]), 30);
    const voices = await ready;
    expect(performance.now() - before).to.be.below(1000);
    expect(voices).to.deep.equal([
      { id: 'Maged', name: 'Maged', lang: 'ar-SA', isDefault: true, local: true, engine: 'web-speech' },
    ]);
    expect(engine.voices()).to.equal(voices);
    expect(events).to.deep.equal([{ type: 'voiceschanged' }]);
  });

  it('resolves ready() with [] after the timeout when no voices come', async () => {
    setUp({}, { voicesTimeoutMs: 50 });
    const before = performance.now();
    fake.setVoices([]);
    expect(await engine.ready()).to.deep.equal([]);
    expect(performance.now() - before).to.be.within(40, 1000);
  });

  it('speaks once more when start never comes, then times out', async () => {
    setUp({}, { watchdogStartMs: 40 });
    const id = engine.speak(REQUEST);
    await until(() => events.length > 0);
    expect(events).to.deep.equal([{ type: 'error', utteranceId: id, code: 'timeout' }]);
    expect(fake.calls.map((call) => call.method)).to.deep.equal(['speak', 'cancel', 'speak', 'cancel']);
    expect(fake.spoken[1]?.text).to.equal(REQUEST.text);
  });

  it('recovers a wedged engine by speaking once more, without an error', async () => {
    setUp({}, { watchdogStartMs: 40 });
    const id = engine.speak(REQUEST);
    await until(() => fake.spoken.length === 2);
    fake.start();
    fake.end();
    expect(events).to.deep.equal([
      { type: 'start', utteranceId: id },
      { type: 'end', utteranceId: id },
    ]);
  });

  it('speaks once more, then times out, when start comes but end never does (silent-start)', async () => {
    setUp({ mode: 'silent-start', stepMs: 1 }, { watchdogEndMinMs: 60, watchdogEndFactor: 0 });
    const id = engine.speak(REQUEST);
    await until(() => events.length > 2);
    expect(events).to.deep.equal([
      { type: 'start', utteranceId: id },
      { type: 'start', utteranceId: id },
      { type: 'error', utteranceId: id, code: 'timeout' },
    ]);
    expect(fake.spoken).to.have.length(2);
  });

  it('does not time out while natively paused, and pauses through speechSynthesis', async () => {
    setUp({}, { watchdogEndMinMs: 40, watchdogEndFactor: 0 });
    engine.speak(REQUEST);
    fake.start();
    engine.pause();
    expect(fake.paused).to.equal(true);
    await sleep(80);
    expect(events.map((event) => event.type)).to.deep.equal(['start']);
    engine.resume();
    expect(fake.paused).to.equal(false);
    expect(fake.count('pause')).to.equal(1);
    expect(fake.count('resume')).to.equal(1);
    fake.end();
    // `start` again: the engine confirmed the resume with its `resume` event.
    expect(events.map((event) => event.type)).to.deep.equal(['start', 'start', 'end']);
    expect(fake.count('cancel')).to.equal(0);
  });

  it('pauses by cancelling where pause is unreliable, and speaks on from the word heard last', async () => {
    setUp({}, { pause: 'cancel' });
    const id = engine.speak(REQUEST);
    fake.start();
    fake.boundary(7, 3);
    engine.pause();
    expect(fake.count('pause')).to.equal(0);
    expect(fake.speaking).to.equal(false);
    await sleep(10);
    engine.resume();
    expect(fake.spoken).to.have.length(2);
    expect(fake.spoken[1]?.text).to.equal(REQUEST.text.slice(7));
    expect(fake.spoken[1]?.utterance).not.to.equal(fake.spoken[0]?.utterance);
    fake.start();
    fake.boundary(0, 3);
    fake.end();
    expect(events).to.deep.equal([
      { type: 'start', utteranceId: id },
      { type: 'boundary', utteranceId: id, name: 'word', charIndex: 7, charLength: 3 },
      { type: 'start', utteranceId: id },
      // Still an offset into the request's text.
      { type: 'boundary', utteranceId: id, name: 'word', charIndex: 7, charLength: 3 },
      { type: 'end', utteranceId: id },
    ]);
  });

  it('resumes a speechSynthesis left paused before speaking (Chrome bug)', () => {
    setUp();
    fake.pause();
    engine.speak(REQUEST);
    expect(fake.calls.map((call) => call.method)).to.deep.equal(['pause', 'resume', 'speak']);
  });

  it('cancels on pagehide, and stops listening once disposed', async () => {
    setUp();
    engine.speak(REQUEST);
    fake.start();
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(fake.speaking).to.equal(false);
    expect(fake.count('cancel')).to.equal(1);
    await sleep(5);
    expect(events.map((event) => event.type)).to.deep.equal(['start']);
    engine.dispose();
    engine.speak(REQUEST);
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(fake.count('cancel')).to.equal(1);
    expect(fake.listenerCount('voiceschanged')).to.equal(0);
  });

  it('keeps other listeners running when one throws, and unsubscribes', () => {
    setUp();
    const originalError = console.error;
    const logged: unknown[] = [];
    console.error = (error: unknown) => logged.push(error);
    try {
      const unsubscribe = engine.subscribe(() => {
        throw new Error('listener bug');
      });
      const id = engine.speak(REQUEST);
      fake.start();
      expect(events).to.deep.equal([{ type: 'start', utteranceId: id }]);
      expect(logged).to.have.length(1);
      unsubscribe();
      fake.end();
      expect(events.at(-1)).to.deep.equal({ type: 'end', utteranceId: id });
      expect(logged).to.have.length(1);
    } finally {
      console.error = originalError;
    }
  });
});

describe('WebSpeechEngine with the real headless Chromium speechSynthesis', () => {
  const CANNOT_SPEAK = ['synthesis-failed', 'unavailable', 'no-voice', 'timeout'];
  let engine: WebSpeechEngine;
  let events: EngineEvent[];

  beforeEach(() => {
    engine = new WebSpeechEngine({ voicesTimeoutMs: 500, watchdogStartMs: 2000 });
    events = [];
    engine.subscribe((event) => events.push(event));
  });

  afterEach(() => engine.dispose());

  /** The first end or error: whichever way it goes, it must not hang. */
  async function outcome(): Promise<EngineEvent | undefined> {
    await until(() => events.some((event) => event.type === 'end' || event.type === 'error'), 4000);
    return events.find((event) => event.type === 'end' || event.type === 'error');
  }

  // First in this block: once a test has clicked, the page keeps its
  // (sticky) user activation for the rest of the run.
  it('reports not-allowed, not a hang, for speak() before any user gesture', async () => {
    expect(navigator.userActivation.hasBeenActive, 'no click yet').to.equal(false);
    const id = engine.speak(REQUEST);
    const last = await outcome();
    // Chromium's autoplay policy refuses speech without user activation.
    expect(last).to.deep.equal({ type: 'error', utteranceId: id, code: 'not-allowed' });
  });

  it('resolves ready() within the timeout (with no voices on this machine)', async () => {
    const before = performance.now();
    const voices = await engine.ready();
    expect(performance.now() - before).to.be.below(1500);
    expect(voices).to.be.an('array');
    expect(engine.voices()).to.deep.equal(voices);
  });

  it('says it cannot speak when speak() runs inside a real click', async () => {
    const voices = await engine.ready();
    const button = document.createElement('button');
    button.textContent = 'Listen';
    button.style.cssText = 'position:fixed;left:0;top:0;width:100px;height:40px';
    let id = 0;
    button.addEventListener('click', () => {
      id = engine.speak(REQUEST);
    });
    document.body.append(button);
    try {
      await sendMouse({ type: 'click', position: [50, 20] });
      expect(id, 'the click reached the button').to.be.greaterThan(0);
      const last = await outcome();
      expect(last).to.have.property('utteranceId', id);
      // With no voices here Chromium fails fast; a machine with voices may
      // speak to the end, which is also "not a hang".
      if (voices.length === 0) {
        expect(last).to.have.property('type', 'error');
        expect(last).to.have.property('code').that.is.oneOf(CANNOT_SPEAK);
      }
    } finally {
      await resetMouse();
      button.remove();
    }
  });
});

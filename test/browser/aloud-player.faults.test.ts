/**
 * Engine faults seen in the field, through the player's public behaviour with
 * the fake `speechSynthesis`: failures mid-article, engines that never start
 * or never end (the watchdog), a voice that disappears, stale events, and
 * leaving the page (pagehide, bfcache, a hidden tab). The fixture pins
 * `engine="web-speech"`, so failures are reported rather than handed to the
 * built-in voice; one test checks that hand-over with `engine="auto"`.
 */
import { expect, oneEvent } from '@open-wc/testing';
import type { AloudPlayer } from '../../src/elements/aloud-player/aloud-player.ts';
import type { InstalledFakeSpeech } from '../helpers/fake-speech.ts';
import { grantUserActivation } from '../helpers/user-activation.ts';
import { articleWithPlayer, waitFor } from '../helpers/player-fixture.ts';
import {
  POSITION_KEY,
  PREFERENCES_KEY,
  button,
  lastSpoken,
  playConfirmed,
  query,
  settle,
  spokenTexts,
  statusText,
  untilSpoken,
  useFakeSpeech,
} from '../helpers/player-kit.ts';

const SPEECH_FAILED = 'Speech failed. Your place is kept; press Retry to try again.';
const STOPPED_RESPONDING = 'Speech stopped responding.';

/**
 * Runs long timers (the engine watchdog's 4 s and 8 s) 100 times faster, so a
 * test waits for the behaviour rather than the clock. Whichever engine owns
 * the watchdog, it uses the page's setTimeout.
 */
function speedUpLongTimers(): () => void {
  const original = window.setTimeout;
  const fast = ((handler: TimerHandler, delay?: number, ...args: unknown[]) =>
    original(handler, delay !== undefined && delay >= 1000 ? delay / 100 : delay, ...args)) as typeof window.setTimeout;
  window.setTimeout = fast;
  return () => {
    window.setTimeout = original;
  };
}

/** Reads on (start, end) until the fake is asked to speak `text`. */
async function readUntil(fake: InstalledFakeSpeech, text: string): Promise<void> {
  for (let guard = 0; lastSpoken(fake).text !== text; guard++) {
    if (guard > 20) throw new Error(`never reached "${text}"`);
    fake.start();
    const count = fake.spoken.length;
    fake.end();
    await untilSpoken(fake, count + 1);
  }
  fake.start();
}

const alertText = (player: AloudPlayer) =>
  query(player.shadowRoot as ShadowRoot, '[role="alert"]').textContent?.trim() ?? '';

describe('<aloud-player> engine faults', () => {
  const speech = useFakeSpeech();
  let restoreTimers: (() => void) | undefined;
  afterEach(() => {
    restoreTimers?.();
    restoreTimers = undefined;
  });

  it('synthesis-failed mid-article: one retry, then the error with Retry, and the sentence and paragraph are kept', async () => {
    const fake = speech({ mode: 'manual' });
    const { player, shadow } = await articleWithPlayer();
    await playConfirmed(player, fake);
    await readUntil(fake, 'Here is the second one.');
    const before = fake.spoken.length;

    fake.fail('synthesis-failed');
    await untilSpoken(fake, before + 1);
    expect(lastSpoken(fake).text, 'the one retry is the same sentence').to.equal('Here is the second one.');
    fake.fail('synthesis-failed');
    await waitFor(() => alertText(player).includes(SPEECH_FAILED), 'the error shows');
    await settle();
    expect(fake.spoken).to.have.length(before + 1);
    expect(player.paused).to.equal(true);
    expect(player.currentParagraph).to.equal(1);
    await player.updateComplete;
    expect(statusText(shadow)).not.to.equal('Playing');
    expect(query(shadow, 'input[type="range"]').getAttribute('aria-valuetext')).to.match(
      /^Paragraph 2 of 4: First paragraph/,
    );

    button(query(shadow, '[role="alert"]'), 'Retry').click();
    expect(lastSpoken(fake).text, 'Retry reads the same sentence again').to.equal('Here is the second one.');
    fake.start();
    await waitFor(() => !player.paused, 'reading again');
    expect(player.currentParagraph).to.equal(1);
  });

  it('no start at all: the watchdog gives up, retries once, then says speech stopped responding', async () => {
    restoreTimers = speedUpLongTimers();
    const fake = speech({ mode: 'manual', syncStart: false });
    const { player } = await articleWithPlayer();
    const attempt = player.play().then(
      () => 'resolved',
      (error: Error) => error.message,
    );
    await waitFor(() => alertText(player).includes(STOPPED_RESPONDING), 'the watchdog reports', 5000);
    expect(await attempt).to.equal(STOPPED_RESPONDING);
    expect(spokenTexts(fake)).to.deep.equal(['Test headline', 'Test headline']);
    expect(player.paused).to.equal(true);
    expect(fake.speaking, 'the stuck utterance was cancelled').to.equal(false);
    expect(button(query(player.shadowRoot as ShadowRoot, '[role="alert"]'), 'Retry')).to.exist;
  });

  it('start never followed by end: the watchdog stops claiming "Playing" and reports, keeping the place', async () => {
    restoreTimers = speedUpLongTimers();
    const fake = speech({ mode: 'silent-start' });
    const { player, shadow } = await articleWithPlayer();
    player.currentParagraph = 2;
    await player.play();
    expect(player.paused).to.equal(false);
    const paused = oneEvent(player, 'pause');
    await waitFor(() => alertText(player).includes(STOPPED_RESPONDING), 'the watchdog reports', 5000);
    await paused;
    expect(spokenTexts(fake)).to.deep.equal(['Second paragraph is short.', 'Second paragraph is short.']);
    expect(player.paused).to.equal(true);
    expect(player.currentParagraph).to.equal(2);
    await player.updateComplete;
    expect(statusText(shadow)).not.to.equal('Playing');
  });

  it('with the built-in voice available (engine auto), a stuck utterance moves to it: no error, same place', async function () {
    // Real time, no timer sped up: the built-in voice's first sentence includes loading its
    // engine, and on a busy machine that outlasted its timers when they ran 100 times faster.
    this.timeout(45_000);
    const fake = speech({ mode: 'silent-start', voices: [{ name: 'Samantha', lang: 'en-US', default: true }] });
    const { player } = await articleWithPlayer({ engine: 'auto' });
    // The built-in voice's audio starts only after a user activation, as a listener's press gives.
    await grantUserActivation();
    let errors = 0;
    const messages: string[] = [];
    player.addEventListener('error', (event) => {
      errors++;
      messages.push((event as unknown as CustomEvent<{ message: string }>).detail.message);
    });
    player.currentParagraph = 2;
    await player.play();
    // Polled until the built-in engine has the sentence (Web Speech gives up on it first).
    await waitFor(() => player.speech?.id === 'built-in', 'the built-in engine takes over', 30_000);
    await settle(300);
    expect(errors, `no error reaches the listener: ${messages.join(' | ')}`).to.equal(0);
    expect(alertText(player)).to.equal('');
    expect(player.currentParagraph).to.equal(2);
    expect(player.paused).to.equal(false);
    // Spoken once more by the browser (a wedge can pass), then never again.
    expect(spokenTexts(fake), 'Web Speech was not asked a third time').to.deep.equal([
      'Second paragraph is short.',
      'Second paragraph is short.',
    ]);
  });

  it('the chosen voice disappears: the default voice for the language takes over, and the status says so', async () => {
    const daniel = { name: 'Daniel', voiceURI: 'daniel', lang: 'en-GB' };
    const samantha = { name: 'Samantha', voiceURI: 'samantha', lang: 'en-US', default: true };
    const fake = speech({
      mode: 'manual',
      voices: [daniel, samantha, { name: 'Amira', voiceURI: 'amira', lang: 'ar' }],
    });
    localStorage.setItem(PREFERENCES_KEY, JSON.stringify({ voiceId: 'daniel' }));
    const { player, shadow } = await articleWithPlayer();
    await waitFor(() => player.store.snapshot.reading.voices.length === 3, 'voices load');
    await playConfirmed(player, fake);
    expect(lastSpoken(fake).voice?.name).to.equal('Daniel');

    fake.setVoices([samantha, { name: 'Amira', voiceURI: 'amira', lang: 'ar' }]);
    await player.updateComplete;
    expect(statusText(shadow)).to.equal('The chosen voice is no longer available; using the default voice.');
    fake.end();
    await untilSpoken(fake, 2);
    expect(lastSpoken(fake).voice?.name, 'the default English voice, not the Arabic one').to.equal('Samantha');
    expect(player.paused).to.equal(false);
  });

  it('a voice list that merely arrives late, or changes without the chosen voice in it, is not news', async () => {
    const fake = speech({ mode: 'manual', voices: [] });
    localStorage.setItem(PREFERENCES_KEY, JSON.stringify({ voiceId: 'daniel' }));
    const { player, shadow } = await articleWithPlayer();
    fake.setVoices([{ name: 'Samantha', voiceURI: 'samantha', lang: 'en-US', default: true }]);
    await player.updateComplete;
    expect(statusText(shadow)).to.equal('');
  });

  it('ignores a stale synthesis-failed from a cancelled utterance after the next one started', async () => {
    const fake = speech({ mode: 'manual' });
    const { player, shadow } = await articleWithPlayer();
    await playConfirmed(player, fake);
    const old = lastSpoken(fake).utterance;
    player.next();
    fake.start();
    fake.fireOn(old, 'error', { error: 'synthesis-failed' });
    fake.fireOn(old, 'start');
    await settle();
    await player.updateComplete;
    expect(fake.spoken).to.have.length(2);
    expect(alertText(player)).to.equal('');
    expect(player.paused).to.equal(false);
    expect(statusText(shadow)).to.equal('Playing');
  });
});

describe('<aloud-player> leaving the page', () => {
  const speech = useFakeSpeech();
  let restoreVisibility: (() => void) | undefined;
  afterEach(() => {
    restoreVisibility?.();
    restoreVisibility = undefined;
  });

  function setVisibility(state: DocumentVisibilityState): void {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
    restoreVisibility = () => {
      Reflect.deleteProperty(document, 'visibilityState');
      Reflect.deleteProperty(document, 'hidden');
    };
    document.dispatchEvent(new Event('visibilitychange'));
  }

  it('pagehide cancels speech, says Paused and saves the position', async () => {
    const fake = speech({ mode: 'manual' });
    const { player, shadow } = await articleWithPlayer();
    await playConfirmed(player, fake);
    await readUntil(fake, 'Second paragraph is short.');
    await waitFor(() => !player.paused, 'playing');

    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    expect(fake.speaking).to.equal(false);
    expect(player.paused).to.equal(true);
    expect(JSON.parse(localStorage.getItem(POSITION_KEY) ?? '{}')).to.include({ paragraphIndex: 2 });
    await player.updateComplete;
    expect(statusText(shadow)).to.equal('Paused');
  });

  it('back from the bfcache (pageshow persisted): an honest paused UI, and Play reads the same sentence again', async () => {
    const fake = speech({ mode: 'manual' });
    const { player, shadow } = await articleWithPlayer();
    await playConfirmed(player, fake);
    await readUntil(fake, 'Here is the second one.');
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await settle();
    await player.updateComplete;
    expect(player.paused).to.equal(true);
    expect(statusText(shadow)).to.equal('Paused');
    expect(query(shadow, 'button.primary').textContent?.trim()).to.equal('Play');
    expect(fake.speaking).to.equal(false);

    const count = fake.spoken.length;
    await playConfirmed(player, fake);
    expect(fake.spoken).to.have.length(count + 1);
    expect(lastSpoken(fake).text).to.equal('Here is the second one.');
  });

  it('a hidden tab whose speech the system stopped shows Paused, not Playing, and keeps the place', async () => {
    const fake = speech({ mode: 'manual' });
    const { player, shadow } = await articleWithPlayer();
    await playConfirmed(player, fake);
    await readUntil(fake, 'Second paragraph is short.');
    setVisibility('hidden');
    expect(player.paused, 'hiding alone does not stop reading').to.equal(false);

    fake.fail('interrupted');
    await waitFor(() => player.paused, 'the player hears the stop');
    setVisibility('visible');
    await player.updateComplete;
    expect(statusText(shadow)).to.equal('Paused');
    expect(player.currentParagraph).to.equal(2);
    expect(JSON.parse(localStorage.getItem(POSITION_KEY) ?? '{}')).to.include({ paragraphIndex: 2 });
  });
});

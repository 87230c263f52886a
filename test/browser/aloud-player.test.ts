/**
 * <aloud-player> reading an article through a fake `speechSynthesis`: the
 * order it reads in, how it drives the engine (pause, resume, skip, rate),
 * how it copes with stale events and failures, and its public API.
 * Keyboard, settings and accessibility have their own suites.
 */
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AloudPlayer } from '../../src/elements/aloud-player/aloud-player.ts';
import type { ParagraphChangeDetail, PlayerErrorEvent } from '../../src/elements/aloud-player/events.ts';
import { axeViolations } from '../helpers/axe.ts';
import { WINDOWS_CHROME_UA } from '../helpers/fake-speech.ts';
import { PARAGRAPHS, articleWithPlayer, waitFor } from '../helpers/player-fixture.ts';
import {
  SPOKEN_IN_ORDER,
  button,
  currentElements,
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

describe('<aloud-player> reading an article', () => {
  const speech = useFakeSpeech();

  it('reads the headline, then each sentence of each paragraph in order, never nav or footer, then fires ended', async () => {
    const fake = speech({ mode: 'auto', stepMs: 1 });
    const { player, shadow } = await articleWithPlayer();
    const changes: ParagraphChangeDetail[] = [];
    player.addEventListener('paragraphchange', (event) => changes.push(event.detail));
    const ended = oneEvent(player, 'ended');

    await player.play();
    await ended;

    expect(spokenTexts(fake)).to.deep.equal(SPOKEN_IN_ORDER);
    expect(changes).to.deep.equal(PARAGRAPHS.map((text, i) => ({ index: i + 1, text })));
    expect(player.paused).to.equal(true);
    await player.updateComplete;
    expect(statusText(shadow)).to.equal('Finished reading');
    expect(button(shadow, 'Play')).to.exist;
    expect(currentElements(), 'no highlight left behind').to.deep.equal([]);
    expect(CSS.highlights.has('aloud-word')).to.equal(false);
  });

  it('fires play, and claims "Playing", only once the engine confirms start', async () => {
    // An engine whose start comes later, whichever way the suite runs.
    const fake = speech({ mode: 'manual', syncStart: false });
    const { player, shadow } = await articleWithPlayer();
    let plays = 0;
    player.addEventListener('play', () => plays++);
    let resolved = false;
    const started = player.play().then(() => (resolved = true));

    await settle();
    await player.updateComplete;
    expect(spokenTexts(fake)).to.deep.equal(['Test headline']);
    expect(player.paused).to.equal(true);
    expect(statusText(shadow)).not.to.equal('Playing');
    expect(plays).to.equal(0);
    expect(resolved).to.equal(false);

    fake.start();
    await started;
    await player.updateComplete;
    expect(plays).to.equal(1);
    expect(player.paused).to.equal(false);
    expect(statusText(shadow)).to.equal('Playing');
  });

  it('pauses and resumes the utterance natively, in place, where native pause works', async () => {
    const fake = speech({ mode: 'manual', userAgent: WINDOWS_CHROME_UA });
    const { player, shadow } = await articleWithPlayer();
    await playConfirmed(player, fake);
    const pauseEvent = oneEvent(player, 'pause');

    player.pause();
    await pauseEvent;
    await player.updateComplete;
    expect(fake.count('pause')).to.equal(1);
    expect(fake.paused).to.equal(true);
    expect(player.paused).to.equal(true);
    expect(statusText(shadow)).to.equal('Paused');

    await player.play();
    await player.updateComplete;
    expect(fake.count('resume')).to.equal(1);
    expect(fake.paused).to.equal(false);
    expect(fake.spoken).to.have.length(1); // resumed, not restarted
    expect(statusText(shadow)).to.equal('Playing');

    fake.end();
    await untilSpoken(fake, 2);
    expect(lastSpoken(fake).text).to.equal('First paragraph, with two sentences.');
  });

  it('next and previous cancel the utterance being spoken and speak the new paragraph', async () => {
    const fake = speech({ mode: 'manual' });
    const { player, shadow } = await articleWithPlayer();
    await playConfirmed(player, fake);
    const headline = lastSpoken(fake).utterance;
    const interrupted = new Promise<SpeechSynthesisErrorEvent>((resolve) =>
      headline.addEventListener('error', resolve, { once: true }),
    );

    player.next();
    expect((await interrupted).error).to.equal('interrupted');
    expect(lastSpoken(fake).text).to.equal('First paragraph, with two sentences.');
    expect(fake.current).to.equal(lastSpoken(fake).utterance);
    expect(fake.pending).to.equal(false);
    expect(player.currentParagraph).to.equal(1);

    player.next();
    expect(lastSpoken(fake).text).to.equal('Second paragraph is short.');
    player.previous();
    expect(lastSpoken(fake).text).to.equal('First paragraph, with two sentences.');
    expect(player.currentParagraph).to.equal(1);
    expect(fake.pending).to.equal(false);
    await player.updateComplete;
    // Skipping while reading is not a state change worth announcing.
    expect(statusText(shadow)).to.equal('Playing');
  });

  it('a rate change while reading speaks on from the current word at the new rate, and keeps it', async () => {
    const fake = speech({ mode: 'manual' });
    const { player, shadow } = await articleWithPlayer();
    await playConfirmed(player, fake);
    fake.end();
    await untilSpoken(fake, 2);
    fake.start();
    fake.boundary(6, 9);
    const ratechange = oneEvent(player, 'ratechange');

    player.playbackRate = 1.5;
    await ratechange;
    await untilSpoken(fake, 3);
    expect(lastSpoken(fake)).to.include({ text: 'paragraph, with two sentences.', rate: 1.5 });
    expect(fake.count('cancel'), 'one cancel for the restart').to.equal(1);
    await player.updateComplete;
    expect(statusText(shadow)).to.equal('Speed 1.5×');

    fake.start();
    fake.end();
    await untilSpoken(fake, 4);
    expect(lastSpoken(fake)).to.include({ text: 'Here is the second one.', rate: 1.5 });
  });

  it('ignores end and boundary events of an utterance cancelled by L (next)', async () => {
    const fake = speech({ mode: 'manual' });
    const { player, shadow } = await articleWithPlayer();
    await playConfirmed(player, fake);
    const old = lastSpoken(fake).utterance;
    query(shadow, 'button.primary').focus();

    await sendKeys({ press: 'l' });
    await untilSpoken(fake, 2);
    fake.start();
    await player.updateComplete;
    const captions = query(shadow, '[part="captions"]');
    const before = captions.innerHTML;
    expect(captions.textContent).to.contain('First paragraph, with two sentences.');

    fake.fireOn(old, 'boundary', { charIndex: 5, charLength: 8, name: 'word' });
    fake.fireOn(old, 'end');
    await settle();
    await player.updateComplete;
    expect(fake.spoken).to.have.length(2);
    expect(player.currentParagraph).to.equal(1);
    expect(captions.innerHTML).to.equal(before);
    expect(captions.querySelector('mark')).to.equal(null);
  });

  it('while reading, clicking a paragraph reads from there', async () => {
    const fake = speech({ mode: 'manual' });
    const { root, player } = await articleWithPlayer();
    await playConfirmed(player, fake);
    const third = Array.from(root.querySelectorAll('p')).find((p) => p.textContent === PARAGRAPHS[2]) as HTMLElement;

    third.click();
    expect(lastSpoken(fake).text).to.equal('Third paragraph closes the story.');
    expect(player.currentParagraph).to.equal(3);
    expect(currentElements()).to.deep.equal([third]);
  });

  it('stops speaking when removed from the page', async () => {
    const fake = speech({ mode: 'auto', stepMs: 2 });
    const { player } = await articleWithPlayer();
    await player.play();
    await untilSpoken(fake, 2);

    fixtureCleanup();
    const count = fake.spoken.length;
    await settle(60);
    expect(fake.speaking).to.equal(false);
    expect(fake.spoken).to.have.length(count);
  });
});

describe('<aloud-player> when speech fails', () => {
  const speech = useFakeSpeech();

  it('retries once, then says so in words with a Retry button, fires error and keeps the place', async () => {
    const fake = speech({ mode: 'failing', stepMs: 1 });
    const { root, player, shadow } = await articleWithPlayer();
    player.currentParagraph = 2;
    const errorEvent = oneEvent(player, 'error') as Promise<PlayerErrorEvent>;
    const playing = player.play();

    expect((await errorEvent).detail.message).to.equal(SPEECH_FAILED);
    const failure = await playing.then(
      () => null,
      (error: Error) => error,
    );
    expect(failure?.message).to.equal(SPEECH_FAILED);
    await settle(30);
    expect(spokenTexts(fake)).to.deep.equal(['Second paragraph is short.', 'Second paragraph is short.']);
    await player.updateComplete;
    const alert = query(shadow, '[role="alert"]');
    expect(alert.textContent).to.contain(SPEECH_FAILED);
    expect(player.currentParagraph).to.equal(2);
    expect(query(shadow, 'input[type="range"]').getAttribute('aria-valuetext')).to.equal(
      'Paragraph 3 of 4: Second paragraph is short.',
    );
    expect(await axeViolations(root)).to.deep.equal([]);

    // Once speech works again, Retry reads on from the same place.
    fake.mode = 'auto';
    button(alert, 'Retry').click();
    await waitFor(() => !player.paused, 'reading restarts');
    expect(lastSpoken(fake).text).to.equal('Second paragraph is short.');
    await player.updateComplete;
    expect(alert.textContent?.trim()).to.equal('');
  });

  it('does not keep claiming "Playing" when the engine fails mid-article', async () => {
    const fake = speech({ mode: 'manual' });
    const { player, shadow } = await articleWithPlayer();
    await playConfirmed(player, fake);
    await player.updateComplete;
    expect(statusText(shadow)).to.equal('Playing');

    let pauses = 0;
    player.addEventListener('pause', () => pauses++);

    fake.fail('synthesis-failed');
    await untilSpoken(fake, 2); // the one retry
    expect(lastSpoken(fake).text).to.equal('Test headline');
    fake.fail('synthesis-failed');
    await waitFor(
      () => query(shadow, '[role="alert"]').textContent?.includes(SPEECH_FAILED) ?? false,
      'the error shows',
    );
    expect(player.paused).to.equal(true);
    expect(statusText(shadow)).not.to.equal('Playing');
    expect(pauses, 'a pause event, since paused turned true').to.equal(1);
    expect(button(shadow, 'Play')).to.exist;
  });
});

describe('<aloud-player> public API', () => {
  const speech = useFakeSpeech();

  it('exposes paragraphCount, currentParagraph, paused and playbackRate like a media element', async () => {
    const fake = speech({ mode: 'auto', stepMs: 1 });
    const { player } = await articleWithPlayer();
    expect(player.paragraphCount).to.equal(4);
    expect(player.currentParagraph).to.equal(0);
    expect(player.paused).to.equal(true);
    expect(player.playbackRate).to.equal(1);

    const change = oneEvent(player, 'paragraphchange');
    player.currentParagraph = 2;
    expect((await change).detail).to.deep.equal({ index: 2, text: 'Second paragraph is short.' });
    expect(player.paused).to.equal(true);
    expect(fake.spoken).to.have.length(0);

    let rateChanges = 0;
    player.addEventListener('ratechange', () => rateChanges++);
    player.playbackRate = 1.5;
    player.playbackRate = 1.5;
    expect(rateChanges).to.equal(1);
    expect(player.playbackRate).to.equal(1.5);
    player.playbackRate = 10;
    expect(player.playbackRate).to.equal(3);
    player.playbackRate = 1.5;

    const started = player.play();
    expect(started).to.be.instanceOf(Promise);
    await started;
    expect(player.paused).to.equal(false);
    expect(fake.spoken[0]).to.include({ text: 'Second paragraph is short.', rate: 1.5 });
  });

  it('play() stays pending until start, and pause() before start rejects it', async () => {
    const fake = speech({ mode: 'manual', syncStart: false });
    const { player } = await articleWithPlayer();
    const attempt = player.play().then(
      () => 'resolved',
      () => 'rejected',
    );
    await settle();
    expect(fake.spoken).to.have.length(1);
    player.pause();
    expect(await attempt).to.equal('rejected');
    expect(fake.speaking).to.equal(false);
    expect(player.paused).to.equal(true);
  });
});

describe('<aloud-player> with two articles on one page', () => {
  const speech = useFakeSpeech();

  it('starting the second player pauses the first, keeping its place', async () => {
    const fake = speech({ mode: 'manual' });
    const root = await fixture<HTMLElement>(html`
      <main>
        <article id="one" lang="en">
          <h1>First story</h1>
          <aloud-player for="one"></aloud-player>
          <p>The first story has one paragraph.</p>
        </article>
        <article id="two" lang="en">
          <h1>Second story</h1>
          <aloud-player for="two"></aloud-player>
          <p>The second story has one paragraph.</p>
        </article>
      </main>
    `);
    const [first, second] = Array.from(root.querySelectorAll('aloud-player')) as [AloudPlayer, AloudPlayer];
    await waitFor(() => first.paragraphCount > 0 && second.paragraphCount > 0, 'both players index');
    await playConfirmed(first, fake);
    first.next();
    fake.start();
    const firstUtterance = lastSpoken(fake).utterance;
    const firstPaused = oneEvent(first, 'pause');

    const secondStarted = second.play();
    await firstPaused;
    expect(first.paused).to.equal(true);
    expect(lastSpoken(fake).text).to.equal('Second story');
    fake.start();
    await secondStarted;
    expect(second.paused).to.equal(false);

    // The first player's cancelled utterance finishing late changes nothing.
    fake.fireOn(firstUtterance, 'end');
    await settle();
    expect(first.paused).to.equal(true);
    expect(first.currentParagraph).to.equal(1);
    await first.updateComplete;
    expect(statusText(first.shadowRoot as ShadowRoot)).to.equal('Paused');

    // And the other way round.
    const secondPaused = oneEvent(second, 'pause');
    void first.play().catch(() => undefined);
    await secondPaused;
    expect(lastSpoken(fake).text).to.equal('The first story has one paragraph.');
  });
});

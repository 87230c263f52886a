/**
 * Pause that is true where native pause is not (desktop Linux: both browsers
 * speak through speech-dispatcher), and `cancel()` only when something is
 * speaking: counted per sentence, per skip and per speed change, with real
 * key presses.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { articleWithPlayer, waitFor } from '../helpers/player-fixture.ts';
import { button, lastSpoken, settle, statusText, untilSpoken, useFakeSpeech } from '../helpers/player-kit.ts';

const LINUX_CHROMIUM_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const press = (key: string) => sendKeys({ press: key });

describe('<aloud-player> pause and cancel with engines whose pause does not hold', () => {
  const speech = useFakeSpeech();

  it('K pauses by cancelling, keeps the word, and says "Playing" again only once speech starts', async () => {
    const fake = speech({ mode: 'manual', userAgent: LINUX_CHROMIUM_UA, syncStart: false });
    const { player, shadow } = await articleWithPlayer();
    button(shadow, 'Play').focus();
    await press('k');
    fake.start();
    fake.boundary(5, 8);
    await waitFor(() => statusText(shadow) === 'Playing', 'playing');

    await press('k');
    await player.updateComplete;
    expect(fake.count('pause'), 'speechSynthesis.pause() is not trusted here').to.equal(0);
    expect(fake.speaking, 'silent at once').to.equal(false);
    expect(player.paused).to.equal(true);
    expect(statusText(shadow)).to.equal('Paused');

    await press('k');
    await untilSpoken(fake, 2);
    expect(lastSpoken(fake).text, 'from the word heard last').to.equal('headline');
    await settle();
    expect(statusText(shadow), 'not "Playing" before the engine starts').not.to.equal('Playing');
    fake.start();
    await waitFor(() => statusText(shadow) === 'Playing', 'playing once the engine confirms');
  });

  it('reads sentence after sentence without a single cancel()', async () => {
    const fake = speech({ mode: 'auto', stepMs: 1 });
    const { player } = await articleWithPlayer();
    player.currentParagraph = 2;
    await player.play();
    await waitFor(() => player.store.snapshot.playback.status === 'ended', 'the article ends');
    expect(fake.spoken.map((utterance) => utterance.text)).to.deep.equal([
      'Second paragraph is short.',
      'Third paragraph closes the story.',
    ]);
    expect(fake.count('cancel')).to.equal(0);
  });

  it('one L press cancels once', async () => {
    const fake = speech({ mode: 'manual' });
    const { shadow } = await articleWithPlayer();
    button(shadow, 'Play').focus();
    await press('k');
    fake.start();
    await press('l');
    await untilSpoken(fake, 2);
    await settle();
    expect(fake.count('cancel')).to.equal(1);
  });

  it('one > press cancels once, and four quick ones too', async () => {
    const fake = speech({ mode: 'manual' });
    const { player, shadow } = await articleWithPlayer();
    button(shadow, 'Play').focus();
    await press('k');
    fake.start();
    fake.boundary(5, 8);
    await press('>');
    await untilSpoken(fake, 2);
    expect(fake.count('cancel')).to.equal(1);
    expect(lastSpoken(fake)).to.include({ text: 'headline', rate: 1.25 });

    fake.start();
    for (let index = 0; index < 4; index++) await press('>');
    await untilSpoken(fake, 3);
    await settle(500);
    expect(fake.spoken).to.have.length(3);
    expect(fake.count('cancel')).to.equal(2);
    expect(player.playbackRate).to.equal(2.25);
    expect(lastSpoken(fake).rate).to.equal(2.25);
  });
});

/**
 * <aloud-player>'s settings panel, what it remembers in localStorage (and
 * what it refuses to trust there), and the "Resume from…" offer.
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { articleWithPlayer, waitFor } from '../helpers/player-fixture.ts';
import {
  POSITION_KEY,
  PREFERENCES_KEY,
  button,
  currentElements,
  lastSpoken,
  openSettings,
  playConfirmed,
  query,
  statusText,
  useFakeSpeech,
  speedShown,
} from '../helpers/player-kit.ts';

function checkbox(shadow: ShadowRoot, label: string): HTMLInputElement {
  const found = Array.from(shadow.querySelectorAll('#settings-panel label'))
    .find((candidate) => candidate.textContent?.trim() === label)
    ?.querySelector('input');
  if (!found) throw new Error(`No checkbox labelled "${label}"`);
  return found;
}

describe('<aloud-player> settings', () => {
  const speech = useFakeSpeech();

  it('More discloses Settings, which discloses the panel; each says whether it is expanded', async () => {
    speech({ mode: 'manual' });
    const { player, shadow } = await articleWithPlayer();
    const more = query(shadow, '#more-button');
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    expect(query(shadow, '#more-menu').hidden).to.equal(true);
    more.click();
    await player.updateComplete;
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    expect(query(shadow, `#${more.getAttribute('aria-controls')}`).hidden).to.equal(false);
    expect(shadow.activeElement, 'focus moves to the first item').to.equal(button(shadow, 'Settings'));

    const settings = button(shadow, 'Settings');
    expect(settings.getAttribute('aria-expanded')).to.equal('false');
    expect(shadow.querySelector('#settings-panel')).to.equal(null);
    settings.click();
    await player.updateComplete;
    expect(settings.getAttribute('aria-expanded')).to.equal('true');
    expect(more.getAttribute('aria-expanded'), 'the menu closed once an item was chosen').to.equal('false');
    const panel = query(shadow, `#${settings.getAttribute('aria-controls')}`);
    expect(panel.getAttribute('aria-label')).to.equal('Settings');
    expect(panel.contains(shadow.activeElement), 'focus moved into the panel, not to the page').to.equal(true);
  });

  it('Escape in the panel closes it and returns focus to More', async () => {
    speech({ mode: 'manual' });
    const { player, shadow } = await articleWithPlayer();
    await openSettings(player, shadow);
    checkbox(shadow, 'Highlight the words being read').focus();

    await sendKeys({ press: 'Escape' });
    await player.updateComplete;
    expect(shadow.querySelector('#settings-panel')).to.equal(null);
    expect(button(shadow, 'Settings').getAttribute('aria-expanded')).to.equal('false');
    await waitFor(() => shadow.activeElement === query(shadow, '#more-button'), 'focus is back on More');
  });

  it('turning highlighting off removes the paragraph and word highlight at once, and is remembered', async () => {
    const fake = speech({ mode: 'manual' });
    const { root, player, shadow } = await articleWithPlayer();
    await playConfirmed(player, fake);
    fake.boundary(5, 8);
    expect(currentElements()).to.deep.equal([root.querySelector('h1')]);
    expect(CSS.highlights.has('aloud-word')).to.equal(true);
    await openSettings(player, shadow);

    checkbox(shadow, 'Highlight the words being read').click();
    expect(currentElements()).to.deep.equal([]);
    expect(CSS.highlights.has('aloud-word')).to.equal(false);
    expect(JSON.parse(localStorage.getItem(PREFERENCES_KEY) ?? '{}')).to.include({ highlight: false });
    fake.boundary(0, 4);
    expect(currentElements()).to.deep.equal([]);

    checkbox(shadow, 'Highlight the words being read').click();
    expect(currentElements()).to.deep.equal([root.querySelector('h1')]);
  });

  it('a new player picks up the remembered speed, without announcing it', async () => {
    const fake = speech({ mode: 'manual' });
    const first = await articleWithPlayer();
    first.player.playbackRate = 1.25;
    expect(JSON.parse(localStorage.getItem(PREFERENCES_KEY) ?? '{}')).to.include({ rate: 1.25 });
    fixtureCleanup();

    const { player, shadow } = await articleWithPlayer();
    expect(player.playbackRate).to.equal(1.25);
    await player.updateComplete;
    expect(speedShown(shadow)).to.equal(1.25);
    // Nothing happened yet: the status line has nothing to say.
    expect(statusText(shadow)).to.equal('');
    void player.play().catch(() => undefined);
    expect(lastSpoken(fake)).to.include({ text: 'Test headline', rate: 1.25 });
  });

  for (const stored of ['{"rate":"fast"}', 'not JSON', '[1.5]', '{"rate":null,"highlight":"no","voiceId":42}']) {
    it(`ignores a corrupt stored preference: ${stored}`, async () => {
      const fake = speech({ mode: 'manual' });
      localStorage.setItem(PREFERENCES_KEY, stored);
      const { root, player } = await articleWithPlayer();
      expect(player.playbackRate).to.equal(1);
      await playConfirmed(player, fake);
      expect(lastSpoken(fake).rate).to.equal(1);
      expect(lastSpoken(fake).voice).to.equal(null);
      expect(currentElements(), 'highlighting stays on').to.deep.equal([root.querySelector('h1')]);
      // And the next change writes a valid value back.
      player.playbackRate = 1.5;
      expect(JSON.parse(localStorage.getItem(PREFERENCES_KEY) ?? '{}')).to.include({ rate: 1.5, highlight: true });
    });
  }
});

describe('<aloud-player> resume offer', () => {
  const speech = useFakeSpeech();

  it('offers to resume from a saved paragraph and reads from there', async () => {
    const fake = speech({ mode: 'manual' });
    localStorage.setItem(POSITION_KEY, JSON.stringify({ paragraphIndex: 2, savedAt: Date.now() }));
    const { player, shadow } = await articleWithPlayer();

    button(shadow, 'Resume from paragraph 3').click();
    expect(lastSpoken(fake).text).to.equal('Second paragraph is short.');
    fake.start();
    await waitFor(() => !player.paused, 'playing');
    await player.updateComplete;
    expect(player.currentParagraph).to.equal(2);
    expect(shadow.querySelector('.offer')).to.equal(null);
  });

  it('remembers the place reached, and the next visit offers it', async () => {
    const fake = speech({ mode: 'manual' });
    const first = await articleWithPlayer();
    await playConfirmed(first.player, fake);
    first.player.next();
    first.player.next();
    first.player.pause();
    fixtureCleanup();

    const { shadow } = await articleWithPlayer();
    expect(button(shadow, 'Resume from paragraph 3')).to.exist;
  });

  it('offers nothing for a saved position that does not fit the article', async () => {
    speech({ mode: 'manual' });
    localStorage.setItem(POSITION_KEY, JSON.stringify({ paragraphIndex: 40 }));
    const { shadow } = await articleWithPlayer();
    expect(shadow.querySelector('.offer')).to.equal(null);
  });
});

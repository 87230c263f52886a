/**
 * <aloud-player> driven by real, trusted key presses (sendKeys): the
 * single-key shortcuts, where they must not fire, the shortcuts dialog, the
 * toolbar's roving tab stop and the paragraph slider.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SHORTCUTS } from '../../src/core/keyboard/shortcuts.ts';
import { WINDOWS_CHROME_UA } from '../helpers/fake-speech.ts';
import { articleWithPlayer, waitFor } from '../helpers/player-fixture.ts';
import { SLIDER_SETTLE_MS } from '../../src/elements/aloud-player/parts/progress.ts';
import {
  button,
  currentElements,
  lastSpoken,
  openSettings,
  playConfirmed,
  query,
  settle,
  speedShown,
  spokenTexts,
  statusText,
  untilSpoken,
  useFakeSpeech,
} from '../helpers/player-kit.ts';

const press = (key: string) => sendKeys({ press: key });

/** A control on the host page, outside the player. */
function addToPage<T extends HTMLElement>(root: HTMLElement, element: T): T {
  root.append(element);
  return element;
}

describe('<aloud-player> shortcuts', () => {
  const speech = useFakeSpeech();

  it('K plays, pauses and resumes while focus is in the player', async () => {
    const fake = speech({ mode: 'manual', userAgent: WINDOWS_CHROME_UA });
    const { player, shadow } = await articleWithPlayer();
    button(shadow, 'Play').focus();

    await press('k');
    expect(spokenTexts(fake)).to.deep.equal(['Test headline']);
    fake.start();
    await waitFor(() => !player.paused, 'playing');
    await press('k');
    expect(fake.count('pause')).to.equal(1);
    expect(player.paused).to.equal(true);
    await press('K');
    expect(fake.count('resume')).to.equal(1);
    expect(player.paused).to.equal(false);
    expect(fake.spoken).to.have.length(1);
  });

  it('L and J move to the next and previous paragraph and read it', async () => {
    const fake = speech({ mode: 'manual' });
    const { player, shadow } = await articleWithPlayer();
    button(shadow, 'Play').focus();
    await press('k');
    fake.start();

    await press('l');
    expect(player.currentParagraph).to.equal(1);
    expect(lastSpoken(fake).text).to.equal('First paragraph, with two sentences.');
    await press('l');
    expect(player.currentParagraph).to.equal(2);
    expect(lastSpoken(fake).text).to.equal('Second paragraph is short.');
    await press('j');
    expect(player.currentParagraph).to.equal(1);
    expect(lastSpoken(fake).text).to.equal('First paragraph, with two sentences.');
  });

  it('> and < change the speed, which the next utterance gets', async () => {
    const fake = speech({ mode: 'manual' });
    const { player, shadow } = await articleWithPlayer();
    button(shadow, 'Play').focus();

    await press('>');
    expect(player.playbackRate).to.equal(1.25);
    await press('>');
    await press('<');
    expect(player.playbackRate).to.equal(1.25);
    await player.updateComplete;
    expect(statusText(shadow)).to.equal('Speed 1.25×');
    expect(speedShown(shadow)).to.equal(1.25);

    await press('k');
    expect(lastSpoken(fake)).to.include({ text: 'Test headline', rate: 1.25 });
    fake.start();
    fake.boundary(5, 8);
    await press('>');
    // A Web Speech utterance cannot change speed: it goes on from the word being read.
    await waitFor(() => fake.spoken.length === 2, 'the restart');
    expect(lastSpoken(fake)).to.include({ text: 'headline', rate: 1.5 });
  });

  it('? opens a dialog listing every shortcut; Escape closes it and focus goes back', async () => {
    speech({ mode: 'manual' });
    const { shadow } = await articleWithPlayer();
    const next = button(shadow, 'Next paragraph');
    next.focus();

    await press('?');
    const dialog = query<HTMLDialogElement>(shadow, 'dialog');
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    const keys = Array.from(dialog.querySelectorAll('dt')).map((dt) => dt.textContent?.trim());
    const labels = Array.from(dialog.querySelectorAll('dd')).map((dd) => dd.textContent?.trim());
    expect(keys).to.deep.equal(SHORTCUTS.map((shortcut) => shortcut.display));
    expect(labels).to.deep.equal(SHORTCUTS.map((shortcut) => shortcut.label()));
    // The controls announce the same keys: one control per shortcut, the speed select for both < and >.
    const owner = (action: string) => {
      const key = SHORTCUTS.find((shortcut) => shortcut.action === action)!.display;
      return Array.from(shadow.querySelectorAll('[aria-keyshortcuts]')).filter((element) =>
        element.getAttribute('aria-keyshortcuts')!.split(' ').includes(key),
      );
    };
    expect(owner('toggle')).to.deep.equal([button(shadow, 'Play')]);
    expect(owner('previous')).to.deep.equal([button(shadow, 'Previous paragraph')]);
    expect(owner('next')).to.deep.equal([button(shadow, 'Next paragraph')]);
    expect(owner('slower')).to.deep.equal([query(shadow, 'select[part="speed"]')]);
    expect(owner('faster')).to.deep.equal([query(shadow, 'select[part="speed"]')]);
    expect(owner('help')).to.deep.equal([button(shadow, 'Keyboard shortcuts')]);

    await press('Escape');
    expect(dialog.open).to.equal(false);
    expect(shadow.activeElement).to.equal(next);
  });

  it('with shortcuts="page", keys work with focus anywhere and ? returns focus to the page', async () => {
    const fake = speech({ mode: 'manual' });
    const { root, player, shadow } = await articleWithPlayer({ shortcuts: 'page' });
    const elsewhere = addToPage(root, Object.assign(document.createElement('button'), { textContent: 'Elsewhere' }));
    elsewhere.focus();

    await press('?');
    expect(query<HTMLDialogElement>(shadow, 'dialog').open).to.equal(true);
    await press('Escape');
    expect(document.activeElement).to.equal(elsewhere);

    (document.activeElement as HTMLElement).blur();
    expect(document.activeElement).to.equal(document.body);
    await press('k');
    expect(spokenTexts(fake)).to.deep.equal(['Test headline']);
    fake.start();
    await press('l');
    expect(player.currentParagraph).to.equal(1);
  });

  it('never fires while typing in a text field on the page', async () => {
    const fake = speech({ mode: 'manual' });
    const { root, player, shadow } = await articleWithPlayer({ shortcuts: 'page' });
    const field = addToPage(root, Object.assign(document.createElement('input'), { type: 'text' }));
    field.setAttribute('aria-label', 'Search');
    field.focus();

    await sendKeys({ type: 'kl<>?' });
    expect(field.value).to.equal('kl<>?');
    expect(fake.spoken).to.have.length(0);
    expect(player.currentParagraph).to.equal(0);
    expect(player.playbackRate).to.equal(1);
    expect(query<HTMLDialogElement>(shadow, 'dialog').open).to.equal(false);
  });

  it('never fires with Ctrl held', async () => {
    const fake = speech({ mode: 'manual' });
    const { player, shadow } = await articleWithPlayer();
    button(shadow, 'Play').focus();

    await sendKeys({ down: 'Control' });
    await press('k');
    await press('l');
    await sendKeys({ up: 'Control' });
    await settle();
    expect(fake.spoken).to.have.length(0);
    expect(player.currentParagraph).to.equal(0);
    // Without Ctrl the same key works.
    await press('k');
    expect(fake.spoken).to.have.length(1);
  });

  it('by default, does not fire while focus is outside the player', async () => {
    const fake = speech({ mode: 'manual' });
    const { root, player } = await articleWithPlayer();
    addToPage(root, Object.assign(document.createElement('button'), { textContent: 'Elsewhere' })).focus();

    await press('k');
    await press('l');
    await press('>');
    await settle();
    expect(fake.spoken).to.have.length(0);
    expect(player.currentParagraph).to.equal(0);
    expect(player.playbackRate).to.equal(1);
  });

  it('page-wide shortcuts can be turned off in Settings (WCAG 2.1.4)', async () => {
    const fake = speech({ mode: 'manual' });
    const { player, shadow } = await articleWithPlayer({ shortcuts: 'page' });
    await openSettings(player, shadow);
    const checkbox = Array.from(shadow.querySelectorAll('#settings-panel label'))
      .find((label) => label.textContent?.includes('anywhere on the page'))
      ?.querySelector('input') as HTMLInputElement;
    expect(checkbox.checked).to.equal(true);
    checkbox.click();
    checkbox.blur();

    await press('k');
    await settle();
    expect(fake.spoken).to.have.length(0);
  });
});

describe('<aloud-player> toolbar and slider', () => {
  const speech = useFakeSpeech();

  it('is one tab stop, on Play, and arrow keys, Home and End move along it', async () => {
    speech({ mode: 'manual' });
    const { player, shadow } = await articleWithPlayer();
    const toolbar = query(shadow, '[role="toolbar"]');
    const tabStops = () => Array.from(toolbar.querySelectorAll('button')).filter((b) => b.tabIndex === 0);
    expect(tabStops()).to.deep.equal([button(shadow, 'Play')]);

    button(shadow, 'Play').focus();
    await press('Tab');
    expect(shadow.activeElement).to.equal(query(shadow, 'input[type="range"]'));
    await sendKeys({ down: 'Shift' });
    await press('Tab');
    await sendKeys({ up: 'Shift' });
    expect(shadow.activeElement).to.equal(button(shadow, 'Play'));

    const expectFocusOn = (name: string) => {
      expect(shadow.activeElement).to.equal(button(shadow, name));
      expect(tabStops()).to.deep.equal([button(shadow, name)]);
    };
    await press('ArrowRight');
    expectFocusOn('Previous paragraph');
    await press('ArrowRight');
    expectFocusOn('Next paragraph');
    await press('ArrowLeft');
    expectFocusOn('Previous paragraph');
    await press('End');
    expectFocusOn('Next paragraph');
    await press('ArrowRight');
    expectFocusOn('Play');
    await press('ArrowLeft');
    expectFocusOn('Next paragraph');
    await press('Home');
    expectFocusOn('Play');
    await press('End');

    // The tab stop stays where the listener left it across re-renders.
    player.playbackRate = 1.5;
    await player.updateComplete;
    expect(tabStops()).to.deep.equal([button(shadow, 'Next paragraph')]);
  });

  it('the slider, while paused, moves the place and says where, speaking nothing', async () => {
    const fake = speech({ mode: 'manual' });
    const { root, player, shadow } = await articleWithPlayer();
    const slider = query<HTMLInputElement>(shadow, 'input[type="range"]');
    expect(slider.getAttribute('aria-valuetext')).to.equal('Paragraph 1 of 4: Test headline');
    slider.focus();
    await press('ArrowRight');
    await press('ArrowRight');
    await player.updateComplete;
    await settle(SLIDER_SETTLE_MS + 100);
    expect(fake.spoken, 'nothing is spoken').to.have.length(0);
    expect(player.currentParagraph).to.equal(2);
    expect(slider.getAttribute('aria-valuetext')).to.equal('Paragraph 3 of 4: Second paragraph is short.');
    const second = Array.from(root.querySelectorAll('p')).find((p) => p.textContent === 'Second paragraph is short.');
    expect(currentElements(), 'the paragraph is marked').to.deep.equal([second]);
    expect(statusText(shadow)).to.equal('Paragraph 3 of 4: Second paragraph is short.');
    // Play reads from there.
    await playConfirmed(player, fake);
    expect(lastSpoken(fake).text).to.equal('Second paragraph is short.');
  });

  it('the slider, while reading, jumps and reads on, one utterance for several presses', async () => {
    const fake = speech({ mode: 'manual' });
    const { player, shadow } = await articleWithPlayer();
    await playConfirmed(player, fake);
    const slider = query<HTMLInputElement>(shadow, 'input[type="range"]');
    slider.focus();
    for (let press_ = 0; press_ < 3; press_++) await press('ArrowRight');
    await player.updateComplete;
    expect(slider.value, 'the slider shows where it is going').to.equal('4');
    await untilSpoken(fake, 2);
    await settle(SLIDER_SETTLE_MS + 100);
    expect(spokenTexts(fake)).to.deep.equal(['Test headline', 'Third paragraph closes the story.']);
    expect(player.currentParagraph).to.equal(3);
  });
});

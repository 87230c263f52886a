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
import {
  button,
  lastSpoken,
  query,
  settle,
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
    expect(query(shadow, '#rate').textContent).to.contain('1.25×');

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
    // The buttons announce the same keys: one button per shortcut.
    for (const shortcut of SHORTCUTS) {
      const owners = shadow.querySelectorAll(
        `[role="toolbar"] button[aria-keyshortcuts="${CSS.escape(shortcut.display)}"]`,
      );
      expect(owners.length, `buttons with aria-keyshortcuts=${shortcut.display}`).to.equal(1);
    }
    expect(shadow.querySelectorAll('[aria-keyshortcuts]')).to.have.length(SHORTCUTS.length);

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
    button(shadow, 'Settings').click();
    await player.updateComplete;
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
    expectFocusOn('Next paragraph');
    await press('ArrowRight');
    expectFocusOn('Slower');
    await press('ArrowLeft');
    expectFocusOn('Next paragraph');
    await press('End');
    expectFocusOn('Keyboard shortcuts');
    await press('ArrowRight');
    expectFocusOn('Previous paragraph');
    await press('ArrowLeft');
    expectFocusOn('Keyboard shortcuts');
    await press('Home');
    expectFocusOn('Previous paragraph');

    // The tab stop stays where the listener left it across re-renders.
    player.playbackRate = 1.5;
    await player.updateComplete;
    expect(tabStops()).to.deep.equal([button(shadow, 'Previous paragraph')]);
  });

  it('the slider names the paragraph and reads from the one chosen', async () => {
    const fake = speech({ mode: 'manual' });
    const { player, shadow } = await articleWithPlayer();
    const slider = query<HTMLInputElement>(shadow, 'input[type="range"]');
    expect(slider.getAttribute('aria-valuetext')).to.equal('Paragraph 1 of 4: Test headline');

    slider.value = '3';
    slider.dispatchEvent(new Event('change', { bubbles: true }));
    expect(lastSpoken(fake).text).to.equal('Second paragraph is short.');
    await player.updateComplete;
    expect(slider.getAttribute('aria-valuetext')).to.equal('Paragraph 3 of 4: Second paragraph is short.');

    slider.focus();
    await press('ArrowRight');
    await untilSpoken(fake, 2);
    expect(lastSpoken(fake).text).to.equal('Third paragraph closes the story.');
    expect(player.currentParagraph).to.equal(3);
    await player.updateComplete;
    expect(slider.value).to.equal('4');
    expect(slider.getAttribute('aria-valuetext')).to.equal('Paragraph 4 of 4: Third paragraph closes the story.');
  });
});

/**
 * The voice picker with as many voices as a stock Debian machine lists: the
 * article's language by default, best first; "Show all languages" for the
 * rest; chosen with real keys; no axe violations.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { axeViolations } from '../helpers/axe.ts';
import { articleWithPlayer, waitFor } from '../helpers/player-fixture.ts';
import { button, lastSpoken, playConfirmed, query, useFakeSpeech } from '../helpers/player-kit.ts';

const LANGS = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'ar', 'fa', 'hi', 'ru', 'es-ES', 'pt-BR', 'nl', 'sv'];
/** 823 voices, as the picker met them on stock Debian (eSpeak-NG variants). */
const MANY = Array.from({ length: 823 }, (_, index) => ({
  name: `eSpeak ${String(index).padStart(3, '0')}`,
  lang: LANGS[index % LANGS.length] ?? 'en-US',
  localService: index % 5 !== 0,
  default: index === 13,
}));

describe('<aloud-player> voice picker', () => {
  const speech = useFakeSpeech();

  async function openSettings() {
    const context = await articleWithPlayer();
    await waitFor(() => context.player.store.snapshot.reading.voices.length >= MANY.length, 'the voices are listed');
    query(context.shadow, '#more-button').click();
    await context.player.updateComplete;
    button(context.shadow, 'Settings').click();
    await context.player.updateComplete;
    const select = query<HTMLSelectElement>(context.shadow, '#settings-panel select');
    return { ...context, select };
  }

  it("lists only the article's language, grouped by region, default and local voices first", async () => {
    speech({ mode: 'manual', voices: MANY });
    const { select } = await openSettings();
    const groups = Array.from(select.querySelectorAll('optgroup'), (group) => group.label);
    // No region on the article (lang="en"): the default voice's region comes first.
    expect(groups).to.deep.equal(['British English (en-GB)', 'American English (en-US)']);
    const british = Array.from(select.querySelectorAll('optgroup')[0]?.querySelectorAll('option') ?? []);
    expect(british).to.have.length(69);
    // eSpeak 013 is the default; every fifth voice is online, and those come last.
    expect(british[0]?.textContent).to.equal('eSpeak 013');
    expect(british.at(-1)?.textContent).to.equal('eSpeak 805');
    expect(select.options[0]?.textContent).to.equal('Default voice');
  });

  it('"Show all languages" reveals the others, and a voice is chosen with the keyboard', async () => {
    const fake = speech({ mode: 'manual', voices: MANY });
    const { player, shadow, select } = await openSettings();
    const showAll = Array.from(shadow.querySelectorAll<HTMLLabelElement>('#settings-panel label')).find((label) =>
      label.textContent?.startsWith('Show all languages'),
    );
    expect(showAll?.textContent?.trim()).to.equal('Show all languages (685 more voices)');
    showAll?.querySelector('input')?.focus();
    await sendKeys({ press: 'Space' });
    await player.updateComplete;
    expect(select.querySelectorAll('optgroup')).to.have.length(LANGS.length);
    expect(select.options).to.have.length(MANY.length + 1);

    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => player.store.snapshot.preferences.voiceId !== null, 'the choice is saved');
    expect(player.store.snapshot.preferences.voiceId).to.equal('eSpeak 013');
    await playConfirmed(player, fake);
    expect(lastSpoken(fake).voice?.name).to.equal('eSpeak 013');
    expect(await axeViolations(query(shadow, '#settings-panel'))).to.deep.equal([]);
  });
});

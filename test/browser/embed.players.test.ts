/**
 * Several players on one page, loading the embed twice, and the player under
 * hostile host CSS: the things a publisher's page does that Aloud's own page
 * never does.
 */
import { expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/aloud.ts';
import { AloudPlayer } from '../../src/elements/aloud-player/aloud-player.ts';
import { axeViolations } from '../helpers/axe.ts';
import { waitFor } from '../helpers/player-fixture.ts';
import { playConfirmed, query, settle, spokenTexts, useFakeSpeech } from '../helpers/player-kit.ts';

async function players(markup: string): Promise<AloudPlayer[]> {
  const root = await fixture<HTMLElement>(markup);
  const found = Array.from(root.querySelectorAll<AloudPlayer>('aloud-player'));
  await waitFor(() => found.every((player) => player.paragraphCount > 0), 'every player indexes its article');
  await Promise.all(found.map((player) => player.updateComplete));
  return found;
}

const regionName = (player: AloudPlayer) =>
  query(player.shadowRoot as ShadowRoot, '[part="region"]').getAttribute('aria-label');

const TWO_STORIES = `<div>
  <article id="a"><h2>Story A</h2><aloud-player for="a"></aloud-player><p>Alpha text.</p></article>
  <article id="b"><h2>Story B</h2><aloud-player for="b"></aloud-player><p>Beta text.</p></article>
</div>`;

describe('embedding: several players on one page', () => {
  const speech = useFakeSpeech();

  it('each reads its own article', async () => {
    const fake = speech({ mode: 'auto', stepMs: 1 });
    const [first, second] = (await players(TWO_STORIES)) as [AloudPlayer, AloudPlayer];
    const firstEnded = oneEvent(first, 'ended');
    await first.play();
    await firstEnded;
    const secondEnded = oneEvent(second, 'ended');
    await second.play();
    await secondEnded;
    expect(spokenTexts(fake)).to.deep.equal(['Story A', 'Alpha text.', 'Story B', 'Beta text.']);
  });

  it('starting the second pauses the first, which keeps its place', async () => {
    const fake = speech({ mode: 'manual' });
    const [first, second] = (await players(TWO_STORIES)) as [AloudPlayer, AloudPlayer];
    await playConfirmed(first, fake);
    first.next();
    fake.start();
    await waitFor(() => first.currentParagraph === 1 && !first.paused, 'the first reads paragraph 2');
    const paused = oneEvent(first, 'pause');

    await playConfirmed(second, fake);
    await paused;
    expect(first.paused).to.equal(true);
    expect(first.currentParagraph).to.equal(1);
    expect(second.paused).to.equal(false);
    expect(fake.spoken.at(-1)?.text).to.equal('Story B');
  });

  it('gives each region a unique name, numbering players whose headlines are equal', async () => {
    speech({ mode: 'manual' });
    const found = await players(`<div>
      <article id="x"><h2>Same headline</h2><aloud-player for="x"></aloud-player><p>One.</p></article>
      <article id="y"><h2>Same headline</h2><aloud-player for="y"></aloud-player><p>Two.</p></article>
      <article id="z"><h2>Other headline</h2><aloud-player for="z"></aloud-player><p>Three.</p></article>
    </div>`);
    expect(found.map(regionName)).to.deep.equal([
      'Listen: Same headline',
      'Listen: Same headline (2)',
      'Listen: Other headline',
    ]);
  });
});

describe('embedding: the script loaded twice', () => {
  it('a second copy of the element module neither throws nor replaces the definition', async () => {
    const defined = customElements.get('aloud-player');
    // A different URL is a different module instance: it runs its define() again.
    const copy = new URL('../../src/elements/aloud-player/aloud-player.ts?second-copy', import.meta.url).href;
    const module = (await import(copy)) as { AloudPlayer: typeof AloudPlayer };
    expect(module.AloudPlayer).not.to.equal(AloudPlayer);
    expect(customElements.get('aloud-player')).to.equal(defined);
  });
});

const HOSTILE_CSS = `
  html { font-size: 9px !important; }
  * { box-sizing: content-box !important; }
  button { all: unset !important; }
  body, div { font-size: 30px; line-height: 3; letter-spacing: 0.3em; text-transform: uppercase; white-space: nowrap; }
  :focus { outline: none !important; }
  svg { display: none !important; }
  section, p { padding: 40px !important; background: hotpink !important; }
  [role="toolbar"] { display: none !important; }
`;

describe('embedding: hostile host CSS', () => {
  const speech = useFakeSpeech();

  it('keeps every control at least 24×24 px, focus visible, and axe clean', async () => {
    speech({ mode: 'manual' });
    const [player] = (await players(`<div><style>${HOSTILE_CSS}</style>
      <article id="h"><h2>Hostile page</h2><aloud-player for="h"></aloud-player><p>Text.</p></article></div>`)) as [
      AloudPlayer,
    ];
    const shadow = player.shadowRoot as ShadowRoot;
    // Everything on screen, the More menu's items included (the closed shortcuts dialog is not).
    query(shadow, '#more-button').click();
    await player.updateComplete;
    const controls = Array.from(shadow.querySelectorAll<HTMLElement>('button, input, select')).filter(
      (control) => !control.closest('dialog:not([open]), [hidden]'),
    );
    expect(controls.length).to.be.greaterThan(6);
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      expect(box.width, `${control.outerHTML.slice(0, 60)} width`).to.be.at.least(24);
      expect(box.height, `${control.outerHTML.slice(0, 60)} height`).to.be.at.least(24);
    }
    expect(getComputedStyle(query(shadow, 'button.primary')).textTransform).to.equal('none');

    const play = query<HTMLButtonElement>(shadow, 'button.primary');
    play.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(shadow.activeElement).to.equal(play);
    expect(play.matches(':focus-visible')).to.equal(true);
    const outline = getComputedStyle(play);
    expect(outline.outlineStyle).to.equal('solid');
    expect(parseFloat(outline.outlineWidth)).to.be.at.least(2);

    expect(await axeViolations(player)).to.deep.equal([]);
    await settle();
  });
});

/**
 * The small inputs that failed on real publisher pages, written with invented
 * text, each read the way a person reads the page: line breaks, `<div>`-only
 * text, hidden and control text inside paragraphs, hidden paragraphs,
 * footnote markers, `for` inside a shadow root, the highlight there, a story
 * that arrives late, and a client-side route change.
 */
import { expect, fixture, oneEvent } from '@open-wc/testing';
import '../../src/aloud.ts';
import type { AloudPlayer } from '../../src/elements/aloud-player/aloud-player.ts';
import { axeViolations } from '../helpers/axe.ts';
import { button, playConfirmed, spokenTexts, statusText, useFakeSpeech } from '../helpers/player-kit.ts';
import { waitFor } from '../helpers/wait.ts';

async function indexed(player: AloudPlayer, timeoutMs = 3000): Promise<AloudPlayer> {
  await waitFor(() => player.paragraphCount > 0, 'the player indexes the article', timeoutMs);
  await player.updateComplete;
  return player;
}

async function readAll(player: AloudPlayer): Promise<void> {
  const ended = oneEvent(player, 'ended');
  await player.play();
  await ended;
}

async function page(markup: string): Promise<{ root: HTMLElement; player: AloudPlayer }> {
  const root = await fixture<HTMLElement>(markup);
  const player = root.querySelector<AloudPlayer>('aloud-player');
  if (!player) throw new Error('no player');
  return { root, player };
}

/** Voices, so that the browser's voice reads and the built-in voice never takes over mid-test. */
const VOICES = [{ name: 'Test English', lang: 'en-US', default: true }];

describe('invented inputs: read as a person reads them', () => {
  const speech = useFakeSpeech();

  it('a <br> is a line boundary: a space and a short pause, never "greenthe"', async () => {
    const fake = speech({ mode: 'auto', stepMs: 0, voices: VOICES });
    const { player } = await page(`<article><aloud-player></aloud-player>
      <p>The gate was painted green<br>the path was lined with stones</p></article>`);
    await readAll(await indexed(player));
    // Two utterances: the engine pauses between them, as a reader does at the line end.
    expect(spokenTexts(fake)).to.deep.equal(['The gate was painted green', 'the path was lined with stones']);
  });

  it('a <main> holding text only in <div>s is read, and so are table cells, row by row', async () => {
    const fake = speech({ mode: 'auto', stepMs: 0, voices: VOICES });
    const { player } = await page(`<div><main><aloud-player></aloud-player>
      <div>The council met on a wet Thursday evening.</div>
      <div>Three residents spoke, and the vote was close.</div>
      <table><tr><th>For</th><th>Against</th></tr><tr><td>Five</td><td>Four</td></tr></table></main></div>`);
    await indexed(player);
    expect(button(player.shadowRoot as ShadowRoot, 'Play').disabled, 'Play is enabled').to.equal(false);
    await readAll(player);
    expect(spokenTexts(fake)).to.deep.equal([
      'The council met on a wet Thursday evening.',
      'Three residents spoke, and the vote was close.',
      'For',
      'Against',
      'Five',
      'Four',
    ]);
  });

  it('hidden, aria-hidden and button text inside a paragraph is not read, and words do not glue', async () => {
    const fake = speech({ mode: 'auto', stepMs: 0, voices: VOICES });
    const { player } = await page(`<article><aloud-player></aloud-player>
      <p>Apples were cheap <span hidden>EDITOR NOTE</span>and pears were dear.</p>
      <p>The review gave it four stars <span aria-hidden="true">STARS</span>by the end.</p>
      <p>The market opened early <button type="button">SHARE</button>on Sunday.</p></article>`);
    await readAll(await indexed(player));
    expect(spokenTexts(fake)).to.deep.equal([
      'Apples were cheap and pears were dear.',
      'The review gave it four stars by the end.',
      'The market opened early on Sunday.',
    ]);
  });

  it('a display:none paragraph is not read, and a footnote marker does not merge with the next word', async () => {
    const fake = speech({ mode: 'auto', stepMs: 0, voices: VOICES });
    const { player } = await page(`<article><aloud-player></aloud-player>
      <p style="display: none">This paragraph is hidden by the page's stylesheet.</p>
      <p>Onions were plentiful.<sup><a href="#note-1">1</a></sup> Onions were also cheap.</p></article>`);
    await readAll(await indexed(player));
    expect(spokenTexts(fake)).to.deep.equal(['Onions were plentiful.', 'Onions were also cheap.']);
  });

  it("for= finds the article in the player's own shadow root, and the paragraph highlight shows there", async () => {
    const fake = speech({ mode: 'manual', voices: VOICES });
    // The document has an element with the same id: the player's own root is looked in first.
    const outer = await fixture<HTMLElement>(
      '<div><div id="inner"><p>The document\'s own block.</p></div><div></div></div>',
    );
    const host = outer.lastElementChild as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<aloud-player for="inner"></aloud-player>
      <article id="inner"><p>The lighthouse keeper kept a diary.</p><p>It ran to nine volumes.</p></article>`;
    const player = await indexed(shadow.querySelector('aloud-player') as AloudPlayer);
    expect(player.shadowRoot?.querySelector('[role="alert"] p'), 'no error').to.equal(null);
    await playConfirmed(player, fake);
    expect(fake.spoken[0]?.text).to.equal('The lighthouse keeper kept a diary.');
    const current = shadow.querySelector('[data-aloud-current]') as HTMLElement;
    expect(current.textContent).to.equal('The lighthouse keeper kept a diary.');
    // The default styles, adopted into the shadow root in their layer, mark it visibly.
    expect(getComputedStyle(current).outlineStyle).to.equal('solid');
    expect(getComputedStyle(current).outlineWidth).to.equal('2px');
    expect(await axeViolations(player)).to.deep.equal([]);
  });

  it('a story body that arrives a second after load is waited for, and the story is read, not "Loading…"', async () => {
    const fake = speech({ mode: 'auto', stepMs: 0, voices: VOICES });
    const { root, player } = await page(`<div><h1>Canal boats return to the old wharf</h1><aloud-player></aloud-player>
      <div class="story-body"><p class="loading">Loading…</p></div></div>`);
    await waitFor(
      () => statusText(player.shadowRoot as ShadowRoot) === 'Waiting for the article to load…',
      'it says it waits',
    );
    expect(player.shadowRoot?.querySelector('[role="alert"] p'), 'no error while waiting').to.equal(null);
    setTimeout(() => {
      root.querySelector('.story-body')!.innerHTML =
        '<p>Six narrowboats moored at the wharf on Friday, the first in a decade.</p><p>Their crews were given tea and cake.</p>';
    }, 1000);
    await waitFor(() => player.paragraphCount === 3, 'the late story is indexed', 4000);
    await waitFor(() => statusText(player.shadowRoot as ShadowRoot) === '', 'the waiting message goes');
    await readAll(player);
    expect(spokenTexts(fake)).to.deep.equal([
      'Canal boats return to the old wharf',
      'Six narrowboats moored at the wharf on Friday, the first in a decade.',
      'Their crews were given tea and cake.',
    ]);
  });

  it('a client-side route change while reading stops at once, says so, and Play reads the new story', async () => {
    const fake = speech({ mode: 'manual', voices: VOICES });
    const { root, player } = await page(`<div><aloud-player></aloud-player><div id="view">
      <article><h1>First story</h1><p>The first story has a long opening sentence about the harbour.</p></article></div></div>`);
    await indexed(player);
    await playConfirmed(player, fake);
    const cancelsBefore = fake.calls.filter((call) => call.method === 'cancel').length;
    // The app swaps the view, as a router does: the old story's elements leave the document.
    root.querySelector('#view')!.innerHTML =
      '<article><h1>Second story</h1><p>The second story is about a windmill on the hill.</p></article>';
    await waitFor(
      () => player.paused && fake.calls.filter((call) => call.method === 'cancel').length > cancelsBefore,
      'reading stops',
    );
    await waitFor(
      () =>
        statusText(player.shadowRoot as ShadowRoot) ===
        'The page changed, so reading stopped. Press Play to read the new article.',
      'the status says what happened',
    );
    await waitFor(
      () => player.store.snapshot.reading.article?.paragraphs[0]?.text === 'Second story',
      'the new story is indexed',
    );
    const spokenBefore = fake.spoken.length;
    await playConfirmed(player, fake);
    expect(fake.spoken.slice(spokenBefore).map((utterance) => utterance.text)[0]).to.equal('Second story');
  });

  it('while paused, a changed article is indexed again and the place is kept by its text', async () => {
    const fake = speech({ mode: 'manual', voices: VOICES });
    const { root, player } = await page(`<article><aloud-player></aloud-player><h1>Night market</h1>
      <p>Stalls open at six.</p><p>The soup stall is the busiest.</p><p>Music starts at eight.</p></article>`);
    await indexed(player);
    player.currentParagraph = 2;
    await playConfirmed(player, fake);
    player.pause();
    // The publisher inserts an update at the top of the story.
    root.querySelector('h1')!.insertAdjacentHTML('afterend', '<p>Update: the market now also opens on Mondays.</p>');
    await waitFor(() => player.paragraphCount === 5, 'the change is indexed');
    expect(player.currentParagraph, 'still at "The soup stall is the busiest."').to.equal(3);
    await playConfirmed(player, fake);
    expect(fake.spoken.at(-1)?.text).to.equal('The soup stall is the busiest.');
  });

  it("does not take an earlier story's <h1> as the headline of an article that has its own title", async () => {
    const fake = speech({ mode: 'auto', stepMs: 0, voices: VOICES });
    const { player } = await page(`<div><article><h1>The first story</h1><p>Its text.</p></article>
      <article id="second"><h2>The second story</h2><p>Its own text.</p></article>
      <aloud-player for="second"></aloud-player></div>`);
    await readAll(await indexed(player));
    expect(spokenTexts(fake)).to.deep.equal(['The second story', 'Its own text.']);
  });

  it('player.refresh() re-reads the article an app replaced in place', async () => {
    const fake = speech({ mode: 'auto', stepMs: 0, voices: VOICES });
    const { root, player } = await page(
      `<article><aloud-player></aloud-player><p>Old text about the ferry.</p></article>`,
    );
    await indexed(player);
    root.querySelector('p')!.textContent = 'New text about the bridge.';
    player.refresh();
    await readAll(player);
    expect(spokenTexts(fake)).to.deep.equal(['New text about the bridge.']);
  });

  it('tells the publisher in the console, once, which element it reads', async () => {
    speech({ mode: 'manual', voices: VOICES });
    const logged: string[] = [];
    const info = console.info;
    console.info = (...args: unknown[]) => logged.push(args.join(' '));
    try {
      const { player } = await page(`<div><h1>Allotment prize goes to a giant marrow</h1><aloud-player></aloud-player>
        <div class="story-body"><p>The marrow weighed more than a small dog, its grower said, and took all summer.</p>
        <p>The judges measured it twice, with a tape borrowed from the sewing club, to be sure.</p></div></div>`);
      await indexed(player);
      player.refresh();
      await player.updateComplete;
    } finally {
      console.info = info;
    }
    expect(logged).to.deep.equal([
      '<aloud-player>: reading div.story-body (2 paragraphs, headline from the h1 above it)',
    ]);
  });
});

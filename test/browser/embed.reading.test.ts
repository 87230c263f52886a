/**
 * Embedding: which host element a player reads, which parts of it, in which
 * language, and that highlighting changes nothing of the host but the one
 * documented attribute.
 */
import { expect, fixture, oneEvent } from '@open-wc/testing';
import '../../src/aloud.ts';
import type { AloudPlayer } from '../../src/elements/aloud-player/aloud-player.ts';
import { waitFor } from '../helpers/player-fixture.ts';
import {
  PREFERENCES_KEY,
  currentElements,
  playConfirmed,
  settle,
  spokenTexts,
  useFakeSpeech,
} from '../helpers/player-kit.ts';

/**
 * A browser that speaks has voices: with none, the player moves to its
 * built-in voice once the voice list times out (2 s), and reading the whole
 * article, with its pauses between paragraphs, takes longer than that.
 */
const VOICES = [{ name: 'English', lang: 'en-US', default: true }];

/** Everything a publisher might put in an article that must not be read. */
const HOST_ARTICLE = `
  <div lang="en">
    <article id="story">
      <h2>The headline</h2>
      <aloud-player for="story"></aloud-player>
      <nav><p>Nav text.</p></nav>
      <p>First paragraph.</p>
      <aside><p>Aside text.</p></aside>
      <ul><li>List item one.</li><li>List item two.</li></ul>
      <blockquote>A quoted line.</blockquote>
      <figure><div class="photo"></div><figcaption>A caption.</figcaption></figure>
      <p hidden>Hidden paragraph.</p>
      <p aria-hidden="true">Aria-hidden paragraph.</p>
      <div inert><p>Inert paragraph.</p></div>
      <p data-aloud-skip>Opted-out paragraph.</p>
      <script type="text/plain">Script text.</script>
      <style>.never-read { color: red; }</style>
      <p lang="fr">Bonjour tout le monde.</p>
      <footer><p>Footer text.</p></footer>
    </article>
  </div>`;

async function hostWith(markup: string, selector = 'aloud-player'): Promise<AloudPlayer> {
  const root = await fixture<HTMLElement>(markup);
  const player = root.querySelector<AloudPlayer>(selector) ?? (root.matches(selector) ? (root as AloudPlayer) : null);
  if (!player) throw new Error(`no ${selector} in the fixture`);
  await waitFor(
    () => player.paragraphCount > 0 || player.shadowRoot?.querySelector('[role="alert"] p') !== null,
    'the player indexes',
  );
  await player.updateComplete;
  return player;
}

async function readToEnd(player: AloudPlayer): Promise<void> {
  const ended = oneEvent(player, 'ended');
  await player.play();
  await ended;
}

describe('embedding: what is read', () => {
  const speech = useFakeSpeech();

  it('reads headings, paragraphs, list items and quotes; skips nav, aside, footer, script, style, hidden, aria-hidden, inert and data-aloud-skip', async () => {
    const fake = speech({ mode: 'auto', stepMs: 1, voices: VOICES });
    const player = await hostWith(HOST_ARTICLE);
    await readToEnd(player);
    expect(spokenTexts(fake)).to.deep.equal([
      'The headline',
      'First paragraph.',
      'List item one.',
      'List item two.',
      'A quoted line.',
      'Bonjour tout le monde.',
    ]);
  });

  it('reads figure captions when the captions setting is on', async () => {
    localStorage.setItem(PREFERENCES_KEY, JSON.stringify({ readCaptions: true }));
    const fake = speech({ mode: 'auto', stepMs: 1, voices: VOICES });
    const player = await hostWith(HOST_ARTICLE);
    await readToEnd(player);
    expect(spokenTexts(fake)).to.include('A caption.');
    expect(spokenTexts(fake).indexOf('A caption.')).to.equal(spokenTexts(fake).indexOf('A quoted line.') + 1);
  });

  it('speaks each unit in its own language: the article’s lang, and a part’s own lang', async () => {
    const fake = speech({ mode: 'auto', stepMs: 1, voices: VOICES });
    const player = await hostWith(HOST_ARTICLE);
    await readToEnd(player);
    const langOf = (text: string) => fake.spoken.find((utterance) => utterance.text === text)?.lang;
    expect(langOf('First paragraph.')).to.equal('en');
    expect(langOf('Bonjour tout le monde.')).to.equal('fr');
  });

  it('honours lang on the article itself over the page', async () => {
    const fake = speech({ mode: 'auto', stepMs: 1, voices: VOICES });
    const player =
      await hostWith(`<div lang="en"><article id="de" lang="de"><h2>Überschrift</h2><p>Ein Absatz.</p></article>
      <aloud-player for="de"></aloud-player></div>`);
    await readToEnd(player);
    expect(fake.spoken.map((utterance) => utterance.lang)).to.deep.equal(['de', 'de']);
  });
});

describe('embedding: which element is read', () => {
  const speech = useFakeSpeech();

  it('without for: the enclosing <article>', async () => {
    const fake = speech({ mode: 'auto', stepMs: 1, voices: VOICES });
    const player = await hostWith(`<div><article><p>Other story.</p></article>
      <article><h2>Mine</h2><aloud-player></aloud-player><p>My text.</p></article></div>`);
    await readToEnd(player);
    expect(spokenTexts(fake)).to.deep.equal(['Mine', 'My text.']);
  });

  it('without for: else the nearest preceding <article>', async () => {
    const fake = speech({ mode: 'auto', stepMs: 1, voices: VOICES });
    const player = await hostWith(`<div><article><p>Earlier story.</p></article><article><p>Just before.</p></article>
      <aloud-player></aloud-player><article><p>After the player.</p></article></div>`);
    await readToEnd(player);
    expect(spokenTexts(fake)).to.deep.equal(['Just before.']);
  });

  it('without for and without an article: <main>', async () => {
    const fake = speech({ mode: 'auto', stepMs: 1, voices: VOICES });
    const player = await hostWith(`<div><main><aloud-player></aloud-player><p>Main text.</p></main></div>`);
    await readToEnd(player);
    expect(spokenTexts(fake)).to.deep.equal(['Main text.']);
  });

  it('for wins over the enclosing article, and a new for reads the new element', async () => {
    const fake = speech({ mode: 'auto', stepMs: 1, voices: VOICES });
    const player =
      await hostWith(`<div><section id="one"><p>Section one.</p></section><section id="two"><p>Section two.</p></section>
      <article><aloud-player for="one"></aloud-player><p>Enclosing.</p></article></div>`);
    await readToEnd(player);
    player.setAttribute('for', 'two');
    await waitFor(
      () => player.store.snapshot.reading.article?.paragraphs[0]?.text === 'Section two.',
      'the new element is indexed',
    );
    await readToEnd(player);
    expect(spokenTexts(fake)).to.deep.equal(['Section one.', 'Section two.']);
  });
});

/** Every computed style of every element, keyed by its place in the document. */
function snapshotStyles(root: Element, except: Element | null): Map<string, string> {
  const styles = new Map<string, string>();
  root.querySelectorAll('*').forEach((element, index) => {
    if (element === except || element.localName === 'aloud-player') return;
    const computed = getComputedStyle(element);
    const values = Array.from(computed, (property) => `${property}:${computed.getPropertyValue(property)}`);
    styles.set(`${index}:${element.localName}.${element.className}`, values.join(';'));
  });
  return styles;
}

describe('embedding: highlighting in place', () => {
  const speech = useFakeSpeech();

  it('changes no host structure, class or style except data-aloud-current on the paragraph being read', async () => {
    const fake = speech({ mode: 'manual' });
    const root = await fixture<HTMLElement>(`<div><style>.lead { font-weight: 700 } p { margin: 1em 0 }</style>
      <article id="host" class="story"><h2 class="title">Host headline</h2><aloud-player for="host"></aloud-player>
      <p class="lead">Lead <em>paragraph</em> with words.</p><p>Second one.</p></article></div>`);
    const player = root.querySelector('aloud-player') as AloudPlayer;
    await waitFor(() => player.paragraphCount === 3, 'indexed');
    await player.updateComplete;
    const article = root.querySelector('article') as HTMLElement;
    const lead = root.querySelector('.lead') as HTMLElement;
    const before = snapshotStyles(article, lead);
    const html = article.innerHTML;
    const mutations: string[] = [];
    const observer = new MutationObserver((records) =>
      records.forEach((record) => mutations.push(`${record.type}:${record.attributeName ?? ''}`)),
    );
    observer.observe(article, { subtree: true, childList: true, attributes: true, characterData: true });

    await playConfirmed(player, fake);
    player.next();
    fake.start();
    fake.boundary(5, 9); // "paragraph", inside <em>
    await settle();

    expect(currentElements()).to.deep.equal([lead]);
    expect(CSS.highlights.get('aloud-word')?.size).to.equal(1);
    expect(snapshotStyles(article, lead)).to.deep.equal(before);
    observer.disconnect();
    expect(new Set(mutations)).to.deep.equal(new Set(['attributes:data-aloud-current']));
    lead.removeAttribute('data-aloud-current');
    expect(article.innerHTML.replace(/ data-aloud-current=""/g, '')).to.equal(html);
  });

  it('puts its default highlight styles in a cascade layer, so any host rule wins', async () => {
    const fake = speech({ mode: 'manual' });
    const root =
      await fixture<HTMLElement>(`<div><style>.story [data-aloud-current] { background-color: rgb(1, 2, 3); }</style>
      <article id="layered" class="story"><p>Only paragraph.</p><aloud-player for="layered"></aloud-player></article>
      <article id="plain"><p>Other paragraph.</p></article></div>`);
    const player = root.querySelector('aloud-player') as AloudPlayer;
    await waitFor(() => player.paragraphCount === 1, 'indexed');
    await playConfirmed(player, fake);
    const current = currentElements()[0] as HTMLElement;
    expect(getComputedStyle(current).backgroundColor).to.equal('rgb(1, 2, 3)');
    // Without a host rule, the layered default shows (an outline; never colour alone).
    current.closest('article')?.classList.remove('story');
    expect(getComputedStyle(current).outlineStyle).to.equal('solid');
    current.closest('article')?.classList.add('story');
  });
});

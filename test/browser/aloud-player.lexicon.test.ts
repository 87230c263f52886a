/**
 * The pronunciation lexicon, end to end in the player: the engine hears the
 * alias, the captions show what is written, and the word highlight lands on
 * the written word the engine is saying. Both ways a lexicon arrives: the
 * `pronunciations` attribute (a URL of JSON) and an article.json's own field.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { AloudPlayer } from '../../src/elements/aloud-player/aloud-player.ts';
import { waitFor } from '../helpers/player-fixture.ts';
import { lastSpoken, playConfirmed, settle, useFakeSpeech } from '../helpers/player-kit.ts';

const LEXICON_URL = new URL('/test/fixtures/lexicon/pronunciations.json', location.href).href;
const WRITTEN = 'Muhammad Shbib told RFE/RL on Tuesday.';
const SPOKEN = 'Muhammad shbeeb told R F E R L on Tuesday.';

/** The text under the word highlight, as the listener sees it. */
function highlightedText(): string | null {
  const highlight = CSS.highlights.get('aloud-word');
  if (!highlight) return null;
  const [range] = highlight as unknown as Iterable<AbstractRange>;
  return range instanceof Range ? range.toString() : null;
}

function captions(player: AloudPlayer): { text: string; marked: string | null } {
  const element = player.shadowRoot?.querySelector('.captions');
  const text = (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return { text, marked: element?.querySelector('mark')?.textContent ?? null };
}

async function sayWord(player: AloudPlayer, fake: { boundary(index: number, length: number): void }, spoken: string) {
  fake.boundary(SPOKEN.indexOf(spoken), spoken.length);
  await settle();
  await player.updateComplete;
}

describe('<aloud-player> pronunciation lexicon', () => {
  const speech = useFakeSpeech();

  it('from the pronunciations attribute: says the alias, shows and highlights the written word', async () => {
    const fake = speech({ mode: 'manual' });
    const root = await fixture<HTMLElement>(html`
      <article id="lexicon" lang="en">
        <h1>Calls from Aleppo</h1>
        <aloud-player for="lexicon" engine="web-speech" pronunciations=${LEXICON_URL}></aloud-player>
        <p>${WRITTEN}</p>
      </article>
    `);
    const player = root.querySelector('aloud-player') as AloudPlayer;
    await waitFor(() => player.paragraphCount === 2, 'the player indexes the article');
    // The lexicon's code and data load after the article is indexed.
    await waitFor(() => player.store.snapshot.reading.article?.lexicon.size === 2, 'the lexicon is in');
    player.currentParagraph = 1;
    await playConfirmed(player, fake);

    expect(lastSpoken(fake).text).to.equal(SPOKEN);
    await sayWord(player, fake, 'shbeeb');
    expect(highlightedText()).to.equal('Shbib');
    expect(captions(player)).to.deep.include({ marked: 'Shbib' });
    expect(captions(player).text).to.include(WRITTEN);
    // Each spelt-out letter stands for the whole written abbreviation.
    for (const letter of ['R', 'F', 'E', 'L']) {
      await sayWord(player, fake, letter);
      expect(highlightedText()).to.equal('RFE/RL');
      expect(captions(player).marked).to.equal('RFE/RL');
    }
    await sayWord(player, fake, 'Tuesday');
    expect(highlightedText()).to.equal('Tuesday');
  });

  it('from the article.json form (src): the same, with no attribute', async () => {
    const fake = speech({ mode: 'manual' });
    const root = await fixture<HTMLElement>(html`
      <div><aloud-player engine="web-speech" src="/test/fixtures/lexicon/article.json"></aloud-player></div>
    `);
    const player = root.querySelector('aloud-player') as AloudPlayer;
    await waitFor(() => player.paragraphCount === 2, 'the player loads and indexes the article');
    await waitFor(() => player.store.snapshot.reading.article?.lexicon.size === 2, 'the lexicon is in');
    player.currentParagraph = 1;
    await playConfirmed(player, fake);
    expect(lastSpoken(fake).text).to.equal(SPOKEN);
    await sayWord(player, fake, 'R F E');
    expect(highlightedText()).to.equal('RFE/RL');
    expect(captions(player).text).to.include(WRITTEN);
  });
});

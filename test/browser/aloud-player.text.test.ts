/**
 * Text that tries to be markup, and text that is merely awkward. Markup in
 * the article, headline, captions or a voice name is read and shown as text:
 * never parsed, never run. Right-to-left and mixed-direction text, emoji and
 * text with no sentence punctuation keep their word offsets exact.
 * (`engine="web-speech"`: the fake speechSynthesis speaks, never the built-in voice.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import { wordAt, wordRanges } from '../../src/core/content/segment.ts';
import { estimateSpeechSeconds } from '../../src/core/playback/timing.ts';
import type { ParagraphChangeDetail } from '../../src/elements/aloud-player/events.ts';
import type { AloudPlayer } from '../../src/elements/aloud-player/aloud-player.ts';
import type { InstalledFakeSpeech } from '../helpers/fake-speech.ts';
import { waitFor } from '../helpers/player-fixture.ts';
import {
  PREFERENCES_KEY,
  lastSpoken,
  playConfirmed,
  query,
  settle,
  untilSpoken,
  useFakeSpeech,
} from '../helpers/player-kit.ts';

declare global {
  interface Window {
    __aloudPwned?: number;
  }
}

const IMG = '<img src=x onerror="window.__aloudPwned=1">';
const SCRIPT = '<script>window.__aloudPwned=2</script>';

async function playerFor(
  template: ReturnType<typeof html>,
): Promise<{ root: HTMLElement; player: AloudPlayer; shadow: ShadowRoot }> {
  const root = await fixture<HTMLElement>(template);
  const player = root.querySelector('aloud-player') as AloudPlayer;
  await waitFor(() => player.paragraphCount > 0, 'the player indexes the article');
  await player.updateComplete;
  return { root, player, shadow: player.shadowRoot as ShadowRoot };
}

function images(shadow: ShadowRoot): number {
  return document.querySelectorAll('img').length + shadow.querySelectorAll('img, script').length;
}

/** The text under the word highlight, as the listener sees it. */
function highlightedText(): string | null {
  const highlight = CSS.highlights.get('aloud-word');
  if (!highlight) return null;
  const [range] = highlight as unknown as Iterable<AbstractRange>;
  return range instanceof Range ? range.toString() : null;
}

describe('<aloud-player> with markup in the text', () => {
  const speech = useFakeSpeech();

  it('reads and shows <img onerror> and <script> as text everywhere, and runs none of it', async () => {
    delete window.__aloudPwned;
    const fake = speech({
      mode: 'manual',
      voices: [{ name: `${IMG} voice`, voiceURI: 'hostile', lang: 'en-US', default: true }],
    });
    localStorage.setItem(PREFERENCES_KEY, JSON.stringify({ readCaptions: true }));
    const { player, shadow } = await playerFor(html`
      <article id="hostile" lang="en">
        <h1>${IMG} headline</h1>
        <aloud-player for="hostile" engine="web-speech"></aloud-player>
        <p>Body ${IMG} text ${SCRIPT} here.</p>
        <figure><figcaption>Caption ${IMG} too.</figcaption></figure>
      </article>
    `);
    const details: ParagraphChangeDetail[] = [];
    player.addEventListener('paragraphchange', (event) => details.push(event.detail));

    expect(query(shadow, '[part="region"]').getAttribute('aria-label')).to.equal(`Listen: ${IMG} headline`);
    await playConfirmed(player, fake);
    expect(lastSpoken(fake).text).to.equal(`${IMG} headline`);
    await player.updateComplete;
    expect(query(shadow, '[part="captions"]').textContent).to.contain(`${IMG} headline`);

    fake.end();
    await untilSpoken(fake, 2);
    fake.start();
    fake.boundary(5, 4);
    await player.updateComplete;
    expect(lastSpoken(fake).text).to.equal(`Body ${IMG} text ${SCRIPT} here.`);
    expect(query(shadow, '[part="captions"] mark').textContent).to.equal('<img');
    expect(query(shadow, 'input[type="range"]').getAttribute('aria-valuetext')).to.contain('<img src=x');
    expect(details[0]?.text).to.equal(`Body ${IMG} text ${SCRIPT} here.`);

    fake.end();
    await untilSpoken(fake, 3);
    expect(lastSpoken(fake).text).to.equal(`Caption ${IMG} too.`);

    player.store.dispatch({ type: 'settings', open: true });
    player.store.dispatch({ type: 'shortcuts', open: true });
    await player.updateComplete;
    expect(query(shadow, '#settings-panel select').textContent).to.contain(`${IMG} voice`);
    expect(query<HTMLDialogElement>(shadow, 'dialog').open).to.equal(true);
    await settle(50);
    expect(images(shadow), 'no <img> or <script> element was created').to.equal(0);
    expect(window.__aloudPwned, 'no handler ran').to.equal(undefined);
    player.renderRoot.querySelector('dialog')?.close();
  });
});

describe('<aloud-player> with awkward text', () => {
  const speech = useFakeSpeech();
  const NO_PUNCTUATION = Array.from(
    { length: 70 },
    (_, i) => ['river', 'stone', 'bridge', 'lantern', 'orchard'][i % 5],
  ).join(' ');

  /**
   * Reads the whole article; in every utterance, a boundary at each word
   * (with its length, and with length 0 as older engines send) must mark
   * exactly that word in the article and in the captions.
   */
  async function readWordByWord(player: AloudPlayer, fake: InstalledFakeSpeech, shadow: ShadowRoot): Promise<string[]> {
    const checked: string[] = [];
    await playConfirmed(player, fake);
    for (let utterance = 1; ; utterance++) {
      const { text, lang } = lastSpoken(fake);
      expect(text.length, 'chunks stay speakable').to.be.at.most(200);
      for (const [index, word] of wordRanges(text, lang).entries()) {
        const expected = text.slice(word.start, word.end);
        fake.boundary(word.start, index % 2 === 0 ? word.end - word.start : 0);
        expect(highlightedText(), `highlight of "${expected}" in "${text}"`).to.equal(expected);
        await player.updateComplete;
        expect(query(shadow, '[part="captions"] mark').textContent).to.equal(expected);
        checked.push(expected);
      }
      // An engine pointing at the space before a word means that word.
      const gap = text.indexOf(' ');
      if (gap > 0) {
        fake.boundary(gap, 0);
        const next = wordAt(text, gap, lang);
        expect(highlightedText()).to.equal(next ? text.slice(next.start, next.end) : null);
      }
      fake.end();
      await settle(5);
      if (player.store.snapshot.playback.status === 'ended') return checked;
      await untilSpoken(fake, utterance + 1);
      fake.start();
    }
  }

  it('keeps word offsets exact in RTL, mixed-direction, emoji, inline-markup and unpunctuated text', async () => {
    const fake = speech({ mode: 'manual' });
    const { player, shadow } = await playerFor(html`
      <article id="awkward" lang="en">
        <h1>Awkward 👩‍👩‍👧 text</h1>
        <aloud-player for="awkward" engine="web-speech"></aloud-player>
        <p lang="ar" dir="rtl">قال محمد إن الوضع في حلب صعب جدا. هل ننتظر؟</p>
        <p>The word <span dir="rtl" lang="he">שלום</span> and سلام both mean peace in 2016.</p>
        <p>We 👩‍👩‍👧 stayed 🏳️‍🌈 together 😀 until dawn.</p>
        <p>Some <em>emphasised</em> and <a href="#x">linked</a> words.</p>
        <p>${NO_PUNCTUATION}</p>
      </article>
    `);
    const words = await readWordByWord(player, fake, shadow);
    expect(words).to.include.members([
      'محمد',
      'ننتظر',
      'שלום',
      'سلام',
      '2016',
      'stayed',
      'together',
      'emphasised',
      'linked',
      'lantern',
    ]);
    // The unpunctuated paragraph was chunked by length, every word of it marked once.
    expect(words.filter((word) => word === 'orchard')).to.have.length(14);
  });

  it('cuts a 1 MB paragraph only when it is read, and speaks it in utterances under 10 s', async () => {
    const fake = speech({ mode: 'manual' });
    const huge = `${'Long words without a stop '.repeat(40_000)}end`;
    const { player } = await playerFor(html`
      <article id="huge" lang="en">
        <h1>Huge</h1>
        <aloud-player for="huge" engine="web-speech"></aloud-player>
        <p>${huge}</p>
      </article>
    `);
    expect(huge.length).to.be.greaterThan(1_000_000);
    // Not cut yet: loading the article does not segment it.
    expect(player.store.snapshot.playback.utteranceCounts).to.deep.equal([1, 1]);
    player.currentParagraph = 1;
    await playConfirmed(player, fake);
    const spoken = lastSpoken(fake).text;
    expect(huge.startsWith(spoken)).to.equal(true);
    expect(huge[spoken.length]).to.equal(' ');
    expect(estimateSpeechSeconds(spoken, 1)).to.be.within(8, 10);
    expect(player.store.snapshot.playback.utteranceCounts[1]).to.be.greaterThan(5000);
  });
});

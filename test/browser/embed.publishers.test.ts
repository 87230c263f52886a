/**
 * The player on invented publisher pages (test/fixtures/publishers/): div
 * soup, headlines outside the story, furniture inside it, comments below,
 * `<br>` paragraphs, tables, hidden text, late and client-rendered content,
 * shadow DOM, right-to-left text. On every page, with no `for` unless the
 * page is about `for`, the player must find the story by itself, read the
 * headline once, and read what a careful reader reads: word recall and
 * precision at least 0.9 on each page and 0.97 at the median. axe checks the
 * player on each page.
 */
import { expect, oneEvent } from '@open-wc/testing';
import '../../src/aloud.ts';
import { axeViolations } from '../helpers/axe.ts';
import { mountPublisherPage, type PublisherPage } from '../helpers/publisher-page.ts';
import { spokenTexts, useFakeSpeech } from '../helpers/player-kit.ts';
import { waitFor } from '../helpers/wait.ts';
import { median, scoreWords, squash, type WordScores } from '../helpers/word-scores.ts';

/** One voice per language the pages use, so the browser's voices (the fake) are chosen. */
const VOICES = [
  { name: 'Test English', lang: 'en-US', default: true },
  { name: 'Test Arabic', lang: 'ar-SA' },
  { name: 'Test Persian', lang: 'fa-IR' },
];

const names = (await (await fetch('/test/fixtures/publishers/index.json')).json()) as string[];
const results = new Map<string, WordScores>();

describe('publisher pages: the player finds and reads the story by itself', function () {
  this.timeout(20_000);
  const speech = useFakeSpeech();
  let page: PublisherPage | undefined;
  afterEach(() => {
    page?.remove();
    page = undefined;
  });

  for (const name of names) {
    it(name, async () => {
      const fake = speech({ mode: 'auto', stepMs: 0, voices: VOICES });
      page = await mountPublisherPage(name);
      const player = page.player();
      // Late pages render their story up to a second after load: the player waits for it.
      await waitFor(
        () =>
          player.paragraphCount > 0 && player.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim() === '',
        'the story is indexed',
        5000,
      );
      await player.updateComplete;
      expect(await axeViolations(player), 'axe on the player').to.deep.equal([]);

      const ended = oneEvent(player, 'ended');
      await player.play();
      await ended;
      const spoken = spokenTexts(fake);
      const headline = squash(page.headline);
      expect(squash(spoken[0] ?? ''), 'the headline comes first').to.equal(headline);
      expect(
        spoken.filter((text) => squash(text) === headline),
        'the headline is read once',
      ).to.have.length(1);

      const scores = scoreWords(page.expected, spoken);
      results.set(name, scores);
      const detail = `recall ${scores.recall.toFixed(3)}, precision ${scores.precision.toFixed(3)}\nspoken:\n${spoken.join('\n')}`;
      expect(scores.recall, detail).to.be.at.least(0.9);
      expect(scores.precision, detail).to.be.at.least(0.9);
    });
  }

  it('has at least 30 pages, and median word recall and precision of at least 0.97', () => {
    expect(names.length).to.be.at.least(30);
    expect(results.size, 'every page was scored').to.equal(names.length);
    const recall = median(Array.from(results.values(), (scores) => scores.recall));
    const precision = median(Array.from(results.values(), (scores) => scores.precision));
    expect(recall, 'median recall').to.be.at.least(0.97);
    expect(precision, 'median precision').to.be.at.least(0.97);
  });
});

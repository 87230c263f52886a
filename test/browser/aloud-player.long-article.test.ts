/**
 * A long article (more paragraphs than the player finishes at once; see
 * settle-index.ts): the player is ready at once from a walk of tags and
 * attributes, and each paragraph's text, whether CSS hides it and whether it
 * is only a link line are found out later. What has nothing to read must
 * never be spoken, and the time left must end up counted from every word.
 */
import { expect, fixture } from '@open-wc/testing';
import '../../src/aloud.ts';
import type { AloudPlayer } from '../../src/elements/aloud-player/aloud-player.ts';
import { FINISHED_AT_ONCE } from '../../src/core/content/paragraphs.ts';
import { axeViolations } from '../helpers/axe.ts';
import { spokenTexts, useFakeSpeech } from '../helpers/player-kit.ts';
import { waitFor } from '../helpers/wait.ts';

const VOICES = [{ name: 'Test English', lang: 'en-US', default: true }];
const PARAGRAPHS = FINISHED_AT_ONCE + 40;

/** Words of each paragraph after the first hundred: far more than the first ones have. */
const LATER = 'The council heard from residents who had waited through the winter for repairs. '.repeat(4);

/**
 * An article of `PARAGRAPHS` story paragraphs with, among the first ones, a
 * paragraph a stylesheet hides, an empty spacer, one whose only words are
 * hidden, and a "Read more" link line: four paragraphs with nothing to read.
 * The first hundred paragraphs are short, the rest long.
 */
function longArticle(): string {
  const story: string[] = [];
  for (let index = 1; index <= PARAGRAPHS; index++) {
    story.push(`<p class="story-text">Story paragraph ${index} tells its part.${index > 100 ? ` ${LATER}` : ''}</p>`);
    if (index === 1) story.push('<p class="story-text edition-note">Printed edition only.</p>');
    if (index === 2) story.push('<p class="story-text">&nbsp;</p>');
    if (index === 3) story.push('<p class="story-text"><span class="gone">Hidden words.</span></p>');
    if (index === 4)
      story.push(
        '<p class="story-text">Read more: <a href="#elsewhere">Church bells ring again after a winter of silence</a></p>',
      );
  }
  return `<div><style>.edition-note, .gone { display: none; }</style>
    <article id="long"><h1>A long story</h1><aloud-player for="long"></aloud-player>${story.join('')}</article></div>`;
}

const NOTHING_TO_READ = ['Printed edition only.', 'Hidden words.', 'Read more:'];

async function indexed(player: AloudPlayer): Promise<void> {
  await waitFor(() => player.paragraphCount > 0, 'the player indexes the article');
  await player.updateComplete;
}

describe('a long article: ready at once, finished in idle time', function () {
  this.timeout(30_000);
  const speech = useFakeSpeech();
  let held: IdleRequestCallback[] = [];
  const idle = window.requestIdleCallback;
  /** Keeps idle callbacks from running, so the test decides when the browser is idle. */
  const holdIdle = () => {
    held = [];
    window.requestIdleCallback = (callback) => held.push(callback);
  };
  const releaseIdle = () => {
    window.requestIdleCallback = idle;
    for (const callback of held.splice(0)) callback({ didTimeout: false, timeRemaining: () => 50 });
  };
  afterEach(() => {
    window.requestIdleCallback = idle;
  });

  it('skips what has nothing to read while the index is not finished', async () => {
    holdIdle();
    const fake = speech({ mode: 'auto', stepMs: 0, voices: VOICES });
    const root = await fixture<HTMLElement>(longArticle());
    const player = root.querySelector('aloud-player') as AloudPlayer;
    await indexed(player);
    // Not finished yet: the four are still counted (headline + story + four).
    expect(player.paragraphCount).to.equal(1 + PARAGRAPHS + 4);
    await waitFor(() => held.length > 0, 'the rest of the index waits for idle time');

    await player.play();
    // The pauses between paragraphs are real time: about a second each.
    await waitFor(
      () => spokenTexts(fake).includes('Story paragraph 6 tells its part.'),
      'reading gets past them',
      15_000,
    );
    player.pause();
    const spoken = spokenTexts(fake);
    expect(spoken.slice(0, 7)).to.deep.equal([
      'A long story',
      'Story paragraph 1 tells its part.',
      'Story paragraph 2 tells its part.',
      'Story paragraph 3 tells its part.',
      'Story paragraph 4 tells its part.',
      'Story paragraph 5 tells its part.',
      'Story paragraph 6 tells its part.',
    ]);
    for (const text of NOTHING_TO_READ) expect(spoken.join(' ')).not.to.include(text.slice(0, 12));
  });

  it('counts every word once idle, for the time left, keeping every paragraph and the place', async () => {
    holdIdle();
    speech({ mode: 'auto', stepMs: 0, voices: VOICES });
    const root = await fixture<HTMLElement>(longArticle());
    const player = root.querySelector('aloud-player') as AloudPlayer;
    await indexed(player);
    player.next();
    player.next();
    player.next();
    await player.updateComplete;
    // Headline, story 1, the hidden one, story 2: the place is "Story paragraph 2".
    expect(player.currentParagraph).to.equal(3);
    const shadow = player.shadowRoot as ShadowRoot;
    const slider = shadow.querySelector('input[type="range"]') as HTMLInputElement;
    expect(slider.getAttribute('aria-valuetext')).to.include('Story paragraph 2');
    const timeLeft = () => shadow.querySelector('.time-left .visually-hidden')?.textContent ?? '';
    /** "Remaining 12:34" as seconds. */
    const seconds = (text: string) =>
      (text.match(/\d+/g) ?? []).map(Number).reduce((total, part) => total * 60 + part, 0);
    // Estimated from the first (short) paragraphs: far too little.
    const estimated = seconds(timeLeft());

    await waitFor(() => held.length > 0, 'the rest of the index waits for idle time');
    releaseIdle();
    await waitFor(() => seconds(timeLeft()) !== estimated, 'the time left is counted again');
    expect(seconds(timeLeft()), 'the long paragraphs count in full').to.be.greaterThan(estimated * 2);
    // Nothing is renumbered: a saved place, `currentParagraph` and past events stay true.
    expect(player.paragraphCount).to.equal(1 + PARAGRAPHS + 4);
    expect(player.currentParagraph).to.equal(3);
    expect(slider.getAttribute('aria-valuetext')).to.include('Story paragraph 2');
    expect(await axeViolations(player), 'axe on the finished player').to.deep.equal([]);
  });
});

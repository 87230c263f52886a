/**
 * The listening experience: a compact player at rest, nothing on the page
 * moves when Play is pressed, a mini player that keeps Pause in reach while
 * the page scrolls, focus that is never hidden, tooltips, and announcements
 * made once each.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../src/aloud.ts';
import type { AloudPlayer } from '../../src/elements/aloud-player/aloud-player.ts';
import { axeViolations } from '../helpers/axe.ts';
import { waitFor } from '../helpers/player-fixture.ts';
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

const SENTENCE = 'The river rose through the night and the bridge held, as the engineers had said it would. ';

/** A long story (well over a screen) with a link in every paragraph, like a real article. */
async function longArticle() {
  const root = await fixture<HTMLElement>(html`
    <main>
      <article id="story" lang="en">
        <h1>The bridge that held</h1>
        <aloud-player for="story" engine="web-speech"></aloud-player>
        ${Array.from(
          { length: 24 },
          (_, index) => html`<p>Paragraph ${index + 1}. ${SENTENCE.repeat(3)}<a href="#p${index}">More</a></p>`,
        )}
      </article>
    </main>
  `);
  const player = root.querySelector('aloud-player') as AloudPlayer;
  await waitFor(() => player.paragraphCount > 0, 'the player indexes the article');
  await player.updateComplete;
  return { root, player, shadow: player.shadowRoot as ShadowRoot };
}

function regionHeight(shadow: ShadowRoot): number {
  return query(shadow, 'section').getBoundingClientRect().height;
}

/** True when `element` is inside the viewport and is what the user sees at its centre. */
function visibleAndUncovered(element: Element): boolean {
  const box = element.getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight || box.width === 0) return false;
  let hit: Element | null = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit !== null && (hit === element || element.contains(hit));
}

describe('<aloud-player> listening experience', () => {
  const speech = useFakeSpeech();
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    window.scrollTo(0, 0);
  });

  for (const width of [320, 390, 1280]) {
    it(`is one compact row at rest at ${width} px: at most 80 px tall, every control on one line`, async () => {
      await setViewport({ width, height: 800 });
      speech({ mode: 'manual' });
      const { shadow } = await longArticle();
      expect(regionHeight(shadow)).to.be.at.most(80);
      const row = query(shadow, '.row').getBoundingClientRect();
      const region = query(shadow, 'section').getBoundingClientRect();
      for (const control of shadow.querySelectorAll<HTMLElement>('.row button, .row select, .row input')) {
        const box = control.getBoundingClientRect();
        if (box.width === 0 || control.closest('[hidden]')) continue; // Previous/Next where there is no room
        expect(box.top, `${control.outerHTML.slice(0, 50)} on the row`).to.be.at.least(row.top - 1);
        expect(box.bottom).to.be.at.most(row.bottom + 1);
        expect(box.right, `${control.outerHTML.slice(0, 50)} inside the player`).to.be.at.most(region.right);
        expect(box.width).to.be.at.least(24);
      }
      expect(button(shadow, 'Play').textContent).to.contain('Play');
    });
  }

  it('keeps the spoken word in view in a caption wider than the player, at 320 px', async () => {
    await setViewport({ width: 320, height: 800 });
    const fake = speech({ mode: 'manual' });
    const { player, shadow } = await longArticle();
    button(shadow, 'Play').click();
    fake.start();
    player.next();
    await untilSpoken(fake, 2);
    // "Paragraph 1." is a sentence of its own; the next one is long.
    fake.start();
    fake.end();
    await untilSpoken(fake, 3);
    fake.start();
    const { text } = lastSpoken(fake);
    const last = text.lastIndexOf('would');
    expect(last, `a long sentence is spoken: ${text}`).to.be.greaterThan(60);
    fake.boundary(last, 5);
    await player.updateComplete;
    // Brought into view at the next frame.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const line = query(shadow, 'p.captions').getBoundingClientRect();
    const word = query(shadow, 'p.captions mark').getBoundingClientRect();
    expect(query(shadow, 'p.captions mark').textContent).to.equal('would');
    expect(word.left, 'the word starts inside the line').to.be.at.least(line.left - 1);
    expect(word.right, 'and ends inside it').to.be.at.most(line.right + 1);
    expect(window.scrollX, 'the page did not scroll sideways').to.equal(0);
  });

  it('moves nothing on the page when Play is pressed (layout shift at most 0.01)', async () => {
    const fake = speech({ mode: 'manual' });
    const { player, shadow } = await longArticle();
    let shift = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shift += (entry as unknown as { value: number }).value;
    });
    observer.observe({ type: 'layout-shift', buffered: false });
    const before = regionHeight(shadow);
    button(shadow, 'Play').click();
    fake.start();
    fake.boundary(0, 3);
    await player.updateComplete;
    await settle(100);
    observer.disconnect();
    expect(regionHeight(shadow)).to.equal(before);
    expect(shift).to.be.at.most(0.01);
  });

  it('keeps Pause in reach once follow-along has moved the page, and hides the mini player when back', async () => {
    const fake = speech({ mode: 'manual' });
    const { player, shadow } = await longArticle();
    button(shadow, 'Play').click();
    fake.start();
    // Jump far down: follow-along scrolls there and the inline player leaves the viewport.
    player.currentParagraph = 20;
    await untilSpoken(fake, 2);
    fake.start();
    await waitFor(() => shadow.querySelector('.mini') !== null, 'the mini player appears', 4000);
    await player.updateComplete;
    const mini = query(shadow, '.mini');
    const pause = Array.from(mini.querySelectorAll('button')).find((candidate) =>
      candidate.textContent?.includes('Pause'),
    )!;
    expect(visibleAndUncovered(pause), 'Pause is on screen and uncovered').to.equal(true);
    expect(mini.getAttribute('aria-label')).to.equal('Now playing');
    expect(mini.closest('section'), 'inside the same region').to.equal(query(shadow, 'section'));
    expect(document.activeElement, 'it took no focus').to.not.equal(player);
    expect(await axeViolations(player), 'mini player').to.deep.equal([]);

    pause.click();
    await waitFor(() => player.paused, 'the mini player pauses');
    expect(spokenTexts(fake).length).to.equal(2);

    window.scrollTo(0, 0);
    await waitFor(() => shadow.querySelector('.mini') === null, 'back in view: the mini player goes');
  });

  it('shows the mini player when the reader scrolls away, and Close hides it for this article', async () => {
    const fake = speech({ mode: 'manual' });
    const { player, shadow } = await longArticle();
    button(shadow, 'Play').click();
    fake.start();
    window.scrollTo(0, document.body.scrollHeight);
    await waitFor(() => shadow.querySelector('.mini') !== null, 'the mini player appears');
    await player.updateComplete;
    const back = button(query(shadow, '.mini'), 'Back to current paragraph');
    expect(visibleAndUncovered(back)).to.equal(true);
    button(query(shadow, '.mini'), 'Close the mini player').click();
    await player.updateComplete;
    expect(shadow.querySelector('.mini')).to.equal(null);
    window.scrollTo(0, 10);
    window.scrollTo(0, document.body.scrollHeight);
    await settle(200);
    expect(shadow.querySelector('.mini'), 'stays closed').to.equal(null);
  });

  it('never hides keyboard focus while reading: each Tab stop is on screen and not under the mini player', async () => {
    await setViewport({ width: 800, height: 600 });
    const fake = speech({ mode: 'manual' });
    const { root, player, shadow } = await longArticle();
    button(shadow, 'Play').click();
    fake.start();
    window.scrollTo(0, document.body.scrollHeight / 2);
    await waitFor(() => shadow.querySelector('.mini') !== null, 'the mini player appears');
    // Start from a link in the middle of the page and Tab through the links below it.
    const links = Array.from(root.querySelectorAll('a'));
    const start = links.findIndex((link) => link.getBoundingClientRect().top > 0);
    links[start]!.focus();
    for (let step = 0; step < 8; step++) {
      await sendKeys({ press: 'Tab' });
      await settle(50);
      const focused = document.activeElement;
      if (focused === player || !focused) break; // reached the player after the last link
      expect(visibleAndUncovered(focused), `${focused.textContent} is visible and uncovered`).to.equal(true);
    }
  });

  it('shows a tooltip with the name and key on keyboard focus, and Escape hides it', async () => {
    await setViewport({ width: 1280, height: 800 });
    speech({ mode: 'manual' });
    const { shadow } = await longArticle();
    const play = button(shadow, 'Play');
    play.focus();
    await sendKeys({ press: 'ArrowRight' });
    const previous = button(shadow, 'Previous paragraph');
    expect(shadow.activeElement).to.equal(previous);
    const tip = query(previous, '.tip');
    expect(getComputedStyle(tip).visibility).to.equal('visible');
    expect(tip.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Previous paragraph J');
    expect(tip.getAttribute('aria-hidden'), 'the name is not said twice').to.equal('true');
    await sendKeys({ press: 'Escape' });
    expect(getComputedStyle(tip).visibility).to.equal('hidden');
    await sendKeys({ press: 'ArrowRight' });
    expect(getComputedStyle(query(button(shadow, 'Next paragraph'), '.tip')).visibility).to.equal('visible');

    // And on hover.
    const more = query(shadow, '#more-button');
    const box = more.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + box.width / 2), Math.round(box.top + 5)] });
    expect(getComputedStyle(query(more, '.tip')).visibility).to.equal('visible');
    await resetMouse();
  });

  it('announces each change once: Next while paused names the paragraph, the speed limit is said', async () => {
    speech({ mode: 'manual' });
    const { player, shadow } = await longArticle();
    const said: string[] = [];
    const status = query(shadow, '[role="status"]');
    new MutationObserver(() => said.push(status.textContent?.trim() ?? '')).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    });
    button(shadow, 'Next paragraph').click();
    await player.updateComplete;
    expect(statusText(shadow)).to.match(/^Paragraph 2 of 25: Paragraph 1\. The river rose/);
    player.playbackRate = 3;
    await player.updateComplete;
    button(shadow, 'Play').focus();
    await sendKeys({ press: '>' });
    await player.updateComplete;
    expect(statusText(shadow)).to.equal('Fastest speed, 3×');
    await settle(50);
    const changes = said.filter((text, index) => text !== '' && text !== said[index - 1]);
    expect(new Set(changes).size, `no phrase twice in a row: ${changes.join(' | ')}`).to.equal(changes.length);
  });
});

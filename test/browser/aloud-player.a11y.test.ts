/**
 * What a listener perceives of <aloud-player> besides the speech: the
 * labelled region, the captions line and in-page highlighting, the status
 * line, and an axe audit (WCAG 2.2 AA, best practices, target-size) in each
 * state the player can be in. The error state is audited in the main suite.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { axeViolations } from '../helpers/axe.ts';
import { PARAGRAPHS, articleWithPlayer } from '../helpers/player-fixture.ts';
import {
  button,
  currentElements,
  openSettings,
  playConfirmed,
  query,
  statusText,
  untilSpoken,
  useFakeSpeech,
} from '../helpers/player-kit.ts';

const LIVE_ROLES = ['status', 'alert', 'log', 'marquee', 'timer'];

function highlightedWords(): string[] {
  const highlight = CSS.highlights.get('aloud-word');
  return highlight ? Array.from(highlight as unknown as Iterable<Range>, (range) => range.toString()) : [];
}

describe('<aloud-player> accessibility', () => {
  const speech = useFakeSpeech();

  it('is a region named after the headline, with a labelled toolbar', async () => {
    speech({ mode: 'manual' });
    const { shadow } = await articleWithPlayer();
    const region = query(shadow, 'section');
    expect(region.getAttribute('aria-label')).to.equal('Listen: Test headline');
    expect(query(shadow, '[role="toolbar"]').getAttribute('aria-label')).to.equal('Player controls');
    // The play button swaps its label, so it must not also be a pressed toggle.
    expect(button(shadow, 'Play').hasAttribute('aria-pressed')).to.equal(false);
  });

  it('captions show the sentence with the spoken word marked, and the article highlights it in place', async () => {
    const fake = speech({ mode: 'manual' });
    const { root, player, shadow } = await articleWithPlayer();
    await playConfirmed(player, fake);
    expect(currentElements()).to.deep.equal([root.querySelector('h1')]);
    fake.end();
    await untilSpoken(fake, 2);
    fake.start();
    fake.end();
    await untilSpoken(fake, 3);
    fake.start();
    fake.boundary(12, 6);
    await player.updateComplete;

    const captions = query(shadow, '[part="captions"]');
    expect(captions.textContent).to.contain('Here is the second one.');
    expect(captions.querySelector('mark')?.textContent).to.equal('second');
    const paragraph = Array.from(root.querySelectorAll('p')).find((p) => p.textContent === PARAGRAPHS[0]);
    expect(currentElements()).to.deep.equal([paragraph]);
    expect(highlightedWords()).to.deep.equal(['second']);

    // Engines that send only charIndex still get the right word.
    fake.boundary(8);
    await player.updateComplete;
    expect(captions.querySelector('mark')?.textContent).to.equal('the');
    expect(highlightedWords()).to.deep.equal(['the']);

    // The captions line must not talk over the speech.
    for (let node: Element | null = captions; node; node = node.parentElement) {
      expect(node.hasAttribute('aria-live'), `aria-live on ${node.localName}`).to.equal(false);
      expect(LIVE_ROLES, `role of ${node.localName}`).not.to.include(node.getAttribute('role'));
    }
  });

  it('the status line announces Playing, Paused and the speed, and stays put word by word', async () => {
    const fake = speech({ mode: 'manual' });
    const { player, shadow } = await articleWithPlayer();
    const status = query(shadow, '[role="status"]');
    await playConfirmed(player, fake);
    await player.updateComplete;
    expect(statusText(shadow)).to.equal('Playing');
    expect(button(shadow, 'Pause')).to.exist;

    const changes = new MutationObserver(() => undefined);
    changes.observe(status, { childList: true, characterData: true, subtree: true });
    fake.boundary(0, 4);
    fake.boundary(5, 8);
    fake.end();
    await untilSpoken(fake, 2);
    fake.start();
    for (const [index, length] of [
      [0, 5],
      [6, 9],
      [17, 4],
    ] as const) {
      fake.boundary(index, length);
      await player.updateComplete;
    }
    expect(query(shadow, '[part="captions"] mark').textContent).to.equal('with');
    expect(changes.takeRecords(), 'status mutations while words were spoken').to.have.length(0);
    changes.disconnect();

    player.pause();
    await player.updateComplete;
    expect(statusText(shadow)).to.equal('Paused');
    expect(button(shadow, 'Play')).to.exist;
    player.playbackRate = 1.25;
    await player.updateComplete;
    expect(statusText(shadow)).to.equal('Speed 1.25×');
  });

  it('has no axe violations idle, playing, paused, with the settings panel open and with the dialog open', async () => {
    const fake = speech({ mode: 'manual' });
    const { root, player, shadow } = await articleWithPlayer();
    expect(await axeViolations(root), 'idle').to.deep.equal([]);

    await playConfirmed(player, fake);
    fake.boundary(5, 8);
    await player.updateComplete;
    expect(query(shadow, '[part="captions"] mark')).to.exist;
    expect(await axeViolations(root), 'playing').to.deep.equal([]);

    player.pause();
    await player.updateComplete;
    expect(await axeViolations(root), 'paused').to.deep.equal([]);

    await openSettings(player, shadow);
    expect(shadow.querySelector('#settings-panel')).to.exist;
    expect(await axeViolations(root), 'settings open').to.deep.equal([]);

    query(shadow, '#more-button').click();
    await player.updateComplete;
    expect(await axeViolations(root), 'More menu open').to.deep.equal([]);
    button(shadow, 'Play').focus();
    await sendKeys({ press: '?' });
    expect(query<HTMLDialogElement>(shadow, 'dialog').open).to.equal(true);
    expect(await axeViolations(root), 'dialog open').to.deep.equal([]);
  });
});

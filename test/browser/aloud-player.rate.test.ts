/**
 * <aloud-player> with a voice that ignores the speed (WebKitGTK's Flite
 * voices): the listener is told once, politely, that this voice cannot
 * change speed and where one that can is, and reading goes on.
 */
import { expect } from '@open-wc/testing';
import { axeViolations } from '../helpers/axe.ts';
import { articleWithPlayer, waitFor } from '../helpers/player-fixture.ts';
import { playConfirmed, query, settle, statusText, untilSpoken, useFakeSpeech } from '../helpers/player-kit.ts';
import { sleep } from '../helpers/wait.ts';

const CANNOT_CHANGE_SPEED = 'This voice cannot change speed. The built-in voice, in Settings, can.';

describe('<aloud-player> with a voice that ignores the speed', () => {
  const speech = useFakeSpeech();

  it('says once, in the polite status line, that the voice cannot change speed, and keeps reading', async function () {
    this.timeout(15_000);
    const fake = speech({ mode: 'manual' });
    const { root, player, shadow } = await articleWithPlayer();
    const said: string[] = [];
    const status = query(shadow, '[role="status"]');
    new MutationObserver(() => said.push(statusText(shadow))).observe(status, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    await playConfirmed(player, fake);
    fake.end();
    // Two sentences at 1×, each 400 ms from start to end; during the second the speed is
    // doubled (no word heard, so it applies from the next utterance)…
    for (const count of [2, 3]) {
      await untilSpoken(fake, count);
      if (count === 3) player.playbackRate = 2;
      fake.start();
      await sleep(400);
      fake.end();
    }
    // …and the next sentence, at 2×, takes just as long.
    await untilSpoken(fake, 4);
    expect(fake.spoken.at(-1)).to.include({ text: 'Second paragraph is short.', rate: 2 });
    fake.start();
    await sleep(400);
    fake.end();
    await player.updateComplete;
    await waitFor(() => statusText(shadow) === CANNOT_CHANGE_SPEED, 'the status says the voice cannot change speed');
    expect(status.getAttribute('aria-live') ?? 'polite').to.equal('polite');
    expect(await axeViolations(root), 'with the notice shown').to.deep.equal([]);

    // Reading goes on at the rate asked for, and nothing is said again.
    await untilSpoken(fake, 5);
    expect(fake.spoken.at(-1)).to.include({ text: 'Third paragraph closes the story.', rate: 2 });
    fake.start();
    await sleep(400);
    fake.end();
    await waitFor(() => statusText(shadow) === 'Finished reading', 'the article is read to the end');
    await settle();
    const notices = said.filter((text, index) => text === CANNOT_CHANGE_SPEED && said[index - 1] !== text);
    expect(notices, `said once (status line said: ${said.join(' | ')})`).to.have.length(1);
  });
});

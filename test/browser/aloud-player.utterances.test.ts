/**
 * Utterances in the player: a sentence too long for Web Speech at the
 * current rate is spoken in parts, and a new rate cuts it again without
 * losing the place.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { AloudPlayer } from '../../src/elements/aloud-player/aloud-player.ts';
import { estimateSpeechSeconds } from '../../src/core/playback/timing.ts';
import { waitFor } from '../helpers/player-fixture.ts';
import { lastSpoken, playConfirmed, settle, untilSpoken, useFakeSpeech } from '../helpers/player-kit.ts';

const LONG =
  'Graphic designer Monther Etaki, also based in eastern Aleppo, said he didn’t believe Assad forces could take ' +
  'full control of the city – formerly Syria’s largest with well over 2 million residents before civil war erupted ' +
  'in 2011 – without committing “war crimes.”';

describe('<aloud-player> utterances', () => {
  const speech = useFakeSpeech();

  it('speaks a long sentence in parts at 0.5×, and whole at 2× from the same place', async () => {
    const fake = speech({ mode: 'manual', voices: [{ name: 'English', lang: 'en-US', default: true }] });
    const root = await fixture<HTMLElement>(html`
      <article id="long" lang="en">
        <h1>Long</h1>
        <aloud-player for="long" engine="web-speech"></aloud-player>
        <p>${LONG}</p>
      </article>
    `);
    const player = root.querySelector('aloud-player') as AloudPlayer;
    await waitFor(() => player.paragraphCount === 2, 'the player indexes the article');
    player.playbackRate = 0.5;
    player.currentParagraph = 1;
    await playConfirmed(player, fake);
    const first = lastSpoken(fake).text;
    expect(LONG.startsWith(first)).to.equal(true);
    expect(estimateSpeechSeconds(first, 0.5)).to.be.at.most(10);
    // On to the second part (after its short pause).
    const count = fake.spoken.length;
    fake.end();
    await untilSpoken(fake, count + 1);
    fake.start();
    const second = lastSpoken(fake).text;
    expect(LONG.indexOf(second)).to.be.greaterThan(first.length - 1);
    expect(player.store.snapshot.playback.utteranceIndex).to.equal(1);

    // A faster rate cuts the sentence again: the part that holds the place is the whole sentence.
    // (A word heard, so the new speed applies at once rather than from the next utterance; speed
    // presses are gathered for 350 ms into one restart.)
    fake.boundary(0, 4);
    player.playbackRate = 2;
    await settle(600);
    expect(lastSpoken(fake).text).to.equal(LONG);
    expect(lastSpoken(fake).rate).to.equal(2);
    expect(player.store.snapshot.playback).to.include({ paragraphIndex: 1, utteranceIndex: 0 });
    expect(player.store.snapshot.playback.utteranceCounts[1]).to.equal(1);
  });
});

/**
 * What the player does with calls that come before its lazy chunk: the
 * stand-in playback keeps them in order, and `play()` promises wait until
 * the intent has reached the engine (the e2e embed test covers the whole path).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { initialState, type PlaybackState } from '../../src/core/playback/state.ts';
import { PendingPlayback } from '../../src/elements/aloud-player/pending-playback.ts';
import { PlayPromises } from '../../src/elements/aloud-player/play-promises.ts';

const withStatus = (status: PlaybackState['status']): PlaybackState => ({ ...initialState, status });

describe('the stand-in playback before the reading chunk arrives', () => {
  it('keeps every intent in order and shows the rate that was asked for, clamped', () => {
    const pending = new PendingPlayback();
    pending.dispatch({ type: 'rate', rate: 9 });
    pending.dispatch({ type: 'play' });
    pending.dispatch({ type: 'pause' });
    assert.deepEqual(
      pending.early.map((event) => event.type),
      ['rate', 'play', 'pause'],
    );
    assert.equal(pending.state.rate, 3);
    // Nothing is indexed, so nothing claims to play.
    assert.equal(pending.state.status, 'idle');
    assert.equal(pending.state.utteranceCounts.length, 0);
  });
});

describe('play() promises', () => {
  const outcome = (promise: Promise<void>) =>
    promise.then(
      () => 'resolved',
      (error: Error) => `rejected: ${error.message}`,
    );

  it('stay open while the intent is on its way, then resolve when speech starts', async () => {
    const plays = new PlayPromises();
    const result = outcome(plays.add());
    plays.settle(withStatus('idle'), () => 'Paused');
    plays.onTheWay = false;
    plays.settle(withStatus('starting'), () => 'Paused');
    plays.settle(withStatus('playing'), () => 'Paused');
    assert.equal(await result, 'resolved');
  });

  it('reject with the reason in words when speech will not start', async () => {
    const plays = new PlayPromises();
    plays.onTheWay = false;
    const results = [outcome(plays.add()), outcome(plays.add())];
    plays.settle(withStatus('error'), () => 'Speech failed.');
    assert.deepEqual(await Promise.all(results), ['rejected: Speech failed.', 'rejected: Speech failed.']);
    // Settled ones are gone: a later start does not touch them.
    const later = outcome(plays.add());
    plays.settle(withStatus('playing'), () => 'Paused');
    assert.equal(await later, 'resolved');
  });
});

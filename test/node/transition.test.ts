// The playback rules, checked without a browser.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { initialState, type PlaybackEvent, type PlaybackState } from '../../src/core/playback/state.ts';
import { transition } from '../../src/core/playback/transition.ts';

function run(events: PlaybackEvent[], from: PlaybackState = initialState) {
  let state = from;
  const effects = [];
  for (const event of events) {
    const result = transition(state, event);
    state = result.state;
    effects.push(...result.effects);
  }
  return { state, effects };
}

const loaded = run([{ type: 'load', utteranceCounts: [1, 2, 1] }]).state;

describe('transition', () => {
  it('says playing only once the engine confirms start', () => {
    const asked = run([{ type: 'play' }], loaded);
    assert.equal(asked.state.status, 'starting');
    assert.deepEqual(asked.effects, [
      { type: 'speak', token: 1, paragraphIndex: 0, utteranceIndex: 0, from: 0, rate: 1, voiceId: null },
    ]);
    const started = run([{ type: 'engine-start', token: 1 }], asked.state);
    assert.equal(started.state.status, 'playing');
  });

  it('reads every chunk of every paragraph in order, then ends', () => {
    let state = run([{ type: 'play' }], loaded).state;
    const spoken: Array<[number, number]> = [[0, 0]];
    for (let step = 0; step < 10 && state.status !== 'ended'; step += 1) {
      const started = transition(state, { type: 'engine-start', token: state.token }).state;
      const ended = transition(started, { type: 'engine-end', token: started.token });
      state = ended.state;
      for (const effect of ended.effects) {
        if (effect.type === 'speak') spoken.push([effect.paragraphIndex, effect.utteranceIndex]);
      }
    }
    assert.deepEqual(spoken, [
      [0, 0],
      [1, 0],
      [1, 1],
      [2, 0],
    ]);
    assert.equal(state.status, 'ended');
    assert.equal(state.inFlight, false);
  });

  it('ignores events from a cancelled utterance', () => {
    const playing = run([{ type: 'play' }, { type: 'engine-start', token: 1 }], loaded).state;
    const moved = run([{ type: 'next' }], playing);
    assert.deepEqual(
      moved.effects.map((effect) => effect.type),
      ['cancel', 'speak'],
    );
    const stale = run(
      [
        { type: 'engine-end', token: 1 },
        { type: 'engine-error', token: 1, code: 'interrupted' },
        { type: 'engine-boundary', token: 1, charIndex: 4, charLength: 3 },
      ],
      moved.state,
    );
    assert.equal(stale.state, moved.state, 'stale events leave the state untouched');
    assert.equal(stale.effects.length, 0);
  });

  it('pauses natively while playing and resumes in place', () => {
    const playing = run([{ type: 'play' }, { type: 'engine-start', token: 1 }], loaded).state;
    const paused = run([{ type: 'toggle' }], playing);
    assert.equal(paused.state.status, 'paused');
    assert.deepEqual(paused.effects, [{ type: 'pause-engine' }]);
    const resumed = run([{ type: 'toggle' }], paused.state);
    // A resume can be silent: "playing" only once the engine says `start` again.
    assert.equal(resumed.state.status, 'starting');
    assert.deepEqual(resumed.effects, [{ type: 'resume-engine' }]);
    const confirmed = run([{ type: 'engine-start', token: resumed.state.token }], resumed.state);
    assert.equal(confirmed.state.status, 'playing');
  });

  it('keeps the word heard last when a pause is cancelled before the resume is confirmed', () => {
    const playing = run(
      [
        { type: 'play' },
        { type: 'engine-start', token: 1 },
        { type: 'engine-boundary', token: 1, charIndex: 12, charLength: 5 },
      ],
      loaded,
    ).state;
    const resuming = run([{ type: 'pause' }, { type: 'play' }, { type: 'pause' }], playing);
    assert.equal(resuming.state.status, 'paused');
    assert.equal(resuming.effects.at(-1)?.type, 'cancel');
    const again = run([{ type: 'play' }], resuming.state);
    assert.deepEqual(again.effects[0], {
      type: 'speak',
      token: 3,
      paragraphIndex: 0,
      utteranceIndex: 0,
      from: 12,
      rate: 1,
      voiceId: null,
    });
  });

  it('cancels rather than pausing an utterance that has not started', () => {
    const paused = run([{ type: 'play' }, { type: 'pause' }], loaded);
    assert.equal(paused.state.status, 'paused');
    assert.equal(paused.state.inFlight, false);
    assert.equal(paused.effects.at(-1)?.type, 'cancel');
    const again = run([{ type: 'play' }], paused.state);
    assert.equal(again.effects[0]?.type, 'speak');
  });

  it('retries synthesis-failed once, then reports the error and keeps the place', () => {
    const at = run([{ type: 'seek', paragraphIndex: 2 }], loaded).state;
    const retried = run([{ type: 'engine-error', token: at.token, code: 'synthesis-failed' }], at);
    assert.equal(retried.effects[0]?.type, 'speak');
    assert.equal(retried.state.paragraphIndex, 2);
    const failed = run([{ type: 'engine-error', token: retried.state.token, code: 'synthesis-failed' }], retried.state);
    assert.equal(failed.state.status, 'error');
    assert.equal(failed.state.error, 'synthesis-failed');
    assert.equal(failed.state.paragraphIndex, 2);
    const retry = run([{ type: 'play' }], failed.state);
    assert.equal(retry.state.status, 'starting');
    assert.equal(retry.state.paragraphIndex, 2);
  });

  it('gathers speed changes into one restart from the current word', () => {
    const playing = run(
      [
        { type: 'play' },
        { type: 'engine-start', token: 1 },
        { type: 'engine-boundary', token: 1, charIndex: 7, charLength: 3 },
      ],
      loaded,
    ).state;
    const presses = run(
      [
        { type: 'rate', rate: 1.25 },
        { type: 'rate', rate: 1.5 },
        { type: 'rate', rate: 1.75 },
      ],
      playing,
    );
    assert.deepEqual(
      presses.effects.map((effect) => effect.type),
      ['apply-rate-soon', 'apply-rate-soon', 'apply-rate-soon'],
    );
    const applied = run([{ type: 'apply-rate', wordsKnown: true }], presses.state);
    assert.deepEqual(applied.effects, [
      { type: 'cancel' },
      { type: 'speak', token: 3, paragraphIndex: 0, utteranceIndex: 0, from: 7, rate: 1.75, voiceId: null },
    ]);
    assert.equal(applied.state.status, 'playing', 'no "Starting…" for a speed change');
  });

  it('without word boundaries, a new speed waits for the next sentence rather than repeating this one', () => {
    const playing = run([{ type: 'play' }, { type: 'engine-start', token: 1 }], loaded).state;
    const faster = run(
      [
        { type: 'rate', rate: 2 },
        { type: 'apply-rate', wordsKnown: false },
      ],
      playing,
    );
    assert.deepEqual(
      faster.effects.map((effect) => effect.type),
      ['apply-rate-soon'],
    );
    const next = run([{ type: 'engine-end', token: 1 }], faster.state);
    assert.equal(next.effects[0]?.type === 'speak' && next.effects[0].rate, 2);
  });

  it('a speed change while paused lets the held utterance go and speaks on from the word', () => {
    const playing = run(
      [
        { type: 'play' },
        { type: 'engine-start', token: 1 },
        { type: 'engine-boundary', token: 1, charIndex: 4, charLength: 2 },
      ],
      loaded,
    ).state;
    const changed = run([{ type: 'pause' }, { type: 'rate', rate: 0.75 }], playing);
    assert.deepEqual(
      changed.effects.map((effect) => effect.type),
      ['pause-engine', 'cancel'],
    );
    const resumed = run([{ type: 'play' }], changed.state);
    assert.equal(resumed.effects[0]?.type === 'speak' && resumed.effects[0].from, 4);
    assert.equal(run([{ type: 'rate', rate: 9 }], loaded).state.rate, 3);
    assert.equal(run([{ type: 'rate', rate: 0.1 }], loaded).state.rate, 0.5);
  });

  it('keeps the paragraph index in range at both ends', () => {
    const first = run([{ type: 'previous' }], loaded).state;
    assert.equal(first.paragraphIndex, 0);
    const last = run([{ type: 'next' }, { type: 'next' }, { type: 'next' }], loaded).state;
    assert.equal(last.paragraphIndex, 2);
    assert.equal(run([{ type: 'seek', paragraphIndex: 99 }], loaded).state.paragraphIndex, 2);
  });

  it('stops on pagehide and keeps the place', () => {
    const playing = run(
      [
        { type: 'seek', paragraphIndex: 1 },
        { type: 'engine-start', token: 1 },
      ],
      loaded,
    ).state;
    const stopped = run([{ type: 'stop' }], playing);
    assert.equal(stopped.state.status, 'paused');
    assert.equal(stopped.state.paragraphIndex, 1);
    assert.deepEqual(stopped.effects, [{ type: 'cancel' }]);
  });

  it('reports an empty article instead of playing nothing', () => {
    const empty = run([{ type: 'load', utteranceCounts: [] }, { type: 'play' }]);
    assert.equal(empty.state.status, 'error');
    assert.equal(empty.state.error, 'empty');
    assert.equal(empty.effects.length, 0);
  });

  it('moves on but stays quiet when an utterance ends just after pause', () => {
    const playing = run([{ type: 'play' }, { type: 'engine-start', token: 1 }, { type: 'pause' }], loaded).state;
    const ended = run([{ type: 'engine-end', token: playing.token }], playing);
    assert.equal(ended.state.status, 'paused');
    assert.equal(ended.state.paragraphIndex, 1);
    assert.equal(ended.effects.length, 0);
  });
});

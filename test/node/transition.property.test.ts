/**
 * Property-based races on the pure playback machine: random sequences of
 * listener commands interleaved with engine events for the current, a late
 * (already settled) and a stale (older) utterance, checked against a model
 * of what a real engine would be doing after each step.
 *
 * Size: 10,000 sequences (about 2 s here). Override with FC_RUNS; replay a
 * failure with the `seed` (and `path`) fast-check prints: FC_SEED=… FC_PATH=….
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { EngineErrorCode } from '../../src/core/speech/engine.ts';
import {
  MAX_RATE,
  MIN_RATE,
  initialState,
  type PlaybackEffect,
  type PlaybackEvent,
  type PlaybackState,
} from '../../src/core/playback/state.ts';
import { transition } from '../../src/core/playback/transition.ts';

const RUNS = Number(process.env['FC_RUNS'] ?? 10_000);
const SEED = process.env['FC_SEED'] === undefined ? undefined : Number(process.env['FC_SEED']);
const PATH = process.env['FC_PATH'];

type Target = 'current' | 'late' | 'stale';
type EngineStep =
  | { readonly kind: 'engine'; readonly type: 'start' | 'end'; readonly target: Target; readonly back: number }
  | {
      readonly kind: 'engine';
      readonly type: 'boundary';
      readonly target: Target;
      readonly back: number;
      readonly charIndex: number;
    }
  | {
      readonly kind: 'engine';
      readonly type: 'error';
      readonly target: Target;
      readonly back: number;
      readonly code: EngineErrorCode;
    };
type Step = { readonly kind: 'command'; readonly event: PlaybackEvent } | EngineStep;

/** What the engine would be doing, driven only by the effects the machine emits. */
class EngineModel {
  /** Token of the utterance spoken and neither settled nor cancelled. */
  inFlight: number | null = null;
  paused = false;
  readonly spoken: number[] = [];
  readonly problems: string[] = [];

  apply(effect: PlaybackEffect): void {
    switch (effect.type) {
      case 'speak':
        // The machine must cancel (or hear the end of) one utterance before the next.
        if (this.inFlight !== null) this.problems.push(`speak ${effect.token} while ${this.inFlight} is in flight`);
        this.inFlight = effect.token;
        this.paused = false;
        this.spoken.push(effect.token);
        return;
      case 'cancel':
        this.inFlight = null;
        this.paused = false;
        return;
      case 'pause-engine':
        if (this.inFlight === null || this.paused) this.problems.push('pause-engine with nothing speaking');
        this.paused = true;
        return;
      case 'resume-engine':
        if (this.inFlight === null || !this.paused) this.problems.push('resume-engine with nothing paused');
        this.paused = false;
        return;
    }
  }

  /** The token an engine event carries, or null when the target does not exist now. */
  tokenFor(target: Target, back: number): number | null {
    const last = this.spoken.at(-1);
    if (target === 'current') return this.inFlight;
    if (target === 'late') return last !== undefined && last !== this.inFlight ? last : null;
    const older = this.spoken.slice(0, -1);
    return older.length > 0 ? (older[older.length - 1 - (back % older.length)] ?? null) : null;
  }

  settle(target: Target): void {
    if (target !== 'current') return;
    this.inFlight = null;
    this.paused = false;
  }
}

function toEvent(step: EngineStep, token: number): PlaybackEvent {
  switch (step.type) {
    case 'start':
      return { type: 'engine-start', token };
    case 'end':
      return { type: 'engine-end', token };
    case 'boundary':
      return { type: 'engine-boundary', token, charIndex: step.charIndex, charLength: 3 };
    case 'error':
      return { type: 'engine-error', token, code: step.code };
  }
}

export function checkInvariants(state: PlaybackState, engine: EngineModel): void {
  assert.deepEqual(engine.problems, [], 'the engine was driven consistently');
  assert.ok(Object.isFrozen(state), 'state is frozen');
  const count = state.utteranceCounts.length;
  if (count > 0) {
    assert.ok(
      state.paragraphIndex >= 0 && state.paragraphIndex < count,
      `paragraph ${state.paragraphIndex} of ${count}`,
    );
    const chunks = state.utteranceCounts[state.paragraphIndex] ?? 0;
    assert.ok(state.utteranceIndex >= 0 && state.utteranceIndex < chunks, `chunk ${state.utteranceIndex} of ${chunks}`);
  }
  assert.ok(state.rate >= MIN_RATE && state.rate <= MAX_RATE, `rate ${state.rate}`);
  assert.equal(state.inFlight, engine.inFlight !== null, 'inFlight agrees with the engine');
  if (state.inFlight) assert.equal(engine.inFlight, state.token, 'the utterance in flight is the current one');
  const speaking = engine.inFlight !== null && !engine.paused;
  switch (state.status) {
    case 'starting':
    case 'playing':
      assert.ok(speaking, `${state.status} while the engine is quiet or paused`);
      break;
    case 'paused':
      assert.ok(!speaking, 'paused while the engine speaks');
      break;
    default:
      assert.equal(engine.inFlight, null, `${state.status} with an utterance in flight`);
  }
  if (state.word) assert.ok(state.inFlight, 'a word highlight only while an utterance is in flight');
  if (state.status === 'error') assert.ok(state.error !== null, 'an error status says which error');
}

const command: fc.Arbitrary<Step> = fc
  .oneof(
    {
      weight: 20,
      arbitrary: fc.constantFrom<PlaybackEvent>(
        { type: 'play' },
        { type: 'pause' },
        { type: 'toggle' },
        { type: 'next' },
        { type: 'previous' },
        { type: 'stop' },
      ),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        type: fc.constant('seek' as const),
        paragraphIndex: fc.integer({ min: -3, max: 9 }),
        play: fc.option(fc.boolean(), { nil: undefined }),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        type: fc.constant('rate' as const),
        rate: fc.oneof(fc.constantFrom(0.5, 1, 1.25, 3), fc.double()),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({ type: fc.constant('voice' as const), voiceId: fc.constantFrom(null, 'a', 'b') }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ type: fc.constant('apply-rate' as const), wordsKnown: fc.boolean() }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('load' as const),
        utteranceCounts: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 5 }),
        paragraphIndex: fc.integer({ min: -2, max: 6 }),
      }),
    },
  )
  .map((event) => ({ kind: 'command' as const, event }));

const target = fc.constantFrom<Target>('current', 'current', 'current', 'late', 'stale');
const back = fc.nat(4);
const engineStep: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('engine' as const),
    type: fc.constantFrom('start' as const, 'end' as const),
    target,
    back,
  }),
  fc.record({
    kind: fc.constant('engine' as const),
    type: fc.constant('boundary' as const),
    target,
    back,
    charIndex: fc.integer({ min: -2, max: 40 }),
  }),
  fc.record({
    kind: fc.constant('engine' as const),
    type: fc.constant('error' as const),
    target,
    back,
    code: fc.constantFrom<EngineErrorCode>(
      'canceled',
      'interrupted',
      'synthesis-failed',
      'no-voice',
      'not-allowed',
      'timeout',
      'unavailable',
    ),
  }),
);

const scenario = fc.record({
  utteranceCounts: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 5 }),
  steps: fc.array(fc.oneof(command, engineStep), { maxLength: 60, size: 'max' }),
});

/** Runs one scenario, checking the invariants after every step; returns the final state. */
export function runScenario(utteranceCounts: readonly number[], steps: readonly Step[]): PlaybackState {
  const engine = new EngineModel();
  let state = transition(initialState, { type: 'load', utteranceCounts }).state;
  for (const step of steps) {
    let event: PlaybackEvent;
    if (step.kind === 'command') {
      event = step.event;
    } else {
      const token = engine.tokenFor(step.target, step.back);
      if (token === null) continue;
      if (step.type === 'end' || step.type === 'error') engine.settle(step.target);
      event = toEvent(step, token);
    }
    const result = transition(state, event);
    for (const effect of result.effects) engine.apply(effect);
    state = result.state;
    for (const effect of result.effects) {
      if (effect.type !== 'speak') continue;
      // What is spoken is what the state (and so the UI) says is being read.
      assert.deepEqual(
        [effect.paragraphIndex, effect.utteranceIndex, effect.rate, effect.voiceId, effect.token],
        [state.paragraphIndex, state.utteranceIndex, state.rate, state.voiceId, state.token],
      );
    }
    checkInvariants(state, engine);
  }
  return state;
}

describe('transition under random races (fast-check)', () => {
  it(`keeps every invariant over ${RUNS} random sequences of commands and engine events`, () => {
    fc.assert(
      fc.property(scenario, ({ utteranceCounts, steps }) => {
        runScenario(utteranceCounts, steps);
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), ...(PATH ? { path: PATH } : {}) },
    );
  });
});

describe('transition: shrunk counterexamples kept as regressions', () => {
  const play: Step = { kind: 'command', event: { type: 'play' } };
  const start: Step = { kind: 'engine', type: 'start', target: 'current', back: 0 };

  it('a seek that does not play, while playing, leaves an honest paused state (not "playing" with nothing in flight)', () => {
    const state = runScenario(
      [1, 1],
      [play, start, { kind: 'command', event: { type: 'seek', paragraphIndex: 1, play: false } }],
    );
    assert.equal(state.status, 'paused');
    assert.equal(state.paragraphIndex, 1);
  });
});

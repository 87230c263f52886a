/**
 * Property-based races on the real PlaybackController, in Chromium, with the
 * fault-injecting engine and a real article DOM: random commands (play,
 * pause, toggle, next, previous, seek, rate, voice, stop, pagehide, reload,
 * highlighting) interleaved with engine events for the current, late and
 * stale utterances, and with speak() throwing or reporting synchronously.
 *
 * Size: FC_RUNS, default 5,000 sequences of up to 50 steps, measured in
 * headless Chromium on a 2-core machine: 2,000 take about 4 s, 5,000 about
 * 9 s, 10,000 about 18 s (the pure machine gets 10,000 under node:test). A failure prints fast-check's `seed`
 * and `path`: rerun with FC_SEED=… FC_PATH=… npm run test:browser to replay
 * the shrunk case, then keep it below as a named regression.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { EngineErrorCode } from '../../src/core/speech/engine.ts';
import type { PlaybackEvent } from '../../src/core/playback/state.ts';
import type { EventTarget, FiredEvent, SpeakFault } from '../helpers/fault-engine.ts';
import { RaceRig, type RaceStep } from '../helpers/race-rig.ts';

interface FastCheckEnv {
  readonly runs: number;
  readonly seed?: number;
  readonly path?: string;
}

/** FC_* reach the browser through the tiny route in web-test-runner.config.mjs. */
async function fastCheckEnv(): Promise<FastCheckEnv> {
  const env = (await fetch('/__fast-check-env.json').then((response) => response.json())) as Record<
    string,
    string | null
  >;
  return {
    runs: env['runs'] ? Number(env['runs']) : 5000,
    ...(env['seed'] ? { seed: Number(env['seed']) } : {}),
    ...(env['path'] ? { path: env['path'] } : {}),
  };
}

const command: fc.Arbitrary<RaceStep> = fc
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
        paragraphIndex: fc.integer({ min: -2, max: 7 }),
        play: fc.boolean(),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        type: fc.constant('rate' as const),
        rate: fc.constantFrom(0.5, 1, 1.25, 3, 99, Number.NaN),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({ type: fc.constant('voice' as const), voiceId: fc.constantFrom(null, 'a', 'b', 'gone') }),
    },
  )
  .map((event) => ({ kind: 'command' as const, event }));

const other: fc.Arbitrary<RaceStep> = fc.oneof(
  fc.record({ kind: fc.constant('highlight' as const), enabled: fc.boolean() }),
  fc.record({ kind: fc.constant('reload' as const), paragraphIndex: fc.integer({ min: -1, max: 7 }) }),
  fc.constant({ kind: 'pagehide' as const }),
  fc.record({ kind: fc.constant('voices' as const), ids: fc.subarray(['a', 'b'] as const) }),
  fc.record({
    kind: fc.constant('fault' as const),
    fault: fc.constantFrom<SpeakFault>('throw', 'sync-start', 'sync-error', 'sync-end'),
  }),
);

const fired: fc.Arbitrary<FiredEvent> = fc.oneof(
  fc.constantFrom<FiredEvent>({ type: 'start' }, { type: 'end' }),
  fc.record({
    type: fc.constant('boundary' as const),
    charIndex: fc.integer({ min: -2, max: 60 }),
    charLength: fc.integer({ min: 0, max: 6 }),
  }),
  fc.record({
    type: fc.constant('error' as const),
    code: fc.constantFrom<EngineErrorCode>(
      'interrupted',
      'canceled',
      'synthesis-failed',
      'timeout',
      'no-voice',
      'not-allowed',
    ),
  }),
);

const engineStep: fc.Arbitrary<RaceStep> = fc.record({
  kind: fc.constant('engine' as const),
  target: fc.constantFrom<EventTarget>('current', 'current', 'current', 'late', 'stale'),
  event: fired,
  back: fc.nat(4),
});

const scenario = fc.record({
  paragraphs: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }),
  steps: fc.array(
    fc.oneof({ weight: 4, arbitrary: command }, { weight: 1, arbitrary: other }, { weight: 5, arbitrary: engineStep }),
    { maxLength: 50, size: 'max' },
  ),
});

/** Runs one scenario on a fresh rig, checking every invariant after every step; returns what is left to inspect. */
function runScenario(paragraphs: readonly number[], steps: readonly RaceStep[]) {
  const rig = new RaceRig(paragraphs);
  try {
    rig.checkInvariants();
    for (const step of steps) {
      rig.apply(step);
      rig.checkInvariants();
    }
    return { state: rig.controller.state, calls: rig.engine.calls.map((call) => call.method) };
  } finally {
    rig.dispose();
  }
}

describe('PlaybackController under random races (fast-check, fault-injecting engine)', () => {
  it('keeps one utterance in flight, the paragraph in range, status honest and the highlight on the paragraph read', async function () {
    const env = await fastCheckEnv();
    // Generous for slow, shared machines: FC_RUNS can be raised far above the default.
    this.timeout(Math.max(120_000, env.runs * 25));
    const started = performance.now();
    fc.assert(
      fc.property(scenario, ({ paragraphs, steps }) => {
        runScenario(paragraphs, steps);
      }),
      {
        numRuns: env.runs,
        ...(env.seed === undefined ? {} : { seed: env.seed }),
        ...(env.path ? { path: env.path } : {}),
      },
    );
    console.log(`playback races: ${env.runs} runs in ${Math.round(performance.now() - started)} ms`);
  });
});

describe('PlaybackController: shrunk counterexamples kept as regressions', () => {
  const play: RaceStep = { kind: 'command', event: { type: 'play' } };
  const next: RaceStep = { kind: 'command', event: { type: 'next' } };

  // Found as [fault throw, play]: the exception escaped dispatch() (and so the click handler).
  it('a speak() that throws is a failed utterance: retried once, nothing thrown', () => {
    const { state, calls } = runScenario([1], [{ kind: 'fault', fault: 'throw' }, play]);
    expect(calls).to.deep.equal(['speak', 'speak']);
    expect(state).to.include({ status: 'starting', inFlight: true, retries: 1, paragraphIndex: 0 });
  });

  // Found as [play, fault sync-error, next]: the error came before speak() returned its id,
  // was taken for a stale event and dropped, and the player said "Starting…" for ever.
  it('an error reported synchronously from inside speak() is heard, and retried', () => {
    const { state, calls } = runScenario([1], [play, { kind: 'fault', fault: 'sync-error' }, next]);
    expect(calls).to.deep.equal(['speak', 'cancel', 'speak', 'speak']);
    expect(state).to.include({ status: 'starting', inFlight: true, retries: 1, paragraphIndex: 1 });
  });

  it('a start and an end reported from inside speak() move reading on', () => {
    const { state } = runScenario([2], [{ kind: 'fault', fault: 'sync-start' }, play]);
    expect(state.status).to.equal('playing');
    const ended = runScenario(
      [2],
      [
        play,
        { kind: 'engine', target: 'current', event: { type: 'start' }, back: 0 },
        { kind: 'fault', fault: 'sync-end' },
        next,
      ],
    );
    expect(ended.state).to.include({ status: 'playing', paragraphIndex: 1, utteranceIndex: 1 });
  });
});

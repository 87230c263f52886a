/**
 * Property-based races on the whole <aloud-player> (real WebSpeechEngine and
 * PlaybackController, fake speechSynthesis): random public API calls mixed
 * with engine events for the current and for stale utterances, each step
 * followed by the fake's own asynchronous events. Slower than the controller
 * races (a fixture per run, timers between steps), so smaller.
 *
 * Size: FC_RUNS / 50 (default 100 runs of up to 25 steps, about 10 s on a
 * 2-core machine). Replay with FC_SEED / FC_PATH as printed, like the others.
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import fc from 'fast-check';
import { installFakeSpeech, type InstalledFakeSpeech } from '../helpers/fake-speech.ts';
import { articleWithPlayer } from '../helpers/player-fixture.ts';
import { settle } from '../helpers/player-kit.ts';

type Step =
  | { readonly kind: 'api'; readonly call: 'play' | 'pause' | 'next' | 'previous' | 'toggle' | 'pagehide' }
  | { readonly kind: 'seek'; readonly index: number }
  | { readonly kind: 'rate'; readonly rate: number }
  | { readonly kind: 'engine'; readonly event: 'start' | 'end' | 'boundary' | 'interrupted' | 'synthesis-failed' }
  | { readonly kind: 'stale'; readonly event: 'start' | 'end' | 'synthesis-failed'; readonly back: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('api' as const),
    call: fc.constantFrom(
      'play' as const,
      'pause' as const,
      'next' as const,
      'previous' as const,
      'toggle' as const,
      'pagehide' as const,
    ),
  }),
  fc.record({ kind: fc.constant('seek' as const), index: fc.integer({ min: -1, max: 5 }) }),
  fc.record({ kind: fc.constant('rate' as const), rate: fc.constantFrom(0.5, 1.5, 3) }),
  fc.record({
    kind: fc.constant('engine' as const),
    event: fc.constantFrom(
      'start' as const,
      'start' as const,
      'end' as const,
      'end' as const,
      'boundary' as const,
      'interrupted' as const,
      'synthesis-failed' as const,
    ),
  }),
  fc.record({
    kind: fc.constant('stale' as const),
    event: fc.constantFrom('start' as const, 'end' as const, 'synthesis-failed' as const),
    back: fc.nat(3),
  }),
);

async function fastCheckEnv(): Promise<{ runs: number; seed?: number; path?: string }> {
  const env = (await fetch('/__fast-check-env.json').then((response) => response.json())) as Record<
    string,
    string | null
  >;
  return {
    runs: env['runs'] ? Math.max(10, Math.round(Number(env['runs']) / 50)) : 100,
    ...(env['seed'] ? { seed: Number(env['seed']) } : {}),
    ...(env['path'] ? { path: env['path'] } : {}),
  };
}

function fire(fake: InstalledFakeSpeech, item: Step): void {
  if (item.kind === 'engine') {
    if (!fake.current) return;
    if (item.event === 'start') fake.start();
    else if (item.event === 'end') fake.end();
    else if (item.event === 'boundary') fake.boundary(0, 4);
    else fake.fail(item.event);
  } else if (item.kind === 'stale') {
    const old = fake.spoken.at(-2 - item.back)?.utterance;
    if (!old) return;
    if (item.event === 'synthesis-failed') fake.fireOn(old, 'error', { error: 'synthesis-failed' });
    else fake.fireOn(old, item.event);
  }
}

describe('<aloud-player> under random races (fast-check, real engine, fake speechSynthesis)', () => {
  it('stays honest: playing only while speech runs, one utterance queued, the highlight on the paragraph read, nothing thrown', async function () {
    const env = await fastCheckEnv();
    // Generous for slow, shared machines: FC_RUNS can be raised far above the default.
    this.timeout(Math.max(120_000, env.runs * 600));
    const thrown: string[] = [];
    const onError = (event: ErrorEvent) => thrown.push(String(event.message));
    const onRejection = (event: PromiseRejectionEvent) => thrown.push(String(event.reason));
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { maxLength: 25 }), async (steps) => {
          const fake = installFakeSpeech({
            mode: 'manual',
            voices: [{ name: 'Test English', lang: 'en-US', default: true }],
          });
          try {
            const { player } = await articleWithPlayer();
            for (const item of steps) {
              if (item.kind === 'api') {
                if (item.call === 'play') void player.play().catch(() => undefined);
                else if (item.call === 'toggle') player.store.dispatch({ type: 'toggle' });
                else if (item.call === 'pagehide') window.dispatchEvent(new PageTransitionEvent('pagehide'));
                else player[item.call]();
              } else if (item.kind === 'seek') player.currentParagraph = item.index;
              else if (item.kind === 'rate') player.playbackRate = item.rate;
              else fire(fake, item);
              // The fake's own late events (interrupted after cancel) arrive on a timer.
              await settle(1);
              expect(fake.pending, 'one utterance queued at most').to.equal(false);
              expect(player.currentParagraph).to.be.within(0, player.paragraphCount - 1);
              const status = player.store.snapshot.playback.status;
              const speaking = fake.current !== undefined && !fake.paused;
              // Between two utterances the player waits out a short pause, the next one in flight.
              const pausing = player.store.snapshot.reading.pausing;
              if (!player.paused) expect(speaking || pausing, 'playing while speech runs').to.equal(true);
              if (status === 'idle' || status === 'ended' || status === 'error')
                expect(fake.current, `${status} with an utterance queued`).to.equal(undefined);
              const marked = Array.from(document.querySelectorAll('[data-aloud-current]'));
              const unit = player.store.snapshot.reading.paragraph;
              if (status === 'playing' || status === 'starting' || status === 'paused')
                expect(marked).to.deep.equal(unit ? [unit.element] : []);
              else expect(marked).to.deep.equal([]);
            }
            expect(thrown, 'no uncaught error').to.deep.equal([]);
          } finally {
            fixtureCleanup();
            fake.uninstall();
            localStorage.clear();
          }
        }),
        {
          numRuns: env.runs,
          ...(env.seed === undefined ? {} : { seed: env.seed }),
          ...(env.path ? { path: env.path } : {}),
        },
      );
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });
});

/**
 * The built page with real voices (speech-dispatcher and eSpeak-NG) in
 * Chromium and Firefox ESR, with what is heard recorded from the audio sink.
 * Run `test/real-voices/setup.sh` (as root, once) and `npm run build` first.
 *
 * Each test has its own speech-dispatcher and browser; one browser at a time.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AudioTap } from './audio-tap.ts';
import { laneEnv, openSession, type BrowserKind, type Session, type VoiceLogEntry } from './harness.ts';

const env = laneEnv();
let tap: AudioTap;
before(async () => {
  tap = await AudioTap.start(env);
});
after(() => tap?.stop());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for sound on the sink after `from`; returns when it began. */
async function soundAfter(from: number, timeoutMs: number, what: string): Promise<number> {
  const deadline = Date.now() + timeoutMs + 300; // the tap lags by a window or two
  for (;;) {
    const at = tap.firstSoundAfter(from);
    if (at !== null) return at;
    if (Date.now() > deadline) throw new Error(`No sound within ${timeoutMs} ms: ${what}`);
    await sleep(20);
  }
}

async function withSession(kind: BrowserKind, run: (session: Session) => Promise<void>): Promise<void> {
  const session = await openSession(kind, env);
  try {
    await run(session);
  } finally {
    await session.close();
  }
}

/** Voices listed, then K: resolves once the player plays and sound is heard. */
async function playWithVoices(session: Session): Promise<number> {
  await session.until((view) => view.voices > 0, 'the browser lists its voices', 30_000);
  const pressed = await session.press('k');
  await session.until((view) => view.status === 'Playing', '"Playing"');
  return soundAfter(pressed, 3000, 'after Play');
}

const spokenTexts = (log: readonly VoiceLogEntry[]) =>
  log.filter((entry) => entry.type === 'speak').map((entry) => entry.text ?? '');

for (const kind of ['chromium', 'firefox'] as const) {
  describe(`real voices in ${kind}`, { timeout: 240_000 }, () => {
    it('K pauses (silent within 500 ms) and K resumes (sound within 1 s) from the same sentence or later, the status true', async () => {
      await withSession(kind, async (session) => {
        const heard = await playWithVoices(session);
        await sleep(Math.max(0, heard + 1200 - Date.now()));
        const spokenBefore = spokenTexts(await session.log());
        const paused = await session.press('k');
        await session.until((view) => view.paused && view.status === 'Paused', '"Paused"', 2000);
        await sleep(2000);
        const lastSound = tap.lastSoundBefore(paused + 2000) ?? 0;
        assert.ok(lastSound - paused <= 500, `sound ${lastSound - paused} ms after K`);
        assert.equal(tap.soundBetween(paused + 600, paused + 2000), false, 'silent while paused');
        assert.equal((await session.view()).status, 'Paused');

        const resumed = await session.press('k');
        const back = await soundAfter(resumed, 1000, 'after the second K');
        assert.ok(back - resumed <= 1000, `sound ${back - resumed} ms after K`);
        await session.until((view) => view.status === 'Playing' && !view.paused, '"Playing" again', 2000);
        const log = await session.log();
        const spokenAfter = spokenTexts(log).slice(spokenBefore.length);
        const current = spokenBefore.at(-1) ?? '';
        assert.ok(spokenAfter.length > 0, 'something was spoken after resume');
        // Spoken on from the sentence, or from a word of it (a suffix), never an earlier one.
        assert.ok(current.endsWith(spokenAfter[0] ?? '\u0000'), `resumed with "${spokenAfter[0]}" after "${current}"`);
        console.log(
          `# ${kind}: pause silent ${lastSound - paused} ms after K; resume sound ${back - resumed} ms after K`,
        );
      });
    });

    it('L and J skip paragraphs while reading, with sound within 1 s', async () => {
      await withSession(kind, async (session) => {
        await playWithVoices(session);
        const start = (await session.view()).paragraph;
        await sleep(800);
        const next = await session.press('l');
        await session.until((view) => view.paragraph === start + 1, 'the next paragraph');
        const nextSound = await soundAfter(next + 150, 1000, 'after L');
        await sleep(800);
        const previous = await session.press('j');
        await session.until((view) => view.paragraph === start, 'the previous paragraph');
        const previousSound = await soundAfter(previous + 150, 1000, 'after J');
        const view = await session.view();
        assert.equal(view.status, 'Playing');
        const log = await session.log();
        // One cancel per press, no more.
        assert.equal(log.filter((entry) => entry.type === 'cancel').length, 2);
        console.log(`# ${kind}: L to sound ${nextSound - next} ms, J to sound ${previousSound - previous} ms`);
      });
    });

    it('speed changes keep the place: three quick > presses, the next sentence at the new speed, no restart', async () => {
      // Neither browser reports word boundaries through speech-dispatcher, so
      // the place within a sentence is unknown: the new speed waits for the next one.
      await withSession(kind, async (session) => {
        await playWithVoices(session);
        const before = await session.log();
        const paragraph = (await session.view()).paragraph;
        for (let index = 0; index < 3; index++) await session.press('>');
        await session.until((view) => view.rate === 1.75, 'speed 1.75');
        const deadline = Date.now() + 30_000;
        let log: VoiceLogEntry[] = [];
        while (Date.now() < deadline) {
          log = (await session.log()).slice(before.length);
          if (log.some((entry) => entry.type === 'start')) break;
          await sleep(100);
        }
        const spoken = log.filter((entry) => entry.type === 'speak');
        assert.ok(spoken.length >= 1, 'the next sentence was spoken');
        assert.ok(
          spoken.every((entry) => Math.abs((entry.rate ?? 0) - 1.75) < 0.01),
          JSON.stringify(spoken),
        );
        assert.equal(log.filter((entry) => entry.type === 'cancel').length, 0, 'no restart');
        assert.ok(!spokenTexts(before).includes(spoken[0]?.text ?? ''), 'on to a new sentence, none repeated');
        assert.ok((await session.view()).paragraph >= paragraph, 'the place kept');
        await soundAfter(Date.now() - 300, 1000, 'still speaking');
      });
    });

    it('Play pressed before the voices arrive: speech starts, and the browser voices are used once they come', async () => {
      await withSession(kind, async (session) => {
        const early = await session.view();
        const pressed = await session.press('k');
        await session.until((view) => view.voices > 0, 'the browser lists its voices', 30_000);
        // The browser's own voice speaks (speechSynthesis in use, heard on the sink).
        const deadline = Date.now() + 20_000;
        let started: VoiceLogEntry | undefined;
        while (!started && Date.now() < deadline) {
          started = (await session.log()).find((entry) => entry.type === 'start' && entry.at > pressed);
          await sleep(100);
        }
        assert.ok(started, 'a browser voice started speaking');
        await soundAfter(started.at - 100, 1500, 'the browser voice');
        const view = await session.view();
        assert.equal(view.paused, false);
        assert.equal(view.status === 'Playing' || view.status === "Using the browser's voice", true, view.status);
        console.log(
          `# ${kind}: voices listed at Play: ${early.voices}; first browser utterance ${started.at - pressed} ms after Play`,
        );
      });
    });

    it('reads the whole article in order to the end at 3×', { timeout: 400_000 }, async () => {
      await withSession(kind, async (session) => {
        await session.page.evaluate(`document.querySelector('aloud-player').playbackRate = 3`);
        const began = Date.now();
        await playWithVoices(session);
        const seen: number[] = [];
        const ended = await session.until(
          (view) => {
            if (seen.at(-1) !== view.paragraph) seen.push(view.paragraph);
            return view.status === 'Finished reading';
          },
          'the end of the article',
          360_000,
        );
        const count = ended.paragraphCount;
        assert.deepEqual(
          seen,
          Array.from({ length: count }, (_, index) => index),
          'every paragraph, in order',
        );
        const log = await session.log();
        assert.equal(log.filter((entry) => entry.type === 'cancel').length, 0, 'no cancel while reading through');
        assert.ok(log.every((entry) => entry.type !== 'speak' || entry.rate === 3));
        assert.equal(
          log.filter((entry) => entry.type === 'error').length,
          0,
          JSON.stringify(log.filter((e) => e.type === 'error')),
        );
        console.log(`# ${kind}: ${count} paragraphs at 3x in ${((Date.now() - began) / 1000).toFixed(0)} s`);
      });
    });
  });
}

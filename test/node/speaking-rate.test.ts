// How fast a voice really speaks: the watchdog's deadlines and the "rate ignored" finding, checked without a browser.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { SpeakingRate } from '../../src/core/speech/speaking-rate.ts';

/**
 * WebKitGTK 2.50.6's Flite voice `kal`, measured from `start` to `end` on a
 * PulseAudio null sink (real time): this sentence took 6.77 s and 7.06 s at
 * rate 1, and 6.85 s and 6.73 s at rate 3.
 */
const FLITE_SENTENCE = 'Some of the tens of thousands of people trapped in the city sent messages to the world.';
const FLITE_AT_1 = [6.77, 7.06];
const FLITE_AT_3 = [6.85, 6.73];

const sample = (rate: number, characters: number, seconds: number) => ({ rate, characters, seconds });

describe('SpeakingRate', () => {
  it('before anything is measured, allows 200 ms a character whatever the rate asked for (never less than 8 s)', () => {
    const rates = new SpeakingRate();
    assert.equal(rates.deadlineMs('kal', 1, 200), 40_000);
    assert.equal(rates.deadlineMs('kal', 3, 200), 40_000, 'a rate of 3 may be ignored: no shorter deadline');
    assert.equal(rates.deadlineMs('kal', 0.5, 200), 80_000, 'a slower rate gets longer');
    assert.equal(rates.deadlineMs('kal', 1, 5), 8000);
  });

  it('a voice that ignores the rate (Flite): found once, when 3× took as long as 1×', () => {
    const rates = new SpeakingRate();
    const characters = FLITE_SENTENCE.length;
    for (const seconds of FLITE_AT_1) {
      assert.equal(rates.record('kal', sample(1, characters, seconds)), false, 'one rate says nothing');
    }
    assert.equal(rates.record('kal', sample(3, characters, FLITE_AT_3[0] ?? 0)), true);
    assert.equal(rates.ignoresRate('kal'), true);
    assert.equal(rates.record('kal', sample(3, characters, FLITE_AT_3[1] ?? 0)), false, 'said once');
    assert.equal(rates.ignoresRate('slt'), false, 'other voices are measured on their own');
  });

  it('at 3× on a voice that ignores it, the deadline follows the measured time, not a third of it', () => {
    const rates = new SpeakingRate();
    const characters = FLITE_SENTENCE.length;
    const seconds = FLITE_AT_3[0] ?? 0;
    rates.record('kal', sample(3, characters, seconds));
    const deadline = rates.deadlineMs('kal', 3, characters * 2);
    assert.ok(deadline >= seconds * 2 * 1000 * 2, `twice the sentence gets at least twice its time (${deadline} ms)`);
  });

  it('a voice that honours the rate, even capped at 2×, is not reported', () => {
    const rates = new SpeakingRate();
    assert.equal(rates.record('google', sample(1, 100, 6)), false);
    assert.equal(rates.record('google', sample(1.5, 100, 4)), false);
    assert.equal(rates.record('google', sample(3, 100, 3)), false, 'capped at 2×: still honoured');
    assert.equal(rates.ignoresRate('google'), false);
  });

  it('measured at 3×, then slowed to 1×: the deadline grows by the rate, in case the voice honours it', () => {
    const rates = new SpeakingRate();
    rates.record('google', sample(3, 100, 2));
    assert.equal(rates.deadlineMs('google', 3, 100), 8000, '100 characters in 2 s, times 3: under the floor');
    assert.equal(rates.deadlineMs('google', 1, 300), 54_000, '300 characters at 60 ms a character, times 3');
  });

  it('ignores short or broken measurements: a pause, a zero time, a word of start-up noise', () => {
    const rates = new SpeakingRate();
    assert.equal(rates.record('kal', sample(1, 60, Number.NaN)), false);
    assert.equal(rates.record('kal', sample(1, 60, 0)), false);
    assert.equal(rates.record('kal', sample(1, 4, 0.5)), false);
    assert.equal(rates.record('kal', sample(3, 4, 0.5)), false, 'four characters say nothing about the rate');
    assert.equal(rates.ignoresRate('kal'), false);
  });
});

/**
 * Pacing, measured from the built-in voice's own PCM (the downloadable
 * rendering, which uses the same pauses as live speech): the silence after
 * the headline, between sentences and between paragraphs, as a careful
 * reader would leave them.
 */
import { expect } from '@open-wc/testing';
import { loadBuiltInEngine } from '../../src/core/speech/builtin/load.ts';
import { renderArticle } from '../../src/core/speech/builtin/render-article.ts';
import { grantUserActivation } from '../helpers/user-activation.ts';

/** The same threshold the engine uses: well under breath noise. */
const QUIET = 300;

/** Length in ms of the silent run of `pcm` around sample `at`. */
function silenceAround(pcm: Int16Array, at: number, sampleRate: number): number {
  let start = Math.min(at, pcm.length - 1);
  let end = start;
  while (start > 0 && Math.abs(pcm[start - 1] ?? 0) < QUIET) start--;
  while (end < pcm.length && Math.abs(pcm[end] ?? 0) < QUIET) end++;
  return ((end - start) / sampleRate) * 1000;
}

describe('built-in voice pacing (from its PCM)', function () {
  this.timeout(60_000);

  it('pauses about 800 ms after the headline, 250–350 ms between sentences and 600–800 ms between paragraphs', async () => {
    await grantUserActivation();
    const sentences = [
      { text: 'Desperate calls from Aleppo', lang: 'en', paragraphStart: true },
      { text: 'The shelling moved closer to the old city.', lang: 'en', paragraphStart: true },
      { text: 'Families gathered in the basements.', lang: 'en' },
      { text: 'Nobody knew what the morning would bring.', lang: 'en' },
      { text: 'By noon the streets were quiet again.', lang: 'en', paragraphStart: true },
      { text: 'Then the messages stopped.', lang: 'en' },
    ];
    const rendered = await renderArticle(sentences, { rate: 1, headline: true });
    const pcm = new Int16Array(rendered.wav.buffer, 44, (rendered.wav.byteLength - 44) / 2);
    const gaps = rendered.cues
      .slice(1)
      .map((cue) => silenceAround(pcm, Math.round(cue.start * rendered.sampleRate), rendered.sampleRate));
    /** The silence before cue `index`. */
    const before = (index: number) => gaps[index - 1] ?? 0;
    expect(before(1), 'after the headline').to.be.within(700, 850);
    // Cues 2 and 3 and cue 5 open sentences inside a paragraph; cue 4 opens a paragraph.
    for (const index of [2, 3, 5]) expect(before(index), `before sentence ${index}`).to.be.within(250, 350);
    expect(before(4), 'between paragraphs').to.be.within(600, 800);
  });
});

describe('built-in voice pacing while speaking (its scheduled audio)', function () {
  this.timeout(60_000);

  it('leaves the pause the controller asks for as silence in the audio between two utterances', async () => {
    await grantUserActivation();
    const engine = await loadBuiltInEngine();
    const sampleRate = engine.worker.sampleRate;
    /** Every buffer the engine schedules: when it starts (context time) and its samples. */
    const scheduled: Array<{ when: number; samples: Float32Array }> = [];
    const start = AudioBufferSourceNode.prototype.start;
    AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, when = 0, ...rest: number[]) {
      if (this.buffer) scheduled.push({ when, samples: this.buffer.getChannelData(0).slice() });
      return start.call(this, when, ...rest);
    };
    const ended = (id: number) =>
      new Promise<void>((resolve, reject) => {
        const off = engine.subscribe((event) => {
          if (!('utteranceId' in event) || event.utteranceId !== id) return;
          if (event.type === 'end') resolve();
          if (event.type === 'error') reject(new Error(event.code));
          if (event.type === 'end' || event.type === 'error') off();
        });
      });
    try {
      await ended(engine.speak({ text: 'The convoy left at dawn.', lang: 'en-US', rate: 1 }));
      const firstCount = scheduled.length;
      await ended(engine.speak({ text: 'Nobody waved.', lang: 'en-US', rate: 1, pauseBeforeMs: 700 }));
      const quiet = (value: number) => Math.abs(value) < 300 / 32768;
      const last = scheduled[firstCount - 1];
      const next = scheduled.slice(firstCount);
      expect(last && next.length > 0).to.equal(true);
      if (!last) return;
      // Silence = the first sentence's quiet tail, the wait before the next audio, and the next one's quiet head.
      let tail = 0;
      while (tail < last.samples.length && quiet(last.samples[last.samples.length - 1 - tail] ?? 1)) tail++;
      const lastEnd = last.when + last.samples.length / sampleRate;
      const audible = next.findIndex((buffer) => buffer.samples.some((value) => !quiet(value)));
      const speech = next[audible];
      if (!speech) throw new Error('the second sentence was never audible');
      let head = 0;
      while (head < speech.samples.length && quiet(speech.samples[head] ?? 1)) head++;
      const silenceMs = (tail / sampleRate + (speech.when - lastEnd) + head / sampleRate) * 1000;
      // Above 700 only if synthesising the second sentence took longer than the pause (a busy machine).
      expect(silenceMs).to.be.within(650, 900);
    } finally {
      AudioBufferSourceNode.prototype.start = start;
    }
  });
});

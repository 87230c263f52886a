/**
 * Pacing, measured from the built-in voice's own PCM (the downloadable
 * rendering, which uses the same pauses as live speech): the silence after
 * the headline, between sentences and between paragraphs, as a careful
 * reader would leave them.
 */
import { expect } from '@open-wc/testing';
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

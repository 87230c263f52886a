/**
 * <aloud-player> with the built-in voice (eSpeak-NG, real audio through Web
 * Audio): taking over where the browser cannot speak, saying so once,
 * captions that follow the words, and "Download audio" (WAV + WebVTT).
 */
import { expect, oneEvent } from '@open-wc/testing';
import { axeViolations } from '../helpers/axe.ts';
import { removeSpeechSynthesis } from '../helpers/fake-speech.ts';
import { articleWithPlayer, waitFor } from '../helpers/player-fixture.ts';
import { SPOKEN_IN_ORDER, button, openSettings, query, statusText, useFakeSpeech } from '../helpers/player-kit.ts';
import { grantUserActivation } from '../helpers/user-activation.ts';

describe('<aloud-player> with the built-in voice', function () {
  this.timeout(30_000);
  const speech = useFakeSpeech();
  let restore: (() => void) | undefined;
  // Chromium starts the AudioContext only after a user gesture, as for a listener pressing Play.
  before(grantUserActivation);
  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  /** Every status line shown, in order (a polite live region is read from these changes). */
  function recordStatus(shadow: ShadowRoot): string[] {
    const seen: string[] = [];
    const status = query(shadow, '[role="status"]');
    new MutationObserver(() => {
      const text = status.textContent?.trim() ?? '';
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(status, { childList: true, characterData: true, subtree: true });
    return seen;
  }

  it('with no speechSynthesis at all, reads with the built-in voice, says so once, and its captions move word by word', async () => {
    restore = removeSpeechSynthesis();
    const { player, shadow } = await articleWithPlayer({ engine: 'auto' });
    const statuses = recordStatus(shadow);
    const marks: string[] = [];
    // The captions line is re-rendered as a whole between states: watch the shadow root.
    new MutationObserver(() => {
      const mark = shadow.querySelector('[part="captions"] mark')?.textContent ?? '';
      if (mark && marks.at(-1) !== mark) marks.push(mark);
    }).observe(shadow, { childList: true, characterData: true, subtree: true });

    player.playbackRate = 2;
    await player.play();
    await waitFor(() => player.currentParagraph >= 2, 'reading reaches the second paragraph', 20_000);
    expect(player.paused).to.equal(false);
    expect(player.speech?.id).to.equal('built-in');
    // In reading order (a busy machine may render two quick words as one change, so not every word need show).
    const words = [
      'Test',
      'headline',
      'First',
      'paragraph',
      'with',
      'two',
      'sentences',
      'Here',
      'is',
      'the',
      'second',
      'one',
    ];
    expect(marks.length, marks.join(' ')).to.be.at.least(6);
    let position = -1;
    for (const mark of marks) {
      const next = words.indexOf(mark, position + 1);
      expect(next, `"${mark}" comes after the previous mark (${marks.join(' ')})`).to.be.greaterThan(position);
      position = next;
    }
    expect(statuses.filter((text) => /built-in voice/.test(text))).to.deep.equal(['Playing, with the built-in voice']);
    expect(query(shadow, '[role="alert"]').textContent?.trim()).to.equal('');
  });

  it("when the browser's speech fails (headless Chromium's synthesis-failed), switches without an error and keeps its place", async () => {
    const fake = speech({ mode: 'failing', stepMs: 1, voices: [{ name: 'Broken', lang: 'en-US', default: true }] });
    const { player, shadow } = await articleWithPlayer({ engine: 'auto' });
    const statuses = recordStatus(shadow);
    let errors = 0;
    player.addEventListener('error', () => errors++);
    player.currentParagraph = 2;
    await player.play();
    // Tried once more with the browser (a failure can be transient), then the built-in voice.
    expect(fake.spoken.map((utterance) => utterance.text)).to.deep.equal([
      'Second paragraph is short.',
      'Second paragraph is short.',
    ]);
    expect(player.currentParagraph).to.equal(2);
    const paragraph = oneEvent(player, 'paragraphchange');
    expect((await paragraph).detail.index).to.equal(3);
    expect(errors).to.equal(0);
    expect(fake.spoken, 'the browser is not asked again').to.have.length(2);
    await player.updateComplete;
    expect(statuses).to.include('Playing, with the built-in voice');
    expect(statusText(shadow)).to.not.match(/Loading/);
  });

  it('voices that come after Play take over from the built-in voice at the next sentence, said once', async () => {
    // The browser cannot speak yet (speech-dispatcher still starting): it fails, twice.
    const fake = speech({ mode: 'failing', stepMs: 1 });
    const { player, shadow } = await articleWithPlayer({ engine: 'auto' });
    const statuses = recordStatus(shadow);
    player.playbackRate = 2;
    await player.play();
    await waitFor(() => player.speech?.id === 'built-in', 'the built-in voice stands in');
    expect(fake.spoken.map((utterance) => utterance.text)).to.deep.equal(['Test headline', 'Test headline']);

    fake.mode = 'auto';
    fake.setVoices([{ name: 'Test English', lang: 'en-US', default: true }]);
    await waitFor(() => fake.spoken.length > 2, 'the browser speaks again', 20_000);
    expect(fake.spoken[2]?.text, 'from the next sentence').to.equal('First paragraph, with two sentences.');
    expect(fake.spoken[2]?.voice?.name).to.equal('Test English');
    await waitFor(() => fake.spoken.length > 4, 'it goes on reading');
    expect(statuses.filter((text) => text === "Using the browser's voice")).to.deep.equal([
      "Using the browser's voice",
    ]);
    expect(player.paused).to.equal(false);
    expect(await axeViolations(shadow.host.parentElement ?? document.body)).to.deep.equal([]);
  });

  it('pinned to web-speech (engine="web-speech"), reports the failure honestly instead', async () => {
    speech({ mode: 'failing', stepMs: 1 });
    const { player } = await articleWithPlayer({ engine: 'web-speech' });
    const failure = await player.play().then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).to.equal('Speech failed. Your place is kept; press Retry to try again.');
  });

  it("lists the built-in voices in the picker after the browser's", async () => {
    speech({ mode: 'manual', voices: [{ name: 'Test English', lang: 'en-US', default: true }] });
    const { player, shadow } = await articleWithPlayer({ engine: 'auto' });
    await waitFor(() => player.store.snapshot.reading.voices.length > 1, 'voices load');
    await openSettings(player, shadow);
    const options = Array.from(shadow.querySelectorAll('#settings-panel option'), (option) =>
      option.textContent?.trim(),
    );
    expect(options[1]).to.equal('Test English');
    expect(options.slice(2).every((name) => name?.includes('(built-in)'))).to.equal(true);
    expect(options.length).to.be.greaterThan(3);
  });

  it('"Download audio" renders the article to a WAV file and WebVTT captions, one cue per sentence, with a labelled progress bar', async () => {
    speech({ mode: 'manual', voices: [{ name: 'Test English', lang: 'en-US', default: true }] });
    const { root, player, shadow } = await articleWithPlayer({ engine: 'auto' });
    // More, then its "Download audio", which opens the settings at the download.
    query(shadow, '#more-button').click();
    await player.updateComplete;
    button(shadow, 'Download audio').click();
    await player.updateComplete;
    await waitFor(() => shadow.activeElement?.id === 'download-start', 'focus moves to the download');
    query(shadow, '#download-start').click();
    await player.updateComplete;
    const progress = query<HTMLProgressElement>(shadow, '#download-progress');
    expect(progress.labels?.[0]?.textContent?.trim()).to.equal('Preparing audio…');
    expect(statusText(shadow)).to.equal('Preparing audio…');
    expect(await axeViolations(root)).to.deep.equal([]);

    await waitFor(() => shadow.querySelector('#download-audio-link') !== null, 'the files are ready', 20_000);
    await player.updateComplete;
    expect(statusText(shadow)).to.equal('Audio ready to save.');
    expect(shadow.activeElement?.id, 'focus moves to the first link').to.equal('download-audio-link');
    const audioLink = query<HTMLAnchorElement>(shadow, '#download-audio-link');
    const captionsLink = query<HTMLAnchorElement>(shadow, '#download-captions-link');
    expect(audioLink.download).to.equal('test-headline.wav');
    expect(captionsLink.download).to.equal('test-headline.vtt');
    expect(await axeViolations(root)).to.deep.equal([]);

    const wav = new DataView(await (await fetch(audioLink.href)).arrayBuffer());
    const ascii = (offset: number) => String.fromCharCode(...new Uint8Array(wav.buffer, offset, 4));
    expect([ascii(0), ascii(8), ascii(12), ascii(36)]).to.deep.equal(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(wav.getUint32(24, true)).to.equal(22050);
    expect(wav.getUint32(40, true)).to.equal(wav.byteLength - 44);
    const seconds = wav.getUint32(40, true) / 2 / 22050;

    const vtt = await (await fetch(captionsLink.href)).text();
    expect(vtt.startsWith('WEBVTT\n')).to.equal(true);
    const cues = [...vtt.matchAll(/(\d\d:\d\d:\d\d\.\d{3}) --> (\d\d:\d\d:\d\d\.\d{3})\n(.+)\n/g)];
    expect(cues.map((cue) => cue[3])).to.deep.equal(SPOKEN_IN_ORDER);
    const toSeconds = (stamp: string) => stamp.split(':').reduce((total, part) => total * 60 + Number(part), 0);
    let previousEnd = 0;
    for (const [, start = '', end = ''] of cues) {
      expect(toSeconds(start)).to.be.at.least(previousEnd);
      expect(toSeconds(end)).to.be.greaterThan(toSeconds(start));
      previousEnd = toSeconds(end);
    }
    expect(previousEnd).to.be.closeTo(seconds, 0.01);
  });

  it('a download can be cancelled, and focus returns to the Download button', async () => {
    speech({ mode: 'manual', voices: [{ name: 'Test English', lang: 'en-US', default: true }] });
    const { player, shadow } = await articleWithPlayer({ engine: 'auto' });
    // More, then its "Download audio", which opens the settings at the download.
    query(shadow, '#more-button').click();
    await player.updateComplete;
    button(shadow, 'Download audio').click();
    await player.updateComplete;
    await waitFor(() => shadow.activeElement?.id === 'download-start', 'focus moves to the download');
    query(shadow, '#download-start').click();
    await player.updateComplete;
    button(shadow, 'Cancel download').click();
    await player.updateComplete;
    expect(shadow.querySelector('#download-progress')).to.equal(null);
    expect(statusText(shadow)).to.equal('Download cancelled.');
    await waitFor(() => shadow.activeElement?.id === 'download-start', 'focus is on Download audio');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(shadow.querySelector('#download-audio-link'), 'a cancelled download never offers files').to.equal(null);
  });
});

/**
 * Load, asserted structurally rather than timed (timings live in
 * bench/load.ts): on a 10,000-paragraph article a paragraph change toggles
 * one attribute off and one on, and a word boundary changes no DOM at all;
 * reading a whole article three times leaves listeners, highlights and
 * marked paragraphs where one read left them.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { AloudPlayer } from '../../src/elements/aloud-player/aloud-player.ts';
import { articleWithPlayer, waitFor } from '../helpers/player-fixture.ts';
import { playConfirmed, settle, untilSpoken, useFakeSpeech } from '../helpers/player-kit.ts';

/** Live listeners added on window, document and nodes (not utterances) while installed. */
function trackListeners(): { live: () => number; restore: () => void } {
  const proto = EventTarget.prototype;
  const { addEventListener: add, removeEventListener: remove } = proto;
  const live = new Map<EventTarget, Set<string>>();
  const key = (type: string, listener: unknown, options: unknown) =>
    `${type}|${typeof options === 'boolean' ? options : Boolean((options as { capture?: boolean } | undefined)?.capture)}|${listenerId(listener)}`;
  const ids = new WeakMap<object, number>();
  let next = 0;
  const listenerId = (listener: unknown) => {
    if (typeof listener !== 'object' && typeof listener !== 'function') return 'none';
    if (listener === null) return 'none';
    if (!ids.has(listener)) ids.set(listener, ++next);
    return String(ids.get(listener));
  };
  const tracked = (target: EventTarget) => target === window || target instanceof Node;
  proto.addEventListener = function (
    this: EventTarget,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    if (tracked(this) && listener)
      (live.get(this) ?? live.set(this, new Set()).get(this))?.add(key(type, listener, options));
    add.call(this, type, listener, options);
  };
  proto.removeEventListener = function (
    this: EventTarget,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ) {
    live.get(this)?.delete(key(type, listener, options));
    remove.call(this, type, listener, options);
  };
  return {
    live: () => [...live.values()].reduce((sum, set) => sum + set.size, 0),
    restore: () => {
      proto.addEventListener = add;
      proto.removeEventListener = remove;
    },
  };
}

describe('<aloud-player> under load (structure, not timing)', () => {
  const speech = useFakeSpeech();

  it('on a 10,000-paragraph article, a paragraph change toggles one attribute off and one on, and a word changes no DOM', async () => {
    const fake = speech({ mode: 'manual', voices: [{ name: 'Test English', lang: 'en-US', default: true }] });
    const root = await fixture<HTMLElement>(
      html`<main>
        <article id="big" lang="en">
          <h1>Ten thousand paragraphs</h1>
          <aloud-player for="big" engine="web-speech"></aloud-player>
        </article>
      </main>`,
    );
    const article = root.querySelector('article') as HTMLElement;
    const paragraphs = Array.from({ length: 10_000 }, (_, index) => {
      const paragraph = document.createElement('p');
      paragraph.textContent = `Paragraph ${index + 1} says one thing. Then it says another.`;
      return paragraph;
    });
    article.append(...paragraphs);
    const player = root.querySelector('aloud-player') as AloudPlayer;
    // The player indexed the article before the paragraphs came; have it read them (as a settings change does).
    player.for = '';
    player.for = 'big';
    await waitFor(() => player.paragraphCount === 10_001, 'the player indexes 10,000 paragraphs', 20_000);
    await player.updateComplete;

    player.currentParagraph = 5000;
    await playConfirmed(player, fake);
    await player.updateComplete;
    const observer = new MutationObserver(() => undefined);
    observer.observe(article, { subtree: true, attributes: true, childList: true, characterData: true });
    for (let step = 0; step < 20; step++) {
      player.next();
      fake.start();
      const records = observer.takeRecords();
      expect(
        records.map((record) => `${record.type} ${record.attributeName}`),
        `next #${step}`,
      ).to.deep.equal(['attributes data-aloud-current', 'attributes data-aloud-current']);
      fake.boundary(0, 9);
      fake.boundary(10, 6);
      await player.updateComplete;
      expect(observer.takeRecords(), 'word highlights and re-renders leave the article alone').to.deep.equal([]);
    }
    observer.disconnect();
    expect(document.querySelectorAll('[data-aloud-current]')).to.have.length(1);
    expect(player.currentParagraph).to.equal(5020);
  }).timeout(30_000);

  it('reading the whole article three times leaves listeners, highlights and marks bounded', async () => {
    const fake = speech({ mode: 'auto', stepMs: 1, voices: [{ name: 'Test English', lang: 'en-US', default: true }] });
    const { player } = await articleWithPlayer();
    const listeners = trackListeners();
    try {
      const after: Array<{ listeners: number; highlights: number; ranges: number; marked: number }> = [];
      for (let read = 0; read < 3; read++) {
        const spoken = fake.spoken.length;
        await player.play();
        await waitFor(() => player.store.snapshot.playback.status === 'ended', `read ${read + 1} ends`, 5000);
        await untilSpoken(fake, spoken + 5);
        await settle();
        after.push({
          listeners: listeners.live(),
          highlights: CSS.highlights.size,
          ranges: CSS.highlights.get('aloud-word')?.size ?? 0,
          marked: document.querySelectorAll('[data-aloud-current]').length,
        });
      }
      expect(fake.spoken).to.have.length(15);
      expect(after[2], 'three reads leave what one read left').to.deep.equal(after[0]);
      expect(after[0]?.listeners, 'no listener is left behind by reading').to.equal(0);
      expect(after[0]?.highlights).to.be.at.most(1);
      expect(after[0]?.ranges).to.be.at.most(1);
      expect(after[0]?.marked).to.equal(0);
      expect(fake.speaking, 'no utterance left queued').to.equal(false);
    } finally {
      listeners.restore();
    }
  });
});

/**
 * The player's shell: preferences shared by every player on a page, a player
 * that lets go of everything when removed and works again when moved, and a
 * Media Session written only when what it shows changes.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/aloud.ts';
import type { AloudPlayer } from '../../src/elements/aloud-player/aloud-player.ts';
import { articleWithPlayer, waitFor } from '../helpers/player-fixture.ts';
import {
  PREFERENCES_KEY,
  currentElements,
  openSettings,
  playConfirmed,
  query,
  speedShown,
  spokenTexts,
  untilSpoken,
  useFakeSpeech,
} from '../helpers/player-kit.ts';

async function twoPlayers() {
  const root = await fixture<HTMLElement>(html`
    <div>
      <article id="one" lang="en">
        <h2>First story</h2>
        <aloud-player for="one" engine="web-speech"></aloud-player>
        <p>The first story has one paragraph.</p>
      </article>
      <article id="two" lang="en">
        <h2>Second story</h2>
        <aloud-player for="two" engine="web-speech"></aloud-player>
        <p>The second story has one paragraph too.</p>
      </article>
    </div>
  `);
  const [first, second] = Array.from(root.querySelectorAll('aloud-player')) as [AloudPlayer, AloudPlayer];
  await waitFor(() => first.paragraphCount > 0 && second.paragraphCount > 0, 'both players index their article');
  await Promise.all([first.updateComplete, second.updateComplete]);
  return { first, second };
}

function highlightBox(player: AloudPlayer): HTMLInputElement {
  const label = Array.from(player.shadowRoot!.querySelectorAll('#settings-panel label')).find(
    (candidate) => candidate.textContent?.trim() === 'Highlight the words being read',
  );
  const box = label?.querySelector('input');
  if (!box) throw new Error('No highlight checkbox');
  return box;
}

/** Counts listeners added and removed on window and document, by event type. */
function countListeners() {
  const counts = new Map<string, number>();
  const restore: Array<() => void> = [];
  for (const target of [window, document] as EventTarget[]) {
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    target.addEventListener = (
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: unknown,
    ) => {
      counts.set(type, (counts.get(type) ?? 0) + 1);
      add(type, listener, options as AddEventListenerOptions);
    };
    target.removeEventListener = (
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: unknown,
    ) => {
      counts.set(type, (counts.get(type) ?? 0) - 1);
      remove(type, listener, options as EventListenerOptions);
    };
    restore.push(() => {
      delete (target as Partial<EventTarget>).addEventListener;
      delete (target as Partial<EventTarget>).removeEventListener;
    });
  }
  return {
    net: (type: string) => counts.get(type) ?? 0,
    restore: () => restore.forEach((undo) => undo()),
  };
}

describe('<aloud-player> shell', () => {
  const speech = useFakeSpeech();

  it('two players share the preferences: a change in one never undoes a change made in the other', async () => {
    speech({ mode: 'manual' });
    const { first, second } = await twoPlayers();
    await openSettings(first, first.shadowRoot!);
    highlightBox(first).click();
    const speed = query<HTMLSelectElement>(second.shadowRoot!, 'select[part="speed"]');
    speed.value = '1.5';
    speed.dispatchEvent(new Event('change'));
    await second.updateComplete;
    expect(JSON.parse(localStorage.getItem(PREFERENCES_KEY) ?? '{}')).to.include({ highlight: false, rate: 1.5 });
    // The first player follows the speed chosen in the second, and shows it.
    expect(first.playbackRate).to.equal(1.5);
    await first.updateComplete;
    expect(speedShown(first.shadowRoot!)).to.equal(1.5);

    // "Reload": a new player starts with both choices.
    fixtureCleanup();
    const fake = speech({ mode: 'manual' });
    const { player, shadow } = await articleWithPlayer();
    expect(player.playbackRate).to.equal(1.5);
    await playConfirmed(player, fake);
    expect(currentElements(), 'highlighting stays off').to.deep.equal([]);
    await openSettings(player, shadow);
    expect(highlightBox(player).checked).to.equal(false);
  });

  it('follows a change saved by another tab (the storage event)', async () => {
    speech({ mode: 'manual' });
    const { player, shadow } = await articleWithPlayer();
    await openSettings(player, shadow);
    expect(highlightBox(player).checked).to.equal(true);
    const stored = JSON.stringify({ highlight: false, rate: 2 });
    localStorage.setItem(PREFERENCES_KEY, stored);
    window.dispatchEvent(new StorageEvent('storage', { key: PREFERENCES_KEY, newValue: stored }));
    await player.updateComplete;
    expect(highlightBox(player).checked).to.equal(false);
    expect(player.playbackRate).to.equal(2);
  });

  it('ten players added, played and removed leave no listener behind', async () => {
    const fake = speech({ mode: 'manual' });
    const listeners = countListeners();
    try {
      for (let round = 0; round < 10; round++) {
        const { player } = await articleWithPlayer();
        await playConfirmed(player, fake);
        fixtureCleanup();
        await waitFor(() => player.paused, 'the removed player stops');
      }
      expect(fake.listenerCount('voiceschanged'), 'speechSynthesis listeners').to.equal(0);
      for (const type of ['pagehide', 'scroll', 'keydown', 'click', 'storage']) {
        expect(listeners.net(type), `${type} listeners left on window and document`).to.equal(0);
      }
      expect(navigator.mediaSession.metadata, 'the Media Session is released').to.equal(null);
    } finally {
      listeners.restore();
    }
  });

  it('a player moved in the page reads again, from where it was', async () => {
    const fake = speech({ mode: 'manual' });
    const { root, player } = await articleWithPlayer();
    player.currentParagraph = 2;
    root.querySelector('footer')!.append(player);
    await waitFor(() => player.paragraphCount > 0, 'the moved player indexes the article again');
    expect(player.currentParagraph).to.equal(2);
    await playConfirmed(player, fake);
    expect(spokenTexts(fake).at(-1)).to.equal('Second paragraph is short.');
    expect(player.paused).to.equal(false);
  });

  it('writes the Media Session when its title or state changes, not once per word', async () => {
    const fake = speech({ mode: 'manual' });
    const session = navigator.mediaSession;
    const writes = { handlers: 0, metadata: 0, state: 0 };
    const setHandler = session.setActionHandler.bind(session);
    session.setActionHandler = (action, handler) => {
      writes.handlers++;
      setHandler(action, handler);
    };
    const metadata = Object.getOwnPropertyDescriptor(MediaSession.prototype, 'metadata')!;
    const state = Object.getOwnPropertyDescriptor(MediaSession.prototype, 'playbackState')!;
    Object.defineProperty(session, 'metadata', {
      configurable: true,
      get: () => metadata.get!.call(session),
      set: (value) => {
        writes.metadata++;
        metadata.set!.call(session, value);
      },
    });
    Object.defineProperty(session, 'playbackState', {
      configurable: true,
      get: () => state.get!.call(session),
      set: (value) => {
        writes.state++;
        state.set!.call(session, value);
      },
    });
    try {
      const { player } = await articleWithPlayer();
      await playConfirmed(player, fake);
      const before = { ...writes };
      fake.end();
      await untilSpoken(fake, 2);
      fake.start();
      // "First paragraph, with two sentences." word by word.
      for (const index of [0, 6, 17, 21, 25]) fake.boundary(index, 3);
      await player.updateComplete;
      expect(writes, 'nothing rewritten while a paragraph is read').to.deep.equal(before);
      player.pause();
      await waitFor(() => player.paused, 'paused');
      expect(writes.state - before.state, 'one playback-state write for the pause').to.equal(1);
      expect(writes.handlers, 'four action handlers, set once').to.equal(4);
      expect(writes.metadata, 'the title, written once').to.equal(1);
    } finally {
      delete (session as Partial<MediaSession>).setActionHandler;
      delete (session as Partial<MediaSession>).metadata;
      delete (session as Partial<MediaSession>).playbackState;
    }
  });
});

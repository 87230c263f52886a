// One player's store and the page's preferences owner, without a browser.
import { strict as assert } from 'node:assert';
import { beforeEach, describe, it } from 'node:test';
import { messageText } from '../../src/core/i18n/messages.ts';
import { PlaybackNews } from '../../src/core/player/playback-news.ts';
import { PlayerStore, type PlaybackPort } from '../../src/core/player/player-store.ts';
import { regionName, type PlayerSnapshot } from '../../src/core/player/snapshot.ts';
import { initialState, type PlaybackEvent, type PlaybackState } from '../../src/core/playback/state.ts';
import { transition } from '../../src/core/playback/transition.ts';
import { PagePreferences, type Preferences } from '../../src/core/storage/preferences.ts';

/** The pure machine behind a port, as the controller runs it (without speech). */
class MachinePort implements PlaybackPort {
  state: PlaybackState = transition(initialState, { type: 'load', utteranceCounts: [1, 2, 1] }).state;
  onChange: (previous: PlaybackState, next: PlaybackState) => void = () => undefined;
  dispatch(event: PlaybackEvent): void {
    const previous = this.state;
    this.state = transition(previous, event).state;
    if (this.state !== previous) this.onChange(previous, this.state);
  }
}

function storeWithMachine() {
  const saved: Array<Partial<Preferences>> = [];
  const events: string[] = [];
  const store = new PlayerStore(new MachinePort(), {
    savePreferences: (patch) => saved.push(patch),
    onMediaEvent: (type) => events.push(type),
  });
  const port = new MachinePort();
  const news = new PlaybackNews(store);
  port.onChange = (previous, next) => news.playbackChanged(previous, next);
  store.attach(port, () => ({
    article: null,
    paragraph: null,
    sentence: null,
    word: null,
    voices: [],
    pausing: false,
  }));
  return { store, port, saved, events };
}

describe('PlayerStore', () => {
  it('hands playback intents to the playback and publishes a new frozen snapshot', () => {
    const { store } = storeWithMachine();
    const seen: PlayerSnapshot[] = [];
    store.subscribe((next) => seen.push(next));
    store.dispatch({ type: 'toggle' });
    assert.equal(store.snapshot.playback.status, 'starting');
    assert.ok(Object.isFrozen(store.snapshot));
    assert.ok(seen.length > 0);
    assert.equal(seen.at(-1), store.snapshot);
  });

  it('announces and saves a speed the listener chose, but not one restored from the preferences', () => {
    const { store, saved, events } = storeWithMachine();
    store.restoreRate(1.25);
    assert.equal(store.snapshot.playback.rate, 1.25);
    assert.equal(store.snapshot.status, null, 'a restored rate is not news');
    assert.deepEqual(saved, []);
    store.dispatch({ type: 'faster' });
    assert.equal(store.snapshot.playback.rate, 1.5);
    assert.deepEqual(store.snapshot.status, { key: 'speed', rate: 1.5 });
    assert.equal(messageText(store.snapshot.status!, 'en'), 'Speed 1.5×');
    assert.deepEqual(saved, [{ rate: 1.5 }]);
    assert.deepEqual(events, ['ratechange', 'ratechange']);
  });

  it('keeps messages as descriptors: "Playing" once the engine confirms, the error cleared', () => {
    const { store, port, events } = storeWithMachine();
    store.fail({ key: 'noArticle' });
    store.dispatch({ type: 'play' });
    port.dispatch({ type: 'engine-start', token: port.state.token });
    assert.deepEqual(store.snapshot.status, { key: 'playing' });
    assert.equal(store.snapshot.error, null);
    assert.deepEqual(events, ['play']);
  });

  it('opens and closes the settings and the shortcuts dialog', () => {
    const { store } = storeWithMachine();
    store.dispatch({ type: 'settings', open: true });
    store.dispatch({ type: 'shortcuts', open: true });
    assert.deepEqual([store.snapshot.ui.settingsOpen, store.snapshot.ui.shortcutsOpen], [true, true]);
    store.dispatch({ type: 'settings', open: false });
    assert.equal(store.snapshot.ui.settingsOpen, false);
  });

  it('leaves other intents to the handlers that claim them', () => {
    const { store } = storeWithMachine();
    const handled: string[] = [];
    const stop = store.handle((intent) => intent.type === 'back-to-current' && handled.push(intent.type) > 0);
    store.dispatch({ type: 'back-to-current' });
    stop();
    store.dispatch({ type: 'back-to-current' });
    assert.deepEqual(handled, ['back-to-current']);
  });

  it('names the region after the headline, numbered only when another player reads an equal one', () => {
    const { store } = storeWithMachine();
    const name = () =>
      regionName(
        store.snapshot,
        (headline) => `Listen: ${headline}`,
        () => 'Listen to this article',
        String,
      );
    assert.equal(name(), 'Listen to this article');
    store.set({ headline: 'Rain in May' });
    assert.equal(name(), 'Listen: Rain in May');
    store.set({ headlineNumber: 2 });
    assert.equal(name(), 'Listen: Rain in May (2)');
  });
});

describe('PagePreferences', () => {
  const KEY = 'aloud:preferences:v1';
  const stored = new Map<string, string>();
  const events = new EventTarget();
  beforeEach(() => {
    stored.clear();
    Object.assign(globalThis, {
      localStorage: {
        getItem: (key: string) => stored.get(key) ?? null,
        setItem: (key: string, value: string) => stored.set(key, value),
        removeItem: (key: string) => stored.delete(key),
      },
      addEventListener: events.addEventListener.bind(events),
      removeEventListener: events.removeEventListener.bind(events),
    });
  });

  it('applies each change as a patch over what is stored now, so no player writes a stale copy', () => {
    const page = new PagePreferences();
    page.update({ highlight: false });
    // Another writer (a second tab) saved a speed meanwhile.
    stored.set(KEY, JSON.stringify({ ...JSON.parse(stored.get(KEY)!), rate: 2 }));
    page.update({ followAlong: false });
    assert.deepEqual(JSON.parse(stored.get(KEY)!), {
      rate: 2,
      voiceId: null,
      readCaptions: false,
      highlight: false,
      followAlong: false,
      pageShortcuts: true,
    });
  });

  it('ignores values that do not validate', () => {
    const page = new PagePreferences();
    page.update({ rate: 1e9 as number, highlight: 'no' as unknown as boolean });
    assert.equal(page.current.rate, 1);
    assert.equal(page.current.highlight, true);
  });

  it('tells every subscriber, follows the storage event, and stops listening when nobody subscribes', () => {
    const page = new PagePreferences();
    const heard: Preferences[] = [];
    const stop = page.subscribe((next) => heard.push(next));
    page.update({ rate: 1.5 });
    stored.set(KEY, JSON.stringify({ rate: 2 }));
    events.dispatchEvent(Object.assign(new Event('storage'), { key: KEY }));
    assert.deepEqual(
      heard.map((preferences) => preferences.rate),
      [1.5, 2],
    );
    stop();
    stored.set(KEY, JSON.stringify({ rate: 3 }));
    events.dispatchEvent(Object.assign(new Event('storage'), { key: KEY }));
    assert.equal(heard.length, 2, 'no longer listening');
  });
});

describe('PlaybackNews', () => {
  it('says the built-in voice is loading at most every two seconds', () => {
    const { store } = storeWithMachine();
    let now = 0;
    const news = new PlaybackNews(store, () => now);
    const said: string[] = [];
    store.subscribe((next, previous) => {
      if (next.status !== previous.status && next.status) said.push(messageText(next.status, 'en'));
    });
    for (const [at, progress] of [
      [0, 0],
      [50, 0.1],
      [120, 0.35],
      [250, 0.6],
      [2100, 0.8],
      [2200, 0.95],
      [2300, 1],
    ] as const) {
      now = at;
      news.engineNotice({ type: 'loading', engine: 'built-in', progress });
    }
    assert.deepEqual(said, ['Loading voice… 0%', 'Loading voice… 80%']);
  });

  it('says the fastest speed instead of nothing when Faster is pressed at 3×', () => {
    const { store } = storeWithMachine();
    store.restoreRate(3);
    store.dispatch({ type: 'faster' });
    assert.equal(messageText(store.snapshot.status!, 'en'), 'Fastest speed, 3×');
    store.restoreRate(0.5);
    store.dispatch({ type: 'slower' });
    assert.equal(messageText(store.snapshot.status!, 'en'), 'Slowest speed, 0.5×');
  });
});

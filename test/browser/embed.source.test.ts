/**
 * `src="article.json"` (an article that is not on the page) and the ways an
 * embed can find nothing to read. Every failure must be the same honest
 * shape: a message in the player, Play disabled, one `error` event, one
 * console warning for the developer, and no uncaught exception.
 */
import { expect, fixture } from '@open-wc/testing';
import '../../src/aloud.ts';
import type { AloudPlayer } from '../../src/elements/aloud-player/aloud-player.ts';
import { watchTimings } from '../../src/elements/aloud-player/article-watcher.ts';
import type { PlayerErrorEvent } from '../../src/elements/aloud-player/events.ts';
import { waitFor } from '../helpers/player-fixture.ts';
import { button, playConfirmed, query, settle, spokenTexts, useFakeSpeech } from '../helpers/player-kit.ts';

const FIXTURES = new URL('../fixtures/embed/', import.meta.url).href;

declare global {
  interface Window {
    __pwned?: boolean;
  }
}

interface Watched {
  readonly warnings: string[];
  readonly uncaught: string[];
  readonly errorEvents: string[];
  restore(): void;
}

/** Records console.warn, uncaught errors and rejections, and the player's error events. */
function watch(): Watched {
  const warnings: string[] = [];
  const uncaught: string[] = [];
  const errorEvents: string[] = [];
  const originalWarn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  const onError = (event: ErrorEvent) => uncaught.push(event.message);
  const onRejection = (event: PromiseRejectionEvent) => uncaught.push(String(event.reason));
  const onPlayerError = (event: Event) => errorEvents.push((event as PlayerErrorEvent).detail.message);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  document.addEventListener('error', onPlayerError, true);
  return {
    warnings,
    uncaught,
    errorEvents,
    restore() {
      console.warn = originalWarn;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      document.removeEventListener('error', onPlayerError, true);
    },
  };
}

function alertText(player: AloudPlayer): string {
  return player.shadowRoot?.querySelector('[role="alert"] p')?.textContent?.trim() ?? '';
}

async function expectFailure(markup: string, message: string): Promise<{ player: AloudPlayer; watched: Watched }> {
  const watched = watch();
  try {
    const root = await fixture<HTMLElement>(markup);
    const player = root.querySelector('aloud-player') as AloudPlayer;
    await waitFor(() => alertText(player) !== '', 'the player reports', 5000);
    await player.updateComplete;
    await settle(50);
    expect(alertText(player)).to.equal(message);
    expect(button(player.shadowRoot as ShadowRoot, 'Play').disabled, 'Play is disabled').to.equal(true);
    expect(player.paragraphCount).to.equal(0);
    expect(watched.errorEvents).to.deep.equal([message]);
    expect(watched.warnings, watched.warnings.join('\n')).to.have.length(1);
    expect(watched.warnings[0]).to.contain(message);
    expect(watched.uncaught).to.deep.equal([]);
    return { player, watched };
  } finally {
    watched.restore();
  }
}

describe('embedding: src="article.json"', () => {
  const speech = useFakeSpeech();

  it('renders the article as semantic light-DOM HTML after the player, and reads it', async () => {
    const fake = speech({ mode: 'auto', stepMs: 1 });
    const root = await fixture<HTMLElement>(`<div><aloud-player src="${FIXTURES}article.json"></aloud-player></div>`);
    const player = root.querySelector('aloud-player') as AloudPlayer;
    await waitFor(() => player.paragraphCount > 0, 'the fetched article is indexed', 5000);

    const article = player.nextElementSibling as HTMLElement;
    expect(article.localName).to.equal('article');
    expect(article.lang).to.equal('en');
    expect(query(article, 'h2').textContent).to.equal('A Small Harbour Reopens');
    expect(query(article, 'time').getAttribute('datetime')).to.equal('2024-05-02');
    expect(query(article, 'figure figcaption').textContent).to.equal('Boats back in the harbour.');
    // Text, never markup: the html field is ignored and tags in the text stay text.
    expect(article.querySelector('img, b, em')).to.equal(null);
    expect(article.textContent).to.contain('Fishers <b>cheered</b> & sang.');
    expect(window.__pwned).to.equal(undefined);

    await player.play();
    await waitFor(() => player.paused && spokenTexts(fake).length === 3, 'reading ends', 5000);
    expect(spokenTexts(fake)).to.deep.equal([
      'A Small Harbour Reopens',
      'The harbour reopened on Monday.',
      'Fishers <b>cheered</b> & sang.',
    ]);
    const region = query(player.shadowRoot as ShadowRoot, '[part="region"]');
    expect(region.getAttribute('aria-label')).to.equal('Listen: A Small Harbour Reopens');
  });

  it('replaces its rendered article when src changes, rather than adding another', async () => {
    const fake = speech({ mode: 'manual' });
    const root = await fixture<HTMLElement>(`<div><aloud-player src="${FIXTURES}article.json"></aloud-player></div>`);
    const player = root.querySelector('aloud-player') as AloudPlayer;
    await waitFor(() => player.paragraphCount === 3, 'indexed', 5000);
    await playConfirmed(player, fake);
    player.src = `${FIXTURES}article.json?again`;
    await waitFor(
      () => player.paragraphCount === 3 && root.querySelectorAll('article').length === 1 && player.paused,
      'reloaded',
      5000,
    );
    expect(root.querySelectorAll('article[data-aloud-source]')).to.have.length(1);
  });

  for (const [name, file] of [
    ['answers 404', 'missing.json'],
    ['is not JSON', 'not-json.json'],
    ['is JSON of the wrong shape', 'wrong-shape.json'],
  ] as const) {
    it(`says "Couldn't load the article." when the file ${name}`, async () => {
      speech({ mode: 'manual' });
      const { player, watched } = await expectFailure(
        `<div><aloud-player src="${FIXTURES}${file}"></aloud-player></div>`,
        "Couldn't load the article.",
      );
      expect(player.nextElementSibling, 'nothing is rendered').to.equal(null);
      expect(watched.warnings[0]).to.contain(file);
    });
  }
});

describe('embedding: nothing to read', () => {
  const speech = useFakeSpeech();

  it(`says "Can't find the article to read." when for names no element`, async () => {
    speech({ mode: 'manual' });
    await expectFailure(
      `<div><article><p>Text.</p></article><aloud-player for="no-such-id"></aloud-player></div>`,
      "Can't find the article to read.",
    );
  });

  it('says "Nothing to read here." for an article without readable text, once it has waited for it', async () => {
    speech({ mode: 'manual' });
    // An empty article may still be rendering: the player waits for it (see embed.publishers), here briefly.
    const waitMs = watchTimings.waitMs;
    watchTimings.waitMs = 200;
    try {
      await expectFailure(
        `<div><article id="empty"><div class="photo"></div><nav><p>Only navigation.</p></nav></article>
        <aloud-player for="empty"></aloud-player></div>`,
        'Nothing to read here.',
      );
    } finally {
      watchTimings.waitMs = waitMs;
    }
  });
});

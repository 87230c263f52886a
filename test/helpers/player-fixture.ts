/**
 * Builds a small article page with a player, the way a host page would, and
 * waits until the player has indexed it.
 */
import { fixture, html } from '@open-wc/testing';
import '../../src/aloud.ts';
import { waitFor } from './wait.ts';
import type { AloudPlayer } from '../../src/elements/aloud-player/aloud-player.ts';

export const PARAGRAPHS = [
  'First paragraph, with two sentences. Here is the second one.',
  'Second paragraph is short.',
  'Third paragraph closes the story.',
];

/**
 * `engine` defaults to `web-speech`: these suites drive the player through the
 * fake `speechSynthesis`, failures included, so the built-in fallback must not
 * take over. Tests of the fallback pass `auto` (the player's own default).
 */
export async function articleWithPlayer(
  attributes: { shortcuts?: 'page' | 'player'; engine?: 'auto' | 'web-speech' | 'built-in' } = {},
) {
  const root = await fixture<HTMLElement>(html`
    <main>
      <article id="story" lang="en">
        <h1>Test headline</h1>
        <aloud-player
          for="story"
          shortcuts=${attributes.shortcuts ?? 'player'}
          engine=${attributes.engine ?? 'web-speech'}
        ></aloud-player>
        <nav><p>Navigation is never read.</p></nav>
        ${PARAGRAPHS.map((text) => html`<p>${text}</p>`)}
        <footer><p>Footer is never read.</p></footer>
      </article>
    </main>
  `);
  const player = root.querySelector('aloud-player') as AloudPlayer;
  await waitFor(() => player.paragraphCount > 0, 'the player indexes the article');
  await player.updateComplete;
  return { root, player, shadow: player.shadowRoot as ShadowRoot };
}

export { waitFor };

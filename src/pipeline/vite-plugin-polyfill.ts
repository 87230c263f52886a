/**
 * Builds dist/polyfill.js in a second, separate Vite build once the main
 * build has written dist/. Separate, because one build with both entries
 * makes the bundler move every module they share (the built-in voice's
 * list, the AudioContext) into shared chunks, which would change aloud.js
 * and add requests to every page that embeds the player.
 *
 * The polyfill's own chunks are named `assets/polyfill-*`; the eSpeak-NG
 * worker and data come out byte for byte as in the main build, so they keep
 * their names and dist/ holds one copy of each.
 */
import { build, type InlineConfig, type Plugin } from 'vite';

export function polyfillBuildPlugin(config: () => InlineConfig): Plugin {
  let building = false;
  return {
    name: 'aloud:polyfill-build',
    apply: 'build',
    async closeBundle() {
      if (building) return;
      building = true;
      try {
        await build({ configFile: false, logLevel: 'warn', ...config() });
      } finally {
        building = false;
      }
    },
  };
}

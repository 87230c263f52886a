/**
 * The player in two parts, to keep `aloud.js` within its 15 KB gzip budget:
 *
 * - the core (in `aloud.js`): everything between the Play button and speech:
 *   toolbar, captions, status, errors, playback, engine, highlighting;
 * - the extras (a lazy sibling chunk, fetched as soon as a player connects):
 *   the paragraph slider, "Resume from", settings, the shortcuts dialog, the
 *   keyboard shortcuts, roving focus in the toolbar, follow-along scrolling and
 *   the Media Session.
 *
 * Until the extras arrive (milliseconds, or never if the chunk cannot be
 * fetched) the player still reads: every control in the core works alone.
 * `player.updateComplete` waits for them, so tests and hosts that await it
 * see the whole player.
 */
import type { CSSResult, TemplateResult, nothing } from 'lit';
import type { PlayerAction } from '../../core/keyboard/shortcuts.ts';
import type { PlaybackState } from '../../core/playback/state.ts';
import type { AloudPlayer } from './aloud-player.ts';

type Part = TemplateResult | typeof nothing;

/** One player's extras; created once per element by `PlayerExtras.attach`. */
export interface PlayerParts {
  /** Above the toolbar: the "Resume from paragraph N" offer. */
  readonly renderOffer: () => Part;
  /** Below the toolbar: the paragraph slider and the times. */
  readonly renderProgress: () => Part;
  /** End of the region: "Back to current paragraph" and the settings panel. */
  readonly renderEnd: () => Part;
  /** After the region: the shortcuts dialog. */
  readonly renderDialog: () => Part;
  /** Value for `aria-keyshortcuts` on the control that performs `action`. */
  readonly keyShortcuts: (action: PlayerAction) => string;
  readonly onToolbarKeyDown: (event: KeyboardEvent) => void;
  readonly openShortcuts: () => void;
  /** After every playback change and article load (`previous` is null then). */
  readonly changed: (previous: PlaybackState | null, next: PlaybackState) => void;
}

export interface PlayerExtras {
  readonly styles: CSSResult;
  attach(player: AloudPlayer): PlayerParts;
}

let loading: Promise<PlayerExtras | null> | undefined;

/** One fetch per page, shared by every player; never rejects. */
export function loadExtras(): Promise<PlayerExtras | null> {
  loading ??= import('./aloud-player.extras.ts').then(
    (module) => module.extras,
    (error: unknown) => {
      // The core still reads; the listener loses only the extras.
      console.warn('<aloud-player>: could not load the player extras', error);
      return null;
    },
  );
  return loading;
}

/**
 * The extras: the parts of the player that are not needed to read, in the
 * lazy chunk with the reading (see reading-api.ts): the paragraph slider,
 * "Resume from", settings, the shortcuts dialog, the keyboard shortcuts,
 * roving focus in the toolbar, follow-along scrolling and the Media Session.
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

/**
 * `<aloud-speed>` (late chunk): the one speed control, a native select of
 * 0.5× to 3× in quarter steps (plus the current rate when the host page set
 * one between them). `<` and `>` change it too.
 */
import { html } from 'lit';
import { formatRate, strings } from '../../../core/i18n/strings.ts';
import type { PlayerSnapshot } from '../../../core/player/snapshot.ts';
import { MAX_RATE, MIN_RATE, RATE_STEP } from '../../../core/playback/state.ts';
import { keyShortcutsFor } from './key-shortcuts.ts';
import { definePart, PlayerPart } from './player-part.ts';

function speeds(current: number): number[] {
  const steps: number[] = [];
  for (let rate = MIN_RATE; rate <= MAX_RATE; rate += RATE_STEP) steps.push(rate);
  if (!steps.includes(current)) steps.push(current);
  return steps.sort((a, b) => a - b);
}

export class AloudSpeed extends PlayerPart {
  protected override renderPart(snapshot: PlayerSnapshot) {
    const rate = snapshot.playback.rate;
    return html`<label class="speed"
      ><span class="visually-hidden">${strings.speedLabel()}</span
      ><select
        part="speed"
        aria-keyshortcuts=${`${keyShortcutsFor('slower')} ${keyShortcutsFor('faster')}`}
        @change=${this.#onChange}
      >
        ${speeds(rate).map(
          (option) =>
            html`<option value=${option} ?selected=${option === rate}>
              ${formatRate(option, snapshot.locale.tag)}
            </option>`,
        )}
      </select></label
    >`;
  }

  readonly #onChange = (event: Event): void => {
    this.request({ type: 'rate', rate: Number((event.target as HTMLSelectElement).value) });
  };
}

definePart('aloud-speed', AloudSpeed);

/**
 * The base of every part of the player (toolbar, captions, messages, slider,
 * settings, shortcuts dialog…). A part is a small Lit element that renders
 * into itself, not into a shadow root of its own: it lives inside the
 * player's shadow root, so the player's styles, `::part()` names and IDREFs
 * (`aria-controls`, `aria-describedby`) reach across parts. It reads the
 * snapshot from @lit/context and requests changes with events; it never
 * imports the player element.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, nothing } from 'lit';
import { inLocale } from '../../../core/i18n/localize.ts';
import type { PlayerIntent } from '../../../core/player/intents.ts';
import type { PlayerSnapshot } from '../../../core/player/snapshot.ts';
import { playerContext, PlayerRequestEvent } from './context.ts';

export abstract class PlayerPart extends LitElement {
  /** The snapshot last provided; undefined only before the part is connected to a player. */
  protected snapshot: PlayerSnapshot | undefined;

  constructor() {
    super();
    new ContextConsumer(this, {
      context: playerContext,
      subscribe: true,
      callback: (snapshot) => {
        this.snapshot = snapshot;
        this.requestUpdate();
      },
    });
  }

  /** Light DOM inside the player's shadow root (see above). */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected request(intent: PlayerIntent): void {
    this.dispatchEvent(new PlayerRequestEvent(intent));
  }

  protected override render(): unknown {
    const snapshot = this.snapshot;
    if (!snapshot) return nothing;
    // `msg()` answers in this player's language (each player may have its own).
    return inLocale(snapshot.locale.ui, () => this.renderPart(snapshot), snapshot.locale.tag);
  }

  protected abstract renderPart(snapshot: PlayerSnapshot): unknown;
}

/** Defines a part once per page (aloud.js may be loaded twice). */
export function definePart(name: string, part: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, part);
}

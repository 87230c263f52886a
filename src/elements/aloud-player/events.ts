/**
 * The player's public events, HTMLMediaElement-style: they bubble and cross
 * shadow boundaries, so a host page can listen on the element or the document.
 */

export interface ParagraphChangeDetail {
  readonly index: number;
  readonly text: string;
}

export interface PlayerErrorDetail {
  readonly message: string;
}

export class ParagraphChangeEvent extends CustomEvent<ParagraphChangeDetail> {
  constructor(detail: ParagraphChangeDetail) {
    super('paragraphchange', { bubbles: true, composed: true, detail });
  }
}

export class PlayerErrorEvent extends CustomEvent<PlayerErrorDetail> {
  constructor(detail: PlayerErrorDetail) {
    super('error', { bubbles: true, composed: true, detail });
  }
}

/** `play`, `pause`, `ended` and `ratechange` carry no detail, like their media twins. */
export function mediaEvent(type: 'play' | 'pause' | 'ended' | 'ratechange'): Event {
  return new Event(type, { bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    paragraphchange: ParagraphChangeEvent;
  }
}

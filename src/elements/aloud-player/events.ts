/**
 * The player's public events, HTMLMediaElement-style: they bubble and cross
 * shadow boundaries, so a host page can listen on the element or the document
 * (all but `error`, see below).
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

/**
 * Does not bubble, like HTMLMediaElement's `error`: an `error` event reaching
 * `window` runs the page's global error handlers (`window.onerror`, error
 * monitoring, test runners), which then report an uncaught exception.
 */
export class PlayerErrorEvent extends CustomEvent<PlayerErrorDetail> {
  constructor(detail: PlayerErrorDetail) {
    super('error', { bubbles: false, composed: false, detail });
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

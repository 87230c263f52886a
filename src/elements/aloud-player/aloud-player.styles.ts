import { css } from 'lit';

/**
 * Every colour, font and size comes from a `--aloud-*` custom property with a
 * system-colour default, so the player follows light, dark and forced-colours
 * modes and hostile host CSS cannot reach inside the shadow root.
 */
export const playerStyles = css`
  :host {
    /* Nothing inherited from the host page (text-transform, letter-spacing,
       white-space…) reaches the controls; --aloud-* custom properties still do. */
    all: initial;
    /* …except the page's colour scheme, so system colours match a dark page. */
    color-scheme: inherit;
    display: block;
    box-sizing: border-box;
    margin-block: var(--aloud-margin, 1.5rem);
    color: var(--aloud-color, CanvasText);
    font: var(--aloud-font, 1rem/1.45 system-ui, sans-serif);
    font-size: max(var(--aloud-font-size, 1rem), 14px);
    --_accent: var(--aloud-accent, #1a56c4);
    --_accent-text: var(--aloud-accent-text, #fff);
    --_surface: var(--aloud-surface, color-mix(in srgb, Canvas 92%, CanvasText 8%));
    --_border: var(--aloud-border, color-mix(in srgb, CanvasText 45%, Canvas));
    --_radius: var(--aloud-radius, 0.75rem);
    --_control: max(var(--aloud-control-size, 2.75rem), 24px);
    --_focus: var(--aloud-focus-color, #0b3d91);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--aloud-accent, #8ab4ff);
      --_accent-text: var(--aloud-accent-text, #0b1020);
      --_focus: var(--aloud-focus-color, #cfe0ff);
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  section {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
    display: grid;
    /* minmax(0, …): a long voice name in the settings must not widen the player past a 320px screen (WCAG 1.4.10). */
    grid-template-columns: minmax(0, 1fr);
    gap: 0.5rem;
  }
  /* The parts render into themselves (no shadow root of their own): lay out their contents as the region's. */
  aloud-toolbar,
  aloud-captions,
  aloud-messages,
  aloud-progress,
  aloud-settings,
  aloud-resume-offer,
  aloud-back-to-current,
  aloud-shortcuts-dialog {
    display: contents;
  }
  /* Holds the slider's place until the reading chunk defines it, so the article below does not jump (CLS). */
  aloud-progress:not(:defined) {
    display: block;
    min-height: 6.3em;
  }
  .heading {
    margin: 0;
    font-size: 1em;
    font-weight: 650;
  }
  [role='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    align-items: center;
  }
  button,
  select,
  input {
    font: inherit;
    color: inherit;
    margin: 0;
  }
  button {
    all: revert;
    font: inherit;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.375rem;
    min-width: var(--_control);
    min-height: var(--_control);
    padding: 0.25rem 0.625rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.66);
    background: Canvas;
    color: CanvasText;
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_accent-text);
    border-color: transparent;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible,
  summary:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  /* Play keeps its tape-deck direction in every language; paragraph steps follow the text. */
  [dir='rtl'] .directional {
    transform: scaleX(-1);
  }
  .rate {
    min-width: 3.5ch;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  .captions {
    margin: 0;
    min-height: 1.45em;
  }
  .captions mark {
    background: Mark;
    color: MarkText;
    text-decoration: underline 2px;
    border-radius: 2px;
  }
  .status {
    font-size: 0.875em;
    margin: 0;
    min-height: 1.45em;
  }
  .error {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .error p {
    margin: 0;
    font-weight: 600;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    button.primary {
      border: 2px solid ButtonText;
    }
    .captions mark {
      background: Highlight;
      color: HighlightText;
    }
    button:focus-visible,
    select:focus-visible,
    input:focus-visible {
      outline-color: Highlight;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
      scroll-behavior: auto !important;
    }
  }
`;

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
    --_surface: var(--aloud-surface, color-mix(in srgb, Canvas 94%, CanvasText 6%));
    --_border: var(--aloud-border, color-mix(in srgb, CanvasText 45%, Canvas));
    --_radius: var(--aloud-radius, 1rem);
    --_control: max(var(--aloud-control-size, 2.5rem), 24px);
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
    position: relative;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.375rem 0.5rem;
    display: grid;
    /* minmax(0, …): a long voice name in the settings must not widen the player past a 320px screen (WCAG 1.4.10). */
    grid-template-columns: minmax(0, 1fr);
    gap: 0.125rem;
  }
  /* The parts render into themselves (no shadow root of their own): lay out their contents as their parent's. */
  aloud-toolbar,
  aloud-captions,
  aloud-messages,
  aloud-progress,
  aloud-speed,
  aloud-settings,
  aloud-more-menu,
  aloud-mini-player,
  aloud-shortcuts-dialog {
    display: contents;
  }
  /* Holds the slider's place until the late chunk defines it, so nothing moves when it arrives. */
  aloud-progress:not(:defined) {
    display: block;
    flex: 1 1 4rem;
  }
  aloud-speed:not(:defined) {
    display: block;
    width: 4.25rem;
  }
  /* A size container (for the narrow layout below); not the section, whose layout containment
     would pin the fixed mini player to it instead of the viewport. */
  .row {
    container-type: inline-size;
    display: flex;
    align-items: center;
    gap: 0.375rem;
    min-height: var(--_control);
  }
  [role='toolbar'] {
    display: flex;
    gap: 0.25rem;
    align-items: center;
  }
  /* The second line: the sentence being read (or the player's name at rest) and the status. Its
     height is reserved, so pressing Play moves nothing on the page. */
  .line {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    column-gap: 0.5rem;
    min-height: 1.25rem;
    font-size: 0.875em;
    line-height: 1.25rem;
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
    position: relative;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.375rem;
    min-width: var(--_control);
    min-height: var(--_control);
    padding: 0.25rem 0.5rem;
    border: 0;
    border-radius: 999px;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  button:hover {
    background: color-mix(in srgb, currentColor 10%, transparent);
  }
  button.primary {
    background: var(--_accent);
    color: var(--_accent-text);
    padding-inline: 0.75rem 1rem;
    font-weight: 650;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
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
  /* Previous and Next sit in the row where there is room; J and L work everywhere. */
  @container (width < 25rem) {
    .step {
      display: none;
    }
    .row {
      gap: 0.25rem;
    }
    button.primary {
      padding-inline: 0.375rem 0.625rem;
      gap: 0.125rem;
      font-size: 0.9375em;
    }
    #more-button {
      min-width: 2rem;
      padding-inline: 0.25rem;
    }
  }
  .status {
    margin: 0;
    white-space: nowrap;
    opacity: 0.85;
  }
  .error {
    grid-column: 1 / -1;
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .error.shown {
    padding-block: 0.25rem;
  }
  .error p {
    margin: 0;
    font-weight: 600;
  }
  .error button {
    min-height: 2rem;
    border: 1px solid var(--_border);
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

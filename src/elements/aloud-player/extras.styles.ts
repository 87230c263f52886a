import { css } from 'lit';
import { sliderStyles } from './slider.styles.ts';

/**
 * Styles of the late chunk's parts (see reading-chunk.ts): the slider and
 * time left, the second line's buttons, the More menu, settings, the mini
 * player and the shortcuts dialog. Adopted after the core's
 * sheet, whose custom properties (`--_accent`, `--_border`, …) and button
 * styles they build on.
 */
export const extrasStyles = css`
  /* Tooltips: the button's name and its key, on hover and on keyboard focus; Escape hides them (WCAG 1.4.13). */
  .tip {
    position: absolute;
    inset-block-start: calc(100% + 0.375rem);
    inset-inline-start: 50%;
    translate: -50% 0;
    z-index: 3;
    padding: 0.25rem 0.5rem;
    border-radius: 0.375rem;
    background: CanvasText;
    color: Canvas;
    font-size: 0.8125rem;
    font-weight: 400;
    white-space: nowrap;
    pointer-events: none;
    visibility: hidden;
  }
  [dir='rtl'] .tip {
    translate: 50% 0;
  }
  .tip kbd {
    font: inherit;
    font-weight: 650;
    margin-inline-start: 0.25rem;
  }
  button:hover > .tip,
  button:focus-visible > .tip {
    visibility: visible;
  }
  .tips-dismissed .tip {
    visibility: hidden !important;
  }
  .captions {
    margin: 0;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .captions.resting {
    opacity: 0.8;
  }
  .captions:has(mark) {
    text-overflow: clip;
  }
  mark {
    background: Mark;
    color: MarkText;
    text-decoration: underline 2px;
    border-radius: 2px;
  }
  @media (forced-colors: active) {
    mark {
      background: Highlight;
      color: HighlightText;
    }
    .tip {
      border: 1px solid CanvasText;
    }
  }
  .speed select {
    min-height: var(--_control);
    padding-inline: 0.375rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: Canvas;
    font-variant-numeric: tabular-nums;
    cursor: pointer;
  }
  .progress {
    flex: 1 1 4rem;
    min-width: 4rem;
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  input[type='range'] {
    flex: 1 1 auto;
    min-width: 0;
    min-height: 24px;
    accent-color: var(--_accent);
    cursor: pointer;
  }
  .time-left {
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  @container (width < 25rem) {
    .speed select {
      padding-inline: 0;
      max-width: 3.25rem;
    }
    .progress {
      min-width: 5rem;
      gap: 0.125rem;
    }
    .time-left {
      font-size: 0.75em;
    }
  }
  .inline-action {
    min-height: 1.5rem;
    min-width: 0;
    padding: 0 0.5rem;
    font-size: inherit;
    text-decoration: underline;
    justify-self: start;
  }
  /* "More" floats over the page instead of pushing it. */
  .more-menu {
    position: absolute;
    inset-block-start: calc(100% - 0.25rem);
    inset-inline-end: 0.5rem;
    z-index: 4;
    display: grid;
    min-width: 12rem;
    padding: 0.25rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: Canvas;
    color: CanvasText;
    box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.18);
  }
  .more-menu[hidden] {
    display: none;
  }
  .menu-item {
    justify-content: flex-start;
    border-radius: calc(var(--_radius) * 0.5);
    padding-inline: 0.75rem;
  }
  /* The mini player: docked to the bottom of the viewport, clear of the safe area. */
  .mini {
    position: fixed;
    inset-inline: 0;
    inset-block-end: 0;
    z-index: 2147483000;
    margin-inline: auto;
    max-width: 56rem;
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    align-items: center;
    gap: 0.25rem 0.5rem;
    padding: 0.375rem 0.75rem max(0.375rem, env(safe-area-inset-bottom, 0px));
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-block-end: 0;
    border-radius: var(--_radius) var(--_radius) 0 0;
    box-shadow: 0 -0.25rem 1.25rem rgb(0 0 0 / 0.15);
  }
  .mini-controls,
  .mini-actions {
    display: flex;
    align-items: center;
    gap: 0.125rem;
  }
  .mini-text {
    display: grid;
    gap: 0.25rem;
    min-width: 0;
    font-size: 0.875em;
  }
  .mini-captions {
    margin: 0;
    overflow: hidden;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    min-height: 1.45em;
  }
  .mini-place {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .mini progress {
    flex: 1 1 auto;
    min-width: 3rem;
    height: 0.25rem;
    accent-color: var(--_accent);
  }
  .mini .inline-action {
    flex: 0 1 auto;
    text-align: start;
  }
  @media (width < 30rem) {
    .mini {
      grid-template-columns: minmax(0, 1fr) auto;
    }
    .mini-text {
      grid-column: 1 / -1;
      grid-row: 1;
      overflow: hidden;
    }
  }
  .panel {
    border-top: 1px solid var(--_border);
    padding-top: 0.5rem;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.5rem;
  }
  /* Wraps, so "Voice" and a long voice list fit a 320px screen one under the other. */
  .panel label {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    min-height: 24px;
  }
  .panel input[type='checkbox'] {
    width: 1.25rem;
    height: 1.25rem;
    accent-color: var(--_accent);
  }
  select {
    min-height: var(--_control);
    max-width: 100%;
    min-width: 0;
    border: 1px solid var(--_border);
    border-radius: 0.375rem;
    background: Canvas;
  }
  .download {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .download progress {
    flex: 1 1 8rem;
    min-height: 1rem;
    accent-color: var(--_accent);
  }
  .download a {
    display: inline-flex;
    align-items: center;
    min-height: 24px;
    color: inherit;
  }
  .download .hint {
    flex-basis: 100%;
    margin: 0;
    font-size: 0.875em;
  }
  dialog {
    max-width: min(32rem, calc(100vw - 2rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: Canvas;
    color: CanvasText;
    padding: 1rem 1.25rem;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  dialog h2 {
    margin-top: 0;
    font-size: 1.125em;
  }
  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.375rem 1rem;
  }
  dt kbd {
    font:
      600 0.95em ui-monospace,
      monospace;
    border: 1px solid var(--_border);
    border-radius: 0.25rem;
    padding: 0 0.375rem;
  }
  dd {
    margin: 0;
  }
  ${sliderStyles}
`;

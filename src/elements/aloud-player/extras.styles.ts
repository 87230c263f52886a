import { css } from 'lit';
import { sliderStyles } from './slider.styles.ts';

/**
 * Styles of the lazy extras (see extras-api.ts): the paragraph slider,
 * "Resume from", settings and the shortcuts dialog. Adopted after the core's
 * sheet, whose custom properties (`--_accent`, `--_border`, …) and button
 * styles they build on.
 */
export const extrasStyles = css`
  .progress {
    display: grid;
    grid-template-columns: 1fr;
    gap: 0.25rem;
  }
  .progress label {
    font-size: 0.875em;
  }
  input[type='range'] {
    width: 100%;
    min-height: 24px;
    accent-color: var(--_accent);
  }
  .times {
    display: flex;
    justify-content: space-between;
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
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
  .offer {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
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

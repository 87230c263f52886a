import { css } from 'lit';

/**
 * The paragraph slider (`input[type=range]`), themed by `--aloud-accent` in
 * every engine. `accent-color` alone colours Chromium's and Firefox's thumb
 * but not WebKit's (Safari and WebKitGTK keep a white thumb on a grey track),
 * so the track and thumb are drawn through each engine's own pseudo-elements:
 * `::-webkit-slider-*` (WebKit and Chromium) and `::-moz-range-*` (Firefox).
 * The selectors must stay in separate rules: a browser drops a whole rule
 * that names a pseudo-element it does not know.
 *
 * Sizes: a 1.25rem (20px at the default size) thumb with a 2px ring in the
 * page colour, so it stands out from the track by 3:1 or more (WCAG 1.4.11),
 * inside a 24px tall target (WCAG 2.5.8). Forced-colours mode gets the
 * native control back, in system colours.
 */
export const sliderStyles = css`
  input[type='range'] {
    appearance: none;
    -webkit-appearance: none;
    background: transparent;
    margin: 0;
    cursor: pointer;
  }
  input[type='range']::-webkit-slider-runnable-track {
    height: 0.375rem;
    border-radius: 0.1875rem;
    background: var(--_border);
  }
  input[type='range']::-webkit-slider-thumb {
    -webkit-appearance: none;
    appearance: none;
    width: 1.25rem;
    height: 1.25rem;
    /* Centres the thumb on the track: (track - thumb) / 2. */
    margin-top: -0.4375rem;
    border: 2px solid Canvas;
    border-radius: 50%;
    background: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
  }
  input[type='range']::-moz-range-track {
    height: 0.375rem;
    border-radius: 0.1875rem;
    background: var(--_border);
  }
  input[type='range']::-moz-range-progress {
    height: 0.375rem;
    border-radius: 0.1875rem;
    background: var(--_accent);
  }
  input[type='range']::-moz-range-thumb {
    width: 1.25rem;
    height: 1.25rem;
    border: 2px solid Canvas;
    border-radius: 50%;
    background: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
  }
  @media (forced-colors: active) {
    input[type='range'] {
      appearance: auto;
      -webkit-appearance: auto;
    }
  }
  @media (forced-colors: active) {
    input[type='range']::-webkit-slider-thumb {
      -webkit-appearance: auto;
      appearance: auto;
    }
  }
`;

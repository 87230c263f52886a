/**
 * Icons as inline SVG (no icon font, no network). They are decorative: every
 * button carries its name in text. `currentColor` keeps them visible in forced
 * colours, where the system repaints text but not backgrounds.
 */
import { svg, type SVGTemplateResult } from 'lit';

const icon = (path: SVGTemplateResult) =>
  svg`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">${path}</svg>`;
/** Previous/next point along the reading direction, so the styles mirror them in right-to-left text. */
const directional = (path: SVGTemplateResult) =>
  svg`<svg class="directional" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">${path}</svg>`;

export const playIcon = icon(svg`<path fill="currentColor" d="M8 5.5v13l10.5-6.5z"/>`);
export const pauseIcon = icon(svg`<path fill="currentColor" d="M7 5h3.5v14H7zM13.5 5H17v14h-3.5z"/>`);
export const previousIcon = directional(svg`<path fill="currentColor" d="M6 6h2v12H6zm3.5 6 8.5 6V6z"/>`);
export const nextIcon = directional(svg`<path fill="currentColor" d="M16 6h2v12h-2zM6 18l8.5-6L6 6z"/>`);
export const slowerIcon = icon(svg`<path fill="currentColor" d="M5 11h14v2H5z"/>`);
export const fasterIcon = icon(svg`<path fill="currentColor" d="M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z"/>`);
export const settingsIcon = icon(
  svg`<path fill="currentColor" d="M4 6h9.2a2.5 2.5 0 0 1 4.6 0H20v2h-2.2a2.5 2.5 0 0 1-4.6 0H4zm0 10h2.2a2.5 2.5 0 0 1 4.6 0H20v2h-9.2a2.5 2.5 0 0 1-4.6 0H4z"/>`,
);
export const keyboardIcon = icon(
  svg`<path fill="currentColor" d="M3 6h18v12H3zm2 2v2h2V8zm4 0v2h2V8zm4 0v2h2V8zm4 0v2h2V8zM5 12v2h2v-2zm4 0v2h2v-2zm4 0v2h2v-2zm4 0v2h2v-2zM7 15v1.5h10V15z" fill-rule="evenodd"/>`,
);

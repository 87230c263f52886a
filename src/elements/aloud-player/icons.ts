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
export const moreIcon = icon(
  svg`<path fill="currentColor" d="M5 10.25a1.75 1.75 0 1 1 0 3.5 1.75 1.75 0 0 1 0-3.5zm7 0a1.75 1.75 0 1 1 0 3.5 1.75 1.75 0 0 1 0-3.5zm7 0a1.75 1.75 0 1 1 0 3.5 1.75 1.75 0 0 1 0-3.5z"/>`,
);
export const closeIcon = icon(
  svg`<path fill="currentColor" d="M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z"/>`,
);

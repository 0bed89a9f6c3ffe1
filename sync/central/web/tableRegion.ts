import { html, type SafeHtml } from './html.js';

/**
 * A data table that keeps its rows and columns on a narrow phone: it scrolls
 * sideways inside its own region, so the page never does (WCAG 1.4.10 lets a
 * table that needs two dimensions scroll on its own). The region is named and
 * focusable, so a keyboard can scroll it (axe: scrollable-region-focusable).
 */
export const tableRegion = (label: string, table: SafeHtml): SafeHtml =>
  html`<div class="table-region" role="region" aria-label="${label}" tabindex="0">${table}</div>`;

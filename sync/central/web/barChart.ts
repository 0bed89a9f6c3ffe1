import { escapeHtml, trustedHtml, type SafeHtml } from './html.js';

export interface Bar {
  readonly label: string;
  readonly value: number;
}

const BAR_FILL = '#0b4f8a';
const shortened = (label: string, most: number) => (label.length > most ? `${label.slice(0, most - 1)}…` : label);

/** Label, bar and value on one row: a wide screen. */
function wideRows(bars: readonly Bar[], format: (value: number) => string, top: number): { rows: string; width: number; height: number } {
  const rowHeight = 34;
  const labelWidth = 260;
  const barSpace = 420;
  const rows = bars.map((bar, index) => {
    const y = index * rowHeight + 5;
    const length = Math.round((Math.max(0, bar.value) / top) * barSpace);
    return (
      `<text x="${labelWidth - 8}" y="${y + 21}" text-anchor="end">${escapeHtml(shortened(bar.label, 32))}</text>` +
      `<rect x="${labelWidth}" y="${y + 4}" width="${length}" height="${rowHeight - 10}" fill="${BAR_FILL}"></rect>` +
      `<text x="${labelWidth + length + 6}" y="${y + 21}">${escapeHtml(format(bar.value))}</text>`
    );
  });
  return { rows: rows.join(''), width: labelWidth + barSpace + 90, height: Math.max(1, bars.length) * rowHeight + 10 };
}

/** The label above its bar, the value after it: a phone, where a row of all three would shrink to unreadable type. */
function narrowRows(bars: readonly Bar[], format: (value: number) => string, top: number): { rows: string; width: number; height: number } {
  const rowHeight = 50;
  const barSpace = 240;
  const rows = bars.map((bar, index) => {
    const y = index * rowHeight + 4;
    const length = Math.round((Math.max(0, bar.value) / top) * barSpace);
    return (
      `<text x="0" y="${y + 15}">${escapeHtml(shortened(bar.label, 36))}</text>` +
      `<rect x="0" y="${y + 22}" width="${length}" height="18" fill="${BAR_FILL}"></rect>` +
      `<text x="${length + 6}" y="${y + 37}">${escapeHtml(format(bar.value))}</text>`
    );
  });
  return { rows: rows.join(''), width: 320, height: Math.max(1, bars.length) * rowHeight + 6 };
}

/**
 * A horizontal bar chart as static SVG (no script), drawn twice: one row per
 * bar on a wide screen, the label above its bar on a phone; CSS shows one
 * (site.css, `.chart-wide` and `.chart-narrow`), so the hidden one is not
 * read either. It is an image with a name; the numbers themselves are in the
 * table the page puts beside it, which is what a screen reader reads.
 */
export function barChart(title: string, bars: readonly Bar[], format: (value: number) => string = String, max?: number): SafeHtml {
  const top = max ?? Math.max(1, ...bars.map((bar) => bar.value));
  const svg = (layout: 'wide' | 'narrow') => {
    const { rows, width, height } = (layout === 'wide' ? wideRows : narrowRows)(bars, format, top);
    return `<svg class="chart chart-${layout}" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${rows}</svg>`;
  };
  return trustedHtml(svg('wide') + svg('narrow'));
}

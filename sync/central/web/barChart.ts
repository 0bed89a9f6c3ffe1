import { escapeHtml, trustedHtml, type SafeHtml } from './html.js';

export interface Bar {
  readonly label: string;
  readonly value: number;
}

/**
 * A horizontal bar chart as static SVG (no script). It is an image with a
 * name; the numbers themselves are in the table the page puts beside it,
 * which is what a screen reader reads.
 */
export function barChart(title: string, bars: readonly Bar[], format: (value: number) => string = String, max?: number): SafeHtml {
  const rowHeight = 34;
  const labelWidth = 260;
  const barSpace = 420;
  const width = labelWidth + barSpace + 90;
  const height = Math.max(1, bars.length) * rowHeight + 10;
  const top = max ?? Math.max(1, ...bars.map((bar) => bar.value));
  const rows = bars
    .map((bar, index) => {
      const y = index * rowHeight + 5;
      const length = Math.round((Math.max(0, bar.value) / top) * barSpace);
      const label = bar.label.length > 32 ? `${bar.label.slice(0, 31)}…` : bar.label;
      return (
        `<text x="${labelWidth - 8}" y="${y + 21}" text-anchor="end">${escapeHtml(label)}</text>` +
        `<rect x="${labelWidth}" y="${y + 4}" width="${length}" height="${rowHeight - 10}" fill="#0b4f8a"></rect>` +
        `<text x="${labelWidth + length + 6}" y="${y + 21}">${escapeHtml(format(bar.value))}</text>`
      );
    })
    .join('');
  return trustedHtml(
    `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${rows}</svg>`,
  );
}

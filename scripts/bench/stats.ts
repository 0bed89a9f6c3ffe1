/** Order statistics over raw samples; benchmarks report medians and percentiles, never a single run. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

/** A ceiling (`max`: the figure must stay at or under it) or a floor (`min`: at or over it). */
export type LimitDirection = 'max' | 'min';

/** One figure of var/bench/results.json. */
export type BenchResult = {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The same machine's reference measured in the same run, and value / baseline. */
  readonly baseline?: number;
  readonly ratio?: number;
} & (
  | {
      readonly limit: number;
      readonly direction: LimitDirection;
      /** What the limit applies to: the value (default) or the ratio. */ readonly limitOn?: 'value' | 'ratio';
    }
  | { readonly limit?: undefined; readonly direction?: undefined; readonly limitOn?: undefined }
);

/** A limit on a figure's ratio to its baseline: at least `min`, or at most `max`. */
export type RatioLimit = { readonly min: number } | { readonly max: number };

/**
 * A figure beside its baseline measured in the same run, judged on their
 * ratio (a noisy machine moves both alike): the value and baseline rounded to
 * `digits`, the ratio to three.
 */
export function ratioFigure(
  name: string,
  unit: string,
  measured: { readonly value: number; readonly baseline: number },
  limit: RatioLimit,
  digits = 0,
): BenchResult {
  return {
    name,
    value: round(measured.value, digits),
    unit,
    baseline: round(measured.baseline, digits),
    ratio: round(measured.value / measured.baseline, 3),
    ...('min' in limit ? { limit: limit.min, direction: 'min' as const } : { limit: limit.max, direction: 'max' as const }),
    limitOn: 'ratio',
  };
}

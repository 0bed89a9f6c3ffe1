import type { BenchResult } from './stats.js';

export type Verdict = 'within' | 'over' | 'no limit';

/** Whether a figure keeps its limit: at or under a ceiling, at or over a floor; on the ratio where the limit says so. */
export function verdictOf(result: BenchResult): Verdict {
  if (result.limit === undefined) return 'no limit';
  const judged = result.limitOn === 'ratio' ? result.ratio : result.value;
  if (judged === undefined || !Number.isFinite(judged)) return 'over';
  return (result.direction === 'max' ? judged <= result.limit : judged >= result.limit) ? 'within' : 'over';
}

/** One line per figure, saying what the limit is and which way it goes. */
export function describeResult(result: BenchResult): string {
  const base = `${result.name}: ${String(result.value)} ${result.unit}`;
  const ratio = result.ratio === undefined ? '' : ` (baseline ${String(result.baseline)} ${result.unit}, ratio ${String(result.ratio)})`;
  if (result.limit === undefined) return `${base}${ratio}`;
  const sign = result.direction === 'max' ? '<=' : '>=';
  const on = result.limitOn === 'ratio' ? 'ratio' : result.unit;
  return `${base}${ratio} [limit: ${result.limitOn === 'ratio' ? 'ratio ' : ''}${sign} ${String(result.limit)}${result.limitOn === 'ratio' ? '' : ` ${on}`}: ${verdictOf(result)}]`;
}

/** The run's last line: how many figures kept their limits and how many did not. */
export function benchSummary(results: readonly BenchResult[]): string {
  const verdicts = results.map(verdictOf);
  return `bench: ${String(verdicts.filter((v) => v === 'within').length)} within limits, ${String(verdicts.filter((v) => v === 'over').length)} over`;
}

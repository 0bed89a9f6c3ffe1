import { describe, expect, it } from 'vitest';
import { benchSummary, verdictOf } from '../../scripts/bench/judge.js';
import { ratioFigure } from '../../scripts/bench/stats.js';

describe('a figure judged on its ratio to the same run baseline', () => {
  it('keeps a floor when the ratio reaches it, whatever the absolute figure', () => {
    const slowMachine = ratioFigure('central.ingest_per_s', 'submissions/s', { value: 12_000, baseline: 30_000 }, { min: 0.35 });
    expect(slowMachine).toMatchObject({ value: 12_000, baseline: 30_000, ratio: 0.4, limit: 0.35, direction: 'min', limitOn: 'ratio' });
    expect(verdictOf(slowMachine)).toBe('within');
    expect(verdictOf(ratioFigure('central.ingest_per_s', 'submissions/s', { value: 50_000, baseline: 180_000 }, { min: 0.35 }))).toBe(
      'over',
    );
  });

  it('keeps a ceiling, rounding the value and baseline to the digits asked and the ratio to three', () => {
    const enqueue = ratioFigure('outbox.enqueue_p99_ms', 'ms', { value: 0.58123, baseline: 0.29061 }, { max: 2 }, 3);
    expect(enqueue).toMatchObject({ value: 0.581, baseline: 0.291, ratio: 2, direction: 'max' });
    expect(verdictOf(enqueue)).toBe('within');
    const over = ratioFigure('kiosk.ready_ms', 'ms', { value: 725.7, baseline: 206.9 }, { max: 3.5 }, 1);
    expect(benchSummary([enqueue, over])).toBe('bench: 1 within limits, 1 over');
  });
});

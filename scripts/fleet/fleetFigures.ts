import { percentile, round, type BenchResult } from '../bench/stats.js';
import { PEAK_HOUR_SHARE, HOURLY_SHARE } from './branchDay.js';
import type { FleetAudit } from './fleetChecks.js';
import type { DayOutcome } from './fleetDay.js';

export interface FleetMeasures {
  readonly day: DayOutcome;
  readonly audit: FleetAudit;
  readonly plain: { readonly cpuSPer1k: number };
  readonly centralCpuS: number;
  /** PostgreSQL's growth over the day, and the record's. */
  readonly databaseBytesAdded: number;
  readonly entriesAdded: number;
  readonly centrals: number;
  readonly inboxMs: readonly number[];
  readonly dayMs: number;
}

const orNaN = (samples: readonly number[], p: number) => (samples.length === 0 ? Number.NaN : percentile(samples, p));

/**
 * A submission was made or waited while its kiosk's line was cut: its lag is
 * the outage's, not Central's, and is reported apart.
 */
function splitLags(measures: FleetMeasures) {
  const online: number[] = [];
  const offline: number[] = [];
  for (const lag of measures.audit.lags) {
    const spell = measures.day.offline.get(lag.kioskId);
    const overlaps = spell !== undefined && lag.claimedAt < spell.to && lag.receivedAt > spell.from;
    (overlaps ? offline : online).push((lag.receivedAt - lag.claimedAt) / 1000);
  }
  return { online, offline };
}

/** The simulation's figures, in the benchmarks' shape: `{ name, value, unit, limit, direction }`, ratios where a baseline ran. */
export function fleetFigures(measures: FleetMeasures): BenchResult[] {
  const { online, offline } = splitLags(measures);
  const phoneMs = measures.day.phones.flatMap((phone) => phone.requestMs);
  const finished = measures.day.phones.filter((phone) => phone.finished).length;
  const submissions = measures.day.saved.length + finished;
  const cpuPer1k = submissions === 0 ? Number.NaN : (measures.centralCpuS * 1000) / submissions;
  // The peak hour's share of the day, over that hour's compressed length: submissions a second at the day's busiest.
  const peakPerS = (measures.day.saved.length * PEAK_HOUR_SHARE) / (measures.dayMs / 1000 / HOURLY_SHARE.length);
  return [
    { name: 'fleet.sync_lag_p50_s', value: round(orNaN(online, 50), 2), unit: 's' },
    { name: 'fleet.sync_lag_p95_s', value: round(orNaN(online, 95), 2), unit: 's' },
    { name: 'fleet.sync_lag_p99_s', value: round(orNaN(online, 99), 2), unit: 's', limit: 10, direction: 'max' },
    { name: 'fleet.sync_lag_offline_p95_s', value: round(orNaN(offline, 95), 2), unit: 's' },
    { name: 'fleet.phone_page_p95_ms', value: round(orNaN(phoneMs, 95), 1), unit: 'ms', limit: 100, direction: 'max' },
    {
      name: 'fleet.phones_finished',
      value: round(finished / Math.max(1, measures.day.phones.length), 3),
      unit: 'share',
      limit: 0.95,
      direction: 'min',
    },
    { name: 'fleet.console_inbox_p95_ms', value: round(orNaN(measures.inboxMs, 95), 1), unit: 'ms', limit: 500, direction: 'max' },
    { name: 'fleet.lost', value: measures.audit.lost, unit: 'submissions', limit: 0, direction: 'max' },
    { name: 'fleet.duplicated', value: measures.audit.duplicated, unit: 'submissions', limit: 0, direction: 'max' },
    { name: 'fleet.checkpoints_consistent', value: measures.audit.checkpointsConsistent ? 1 : 0, unit: 'bool', limit: 1, direction: 'min' },
    // Everything Central did in the day (sync rounds of idle kiosks, the record's witnesses, phones, the console),
    // per 1,000 submissions, against the same Centrals' plain ingest: how far a fleet's day is from a bulk load.
    {
      name: 'fleet.central_cpu_s_per_1k',
      value: round(cpuPer1k, 2),
      unit: 'cpu-s',
      baseline: round(measures.plain.cpuSPer1k, 2),
      ratio: round(cpuPer1k / measures.plain.cpuSPer1k, 1),
    },
    // The share of their cores the Centrals used through the day: what saturates first, as the fleet grows.
    {
      name: 'fleet.central_cpu_share',
      value: round(measures.centralCpuS / (measures.centrals * (measures.dayMs / 1000)), 3),
      unit: 'cores',
      limit: 0.5,
      direction: 'max',
    },
    {
      name: 'fleet.pg_mb_per_million_entries',
      value: round(measures.databaseBytesAdded / Math.max(1, measures.entriesAdded), 0),
      unit: 'MB',
    },
    { name: 'fleet.peak_submissions_per_s', value: round(peakPerS, 1), unit: '/s' },
  ];
}

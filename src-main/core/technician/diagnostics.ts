import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { KioskCore } from '../kioskCore.js';
import { freeDiskBytes, KIOSK_VERSION } from '../sync-client/heartbeat.js';

export type Verdict = 'ok' | 'attention' | 'broken';

/** What the technician should do about a check that is not OK; the technician screens say it in their language. */
export type Advice =
  | 'check-network'
  | 'check-central-url'
  | 'fix-clock'
  | 'enrol'
  | 'wait-or-sync-now'
  | 'review-dead-letters'
  | 'free-disk'
  | 'replace-storage'
  | 'call-support';

export interface DiagnosticCheck {
  readonly id: 'central' | 'clock' | 'sync' | 'queue' | 'dead-letters' | 'disk' | 'database' | 'quarantine' | 'versions' | 'alerts';
  readonly verdict: Verdict;
  /** The measured value, for the screen (ms, bytes, counts, a state name, versions). */
  readonly value: string | number | null;
  readonly advice?: Advice;
}

export interface Diagnostics {
  readonly checkedAt: string;
  readonly checks: readonly DiagnosticCheck[];
}

/** Past this the feedback clocks that start on the kiosk are visibly wrong; past 5 minutes Central refuses its requests. */
const CLOCK_ATTENTION_MS = 2 * 60_000;
const CLOCK_BROKEN_MS = 5 * 60_000;
const ONE_HOUR = 3_600_000;
const GIB = 1024 ** 3;

const check = (id: DiagnosticCheck['id'], verdict: Verdict, value: DiagnosticCheck['value'], advice?: Advice): DiagnosticCheck =>
  verdict === 'ok' || advice === undefined ? { id, verdict, value } : { id, verdict, value, advice };

/**
 * Central's answer to a health request: reachable or not, the round trip,
 * and its clock from the `Date` header (second resolution), compared with the
 * kiosk's at the request's midpoint.
 */
async function probeCentral(url: string): Promise<{ rttMs: number; clockDiffMs: number | null } | { error: string }> {
  const started = Date.now();
  const startedMono = performance.now();
  try {
    const response = await fetch(`${url.replace(/\/+$/, '')}/api/health`, { signal: AbortSignal.timeout(5_000) });
    const rttMs = Math.round(performance.now() - startedMono);
    await response.arrayBuffer();
    if (!response.ok) return { error: `HTTP ${String(response.status)}` };
    const date = Date.parse(response.headers.get('date') ?? '');
    // The header is truncated to the second: its middle is half a second later.
    return { rttMs, clockDiffMs: Number.isNaN(date) ? null : Math.round(started + rttMs / 2 - (date + 500)) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Everything a technician checks first, each with a plain verdict and what
 * to do (issue #17): Central's reachability and round trip, the clock, sync,
 * the queue and its oldest item, dead letters, disk, the database's own check
 * and any quarantined database, versions, recent alerts. Counts and states
 * only: no visitor's submission or session is part of it.
 */
export async function runDiagnostics(core: KioskCore, now = Date.now()): Promise<Diagnostics> {
  const { config, db } = core;
  const checks: DiagnosticCheck[] = [];
  const probe = await probeCentral(config.central.url);
  if ('error' in probe) checks.push(check('central', 'broken', probe.error, 'check-network'));
  else checks.push(check('central', probe.rttMs > 2_000 ? 'attention' : 'ok', probe.rttMs, 'check-network'));

  if ('error' in probe || probe.clockDiffMs === null) checks.push(check('clock', 'attention', null, 'check-network'));
  else {
    const off = Math.abs(probe.clockDiffMs);
    checks.push(
      check('clock', off > CLOCK_BROKEN_MS ? 'broken' : off > CLOCK_ATTENTION_MS ? 'attention' : 'ok', probe.clockDiffMs, 'fix-clock'),
    );
  }

  const sync = core.sync.status();
  const syncVerdict: Verdict = {
    idle: 'ok',
    syncing: 'ok',
    offline: 'attention',
    'not-enrolled': 'broken',
    'needs-enrolment': 'broken',
    'update-required': 'broken',
  }[sync.state] as Verdict;
  const syncAdvice: Advice =
    sync.state === 'not-enrolled' || sync.state === 'needs-enrolment'
      ? 'enrol'
      : sync.state === 'update-required'
        ? 'call-support'
        : 'check-network';
  checks.push(check('sync', syncVerdict, sync.state, syncAdvice));

  const counts = core.outbox.counts();
  const oldestAge = counts.oldestPendingAt ? now - Date.parse(counts.oldestPendingAt) : 0;
  checks.push(
    check('queue', oldestAge > 24 * ONE_HOUR ? 'broken' : oldestAge > ONE_HOUR ? 'attention' : 'ok', counts.pending, 'wait-or-sync-now'),
  );
  checks.push(check('dead-letters', counts.dead > 0 ? 'attention' : 'ok', counts.dead, 'review-dead-letters'));

  const disk = freeDiskBytes(config.dataDir);
  checks.push(
    check('disk', disk === null ? 'attention' : disk < 0.2 * GIB ? 'broken' : disk < GIB ? 'attention' : 'ok', disk, 'free-disk'),
  );

  const result = (db.pragma('quick_check', { simple: true }) as string | undefined) ?? 'unknown';
  checks.push(check('database', result === 'ok' ? 'ok' : 'broken', result, 'replace-storage'));
  const quarantine = join(config.dataDir, 'quarantine');
  const quarantined = existsSync(quarantine) ? readdirSync(quarantine).length : 0;
  checks.push(check('quarantine', quarantined > 0 ? 'attention' : 'ok', quarantined, 'call-support'));

  checks.push(check('versions', 'ok', `app ${KIOSK_VERSION}, content ${String(core.content.latest().version)}`));

  const recent = db
    .prepare<[string], { n: number }>('SELECT count(*) AS n FROM alerts WHERE created_at > ?')
    .get(new Date(now - 24 * ONE_HOUR).toISOString());
  checks.push(check('alerts', (recent?.n ?? 0) > 0 ? 'attention' : 'ok', recent?.n ?? 0, 'call-support'));
  return { checkedAt: new Date(now).toISOString(), checks };
}

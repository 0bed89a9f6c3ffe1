import { describe, expect, it } from 'vitest';
import { checkContact } from '../../sync/protocol/contact.js';
import { feedbackClock } from '../../sync/central/services/feedbackClock.js';
import { computeFigures, percentile, type FigureRow } from '../../sync/central/services/feedbackFigures.js';

const NOW = new Date('2026-11-27T12:00:00.000Z');
const hoursBefore = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();
const hoursAfter = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

/** A feedback left `age` hours ago, answered `answeredAfter` hours after it (or not). */
function row(age: number, answeredAfter: number | null, extra: Partial<FigureRow> = {}): FigureRow {
  const start = hoursBefore(age);
  return {
    branch_id: 'batumi',
    service_id: 'civil-registry',
    kind: 'complaint',
    clock_start_at: start,
    due_at: hoursAfter(start, 24),
    first_answered_at: answeredAfter === null ? null : hoursAfter(start, answeredAfter),
    offline_delay_sec: 0,
    ...extra,
  };
}

describe('the 24-hour figure', () => {
  it('is answered on time / (answered + open and overdue), on a fixed data set computed by hand', () => {
    const rows = [
      // 4 answered on time (2, 10, 23.9 and exactly 24 hours)
      row(100, 2),
      row(90, 10),
      row(80, 23.9),
      row(70, 24),
      // 2 answered late
      row(200, 30),
      row(60, 25, { branch_id: 'kutaisi' }),
      // 2 open and overdue
      row(30, null, { branch_id: 'kutaisi' }),
      row(48, null),
      // 3 open, not yet due: not counted either way
      row(1, null),
      row(12, null),
      row(23, null, { kind: 'praise' }),
    ];
    const figures = computeFigures(rows, NOW);
    // By hand: on time 4; answered 6; open-overdue 2 -> 4 / (6 + 2) = 0.5.
    expect(figures).toMatchObject({ received: 11, answered: 6, answeredOnTime: 4, openOverdue: 2, openNotYetDue: 3, shareOnTime: 0.5 });
    // Time to answer, sorted: 2, 10, 23.9, 24, 25, 30 -> median (nearest rank 3) 23.9, p90 (rank 6) 30.
    expect(figures.hoursToAnswer).toEqual({ median: 23.9, p90: 30 });
    // Kutaisi: one late answer, one open overdue -> 0 / 2.
    expect(figures.byBranch.find((group) => group.key === 'kutaisi')).toMatchObject({
      received: 2,
      answered: 1,
      answeredOnTime: 0,
      openOverdue: 1,
      shareOnTime: 0,
    });
    // Batumi: 4 on time / (5 answered + 1 overdue).
    expect(figures.byBranch.find((group) => group.key === 'batumi')?.shareOnTime).toBe(0.6667);
    // Praise: only one open, not yet due -> nothing counts yet.
    expect(figures.byKind.find((group) => group.key === 'praise')?.shareOnTime).toBeNull();
  });

  it('gets no better by waiting: an open item past its deadline counts against it', () => {
    const open = [row(23, null)];
    expect(computeFigures(open, NOW).shareOnTime).toBeNull();
    expect(computeFigures(open, new Date(NOW.getTime() + 2 * 3_600_000)).shareOnTime).toBe(0);
  });

  it('percentile is nearest-rank', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([5], 90)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
  });
});

describe('the 24-hour clock', () => {
  it('starts at the kiosk time, never before the previous acknowledged sync nor after arrival', () => {
    const received = '2026-11-27T12:00:00.000Z';
    expect(feedbackClock('2026-11-27T09:00:00.000Z', received, '2026-11-27T08:00:00.000Z')).toEqual({
      clockStartAt: '2026-11-27T09:00:00.000Z',
      dueAt: '2026-11-28T09:00:00.000Z',
      offlineDelaySec: 3 * 3600,
    });
    // A kiosk clock a year behind cannot buy time: the clock starts at its previous sync.
    expect(feedbackClock('2025-11-27T09:00:00.000Z', received, '2026-11-27T11:00:00.000Z').clockStartAt).toBe('2026-11-27T11:00:00.000Z');
    // A clock ahead cannot hide the delay either.
    expect(feedbackClock('2026-11-28T09:00:00.000Z', received, null)).toMatchObject({ clockStartAt: received, offlineDelaySec: 0 });
  });
});

describe('contact details', () => {
  it('accept Georgian and international phone numbers and e-mail addresses, normalised', () => {
    expect(checkContact('555 12 34 56')).toEqual({ kind: 'phone', value: '+995555123456' });
    expect(checkContact('+995 (32) 2 40 54 05')).toEqual({ kind: 'phone', value: '+995322405405' });
    expect(checkContact('+49 30 1234567')).toEqual({ kind: 'phone', value: '+49301234567' });
    expect(checkContact(' nino@example.ge ')).toEqual({ kind: 'email', value: 'nino@example.ge' });
  });

  it('refuse what cannot be a phone or an address, saying which', () => {
    for (const bad of ['12345', '555-12-34', 'call me', '+1', '5551234567890123']) expect(checkContact(bad)).toEqual({ problem: 'phone' });
    for (const bad of ['nino@', '@example.ge', 'nino@example', 'a b@example.ge', '<script>@x.ge'])
      expect(checkContact(bad)).toEqual({ problem: 'email' });
  });
});

import { DEFAULT_RATING_ALERTS, type RatingAlertSettings } from '../services/ratingAlerts.js';

/** When staff are told of a deadline, in hours before it; the breach is always told. */
export interface StaffTimings {
  /** Responders (default 4 h before). */
  readonly respondersBeforeHours: number;
  /** Admins, the branch's supervisors (default 1 h before). */
  readonly supervisorsBeforeHours: number;
  /** The hour, Tbilisi time, each supervisor's daily digest goes (default 8). */
  readonly digestHour: number;
}

export const DEFAULT_STAFF_TIMINGS: StaffTimings = { respondersBeforeHours: 4, supervisorsBeforeHours: 1, digestHour: 8 };

/**
 * How Central reaches citizens: PSH's SMTP server and the operator's SMS
 * centre (SMPP 3.4). Either may be absent; with neither, Central sends nothing
 * and plans nothing.
 */
export interface NotifySettings {
  readonly smtp?: { readonly url: string; readonly from: string } | undefined;
  readonly smpp?: { readonly url: string; readonly source: string } | undefined;
  /** How often the sender looks for due messages. */
  readonly intervalMs: number;
  /** Days after an answer before "was it resolved?" is asked (default 7). */
  readonly followUpAfterDays: number;
  readonly staff: StaffTimings;
  /** When a branch's falling ratings open an alert (services/ratingAlerts.ts); evaluated with or without a transport. */
  readonly ratingAlerts: RatingAlertSettings;
  /**
   * The sender's clock, for quiet hours and the digest's hour. Tests only: a test cannot choose the hour it runs at, so it hands
   * in noon or midnight in Tbilisi. Production uses the system clock.
   */
  readonly now?: () => Date;
}

export class NotifySettingError extends Error {
  constructor(field: string, problem: string) {
    super(`Invalid notification setting ${field}: ${problem}`);
    this.name = 'NotifySettingError';
  }
}

const urlWith = (field: string, value: string, protocols: readonly string[]): URL => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new NotifySettingError(field, `"${value}" is not a URL (expected ${protocols.join(' or ')}//USER:PASSWORD@HOST:PORT)`);
  }
  if (!protocols.includes(url.protocol)) throw new NotifySettingError(field, `the URL must start with ${protocols.join(' or ')}//`);
  if (!url.hostname) throw new NotifySettingError(field, 'the URL names no host');
  return url;
};

/** A number option within its range, or its default when not given; a refusal names the option. */
function numberIn(field: string, given: string | number | undefined, range: { min: number; max: number; fallback: number }): number {
  if (given === undefined) return range.fallback;
  const value = Number(given);
  if (!Number.isFinite(value) || value < range.min || value > range.max)
    throw new NotifySettingError(field, `a number from ${String(range.min)} to ${String(range.max)} (got "${String(given)}")`);
  return value;
}

/** The numbers an operator may tune: follow-up, staff warnings, the digest's hour and rating alerts. */
export interface NotifyNumbers {
  followUpAfterDays?: string | number | undefined;
  respondersBeforeHours?: string | undefined;
  supervisorsBeforeHours?: string | undefined;
  digestHour?: string | undefined;
  alertLowSharePercent?: string | undefined;
  alertMinRatings?: string | undefined;
  alertWindowMinutes?: string | undefined;
  alertPressIntervalSec?: string | undefined;
}

function tunedNumbers(options: NotifyNumbers): Pick<NotifySettings, 'followUpAfterDays' | 'staff' | 'ratingAlerts'> {
  const hours = { min: 0, max: 23, fallback: 0 };
  const alerts = DEFAULT_RATING_ALERTS;
  return {
    followUpAfterDays: numberIn('--follow-up-days / PSH_FOLLOW_UP_DAYS', options.followUpAfterDays, { min: 0, max: 90, fallback: 7 }),
    staff: {
      respondersBeforeHours: numberIn('--warn-responders-hours / PSH_WARN_RESPONDERS_HOURS', options.respondersBeforeHours, {
        ...hours,
        fallback: DEFAULT_STAFF_TIMINGS.respondersBeforeHours,
      }),
      supervisorsBeforeHours: numberIn('--warn-supervisors-hours / PSH_WARN_SUPERVISORS_HOURS', options.supervisorsBeforeHours, {
        ...hours,
        fallback: DEFAULT_STAFF_TIMINGS.supervisorsBeforeHours,
      }),
      digestHour: numberIn('--digest-hour / PSH_DIGEST_HOUR', options.digestHour, { ...hours, fallback: DEFAULT_STAFF_TIMINGS.digestHour }),
    },
    ratingAlerts: {
      lowShare:
        numberIn('--alert-low-percent / PSH_ALERT_LOW_PERCENT', options.alertLowSharePercent, {
          min: 1,
          max: 100,
          fallback: alerts.lowShare * 100,
        }) / 100,
      minRatings: numberIn('--alert-min-ratings / PSH_ALERT_MIN_RATINGS', options.alertMinRatings, {
        min: 1,
        max: 10_000,
        fallback: alerts.minRatings,
      }),
      windowMinutes: numberIn('--alert-window-minutes / PSH_ALERT_WINDOW_MINUTES', options.alertWindowMinutes, {
        min: 5,
        max: 24 * 60,
        fallback: alerts.windowMinutes,
      }),
      minPressIntervalSec: numberIn('--alert-press-interval-s / PSH_ALERT_PRESS_INTERVAL_S', options.alertPressIntervalSec, {
        min: 0,
        max: 600,
        fallback: alerts.minPressIntervalSec,
      }),
    },
  };
}

/** The settings from the command line or the environment, each refusal naming its option. */
export function notifySettingsOf(
  options: {
    smtpUrl?: string | undefined;
    smtpFrom?: string | undefined;
    smppUrl?: string | undefined;
    smsSender?: string | undefined;
    intervalMs?: number;
  } & NotifyNumbers,
): NotifySettings {
  let smtp: NotifySettings['smtp'];
  if (options.smtpUrl) {
    urlWith('--smtp / PSH_SMTP_URL', options.smtpUrl, ['smtp:', 'smtps:']);
    const from = options.smtpFrom ?? '';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(from) && !/<[^\s@]+@[^\s@]+\.[^\s@]+>$/.test(from))
      throw new NotifySettingError('--smtp-from / PSH_SMTP_FROM', 'give the sender address, e.g. "PSH <noreply@psh.gov.ge>"');
    smtp = { url: options.smtpUrl, from };
  }
  let smpp: NotifySettings['smpp'];
  if (options.smppUrl) {
    const url = urlWith('--smpp / PSH_SMPP_URL', options.smppUrl, ['smpp:']);
    if (!url.username)
      throw new NotifySettingError('--smpp / PSH_SMPP_URL', 'the URL needs the system id: smpp://SYSTEM_ID:PASSWORD@HOST:PORT');
    const source = options.smsSender ?? '';
    if (!/^[A-Za-z0-9 ]{1,11}$/.test(source) && !/^\+?\d{3,15}$/.test(source))
      throw new NotifySettingError('--sms-sender / PSH_SMS_SENDER', 'an alphanumeric sender of 1 to 11 characters, or a number');
    smpp = { url: options.smppUrl, source };
  }
  return { smtp, smpp, intervalMs: options.intervalMs ?? 1_000, ...tunedNumbers(options) };
}

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
  /**
   * The sender's clock, for quiet hours. Tests only: a test cannot choose the hour it runs at, so it hands
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

/** The settings from the command line or the environment, each refusal naming its option. */
export function notifySettingsOf(options: {
  smtpUrl?: string | undefined;
  smtpFrom?: string | undefined;
  smppUrl?: string | undefined;
  smsSender?: string | undefined;
  intervalMs?: number;
  followUpAfterDays?: string | number | undefined;
}): NotifySettings {
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
  const followUpAfterDays = Number(options.followUpAfterDays ?? 7);
  if (!Number.isFinite(followUpAfterDays) || followUpAfterDays < 0 || followUpAfterDays > 90)
    throw new NotifySettingError('--follow-up-days / PSH_FOLLOW_UP_DAYS', 'a number of days from 0 to 90');
  return { smtp, smpp, intervalMs: options.intervalMs ?? 1_000, followUpAfterDays };
}

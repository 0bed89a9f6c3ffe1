import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../sync/protocol/languages.js';
import { emailOf, smsText } from '../../sync/central/notify/notificationTexts.js';
import { smsAllowedFrom } from '../../sync/central/notify/quietHours.js';
import { smsSize } from '../../sync/central/notify/smsSegments.js';

const KINDS = ['feedback-received', 'feedback-answered', 'feedback-reopened', 'feedback-followup', 'proposal-decided'] as const;
/** A public address as long as PSH's could reasonably be: https://psh.gov.ge/feedback/<code> is 36. */
const LONG_LINK = 'https://engage.psh.gov.ge/feedback/ABCD1234';

describe('what citizens are sent', () => {
  it('every SMS, in every language, with a 43-character link, fits in two segments and carries the code and the link', () => {
    for (const kind of KINDS)
      for (const language of LANGUAGES) {
        const text = smsText({ kind, code: 'ABCD1234', language, link: LONG_LINK });
        expect(smsSize(text).segments, `${kind} ${language}: ${text}`).toBeLessThanOrEqual(2);
        expect(text).toContain('ABCD1234');
        expect(text).toContain(LONG_LINK);
      }
  });

  it('counts GSM-7 septets (extension characters twice) and UCS-2 units as operators bill them', () => {
    expect(smsSize('a'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsSize('a'.repeat(161))).toEqual({ encoding: 'gsm7', units: 161, segments: 2 });
    expect(smsSize('€'.repeat(80))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsSize('ა'.repeat(70))).toEqual({ encoding: 'ucs2', units: 70, segments: 1 });
    expect(smsSize('ა'.repeat(71))).toEqual({ encoding: 'ucs2', units: 71, segments: 2 });
    expect(smsSize('ა'.repeat(135))).toEqual({ encoding: 'ucs2', units: 135, segments: 3 });
  });

  it('an answer e-mail carries the answer itself; a follow-up e-mail a link for each answer; every e-mail the link that stops them', () => {
    const answered = emailOf({ kind: 'feedback-answered', code: 'ABCD1234', language: 'ru', link: LONG_LINK, answer: 'Исправлено.' });
    expect(answered.subject).toBe('Дом юстиции: ABCD1234');
    expect(answered.text).toBe(
      `На ваш отзыв ABCD1234 дан ответ: ${LONG_LINK}\n\nОтвет:\nИсправлено.\n\nЧтобы больше не получать сообщения: ${LONG_LINK}#stop\n`,
    );
    expect(emailOf({ kind: 'feedback-followup', code: 'ABCD1234', language: 'en', link: LONG_LINK }).text).toBe(
      `Was your feedback ABCD1234 resolved?\nYes: ${LONG_LINK}?resolved=yes#resolved\nNo, open it again: ${LONG_LINK}?resolved=no#resolved\n\n` +
        `To stop these messages: ${LONG_LINK}#stop\n`,
    );
  });
});

describe('quiet hours (Tbilisi, UTC+4)', () => {
  it('lets an SMS go from 09:00 to 22:00, and holds one sent at night until 09:00', () => {
    const at = (iso: string) => new Date(iso);
    expect(smsAllowedFrom(at('2026-12-07T05:00:00Z'))).toEqual(at('2026-12-07T05:00:00Z')); // 09:00
    expect(smsAllowedFrom(at('2026-12-07T17:59:00Z'))).toEqual(at('2026-12-07T17:59:00Z')); // 21:59
    expect(smsAllowedFrom(at('2026-12-07T18:00:00Z'))).toEqual(at('2026-12-08T05:00:00Z')); // 22:00 -> next 09:00
    expect(smsAllowedFrom(at('2026-12-07T22:30:00Z'))).toEqual(at('2026-12-08T05:00:00Z')); // 02:30 -> 09:00
    expect(smsAllowedFrom(at('2026-12-07T04:59:00Z'))).toEqual(at('2026-12-07T05:00:00Z')); // 08:59 -> 09:00
  });
});

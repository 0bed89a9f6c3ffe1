import { createSmppTransport } from './smppTransport.js';
import { createSmtpTransport } from './smtpTransport.js';
import type { NotifySettings } from './notifySettings.js';

/**
 * `npm run central -- check-notify`: connects to each configured provider,
 * authenticates, and says plainly what works and what does not. Sends nothing.
 */
export async function checkNotify(settings: NotifySettings): Promise<{ ok: boolean; lines: string[] }> {
  const lines: string[] = [];
  let ok = true;
  const check = async (name: string, run: () => Promise<void>) => {
    try {
      await run();
      lines.push(`${name}: works`);
    } catch (error) {
      ok = false;
      lines.push(`${name}: DOES NOT WORK: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  if (!settings.smtp && !settings.smpp) return { ok: false, lines: ['Neither --smtp nor --smpp is set: Central would send no message.'] };
  if (settings.smtp) {
    const smtp = createSmtpTransport(settings.smtp.url, settings.smtp.from);
    await check(`e-mail (SMTP ${new URL(settings.smtp.url).host})`, () => smtp.verify());
    smtp.close();
  }
  if (settings.smpp) {
    const smpp = createSmppTransport(settings.smpp);
    await check(`SMS (SMPP ${new URL(settings.smpp.url).host})`, () => smpp.verify());
    smpp.close();
  }
  return { ok, lines };
}

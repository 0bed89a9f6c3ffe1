import nodemailer from 'nodemailer';

export interface EmailTransport {
  send(to: string, message: { subject: string; text: string; idempotencyKey: string }): Promise<{ providerRef: string }>;
  /** Connects and authenticates, sending nothing: what `check-notify` reports. */
  verify(): Promise<void>;
  close(): void;
}

/**
 * E-mail through PSH's SMTP server (nodemailer). The message's idempotency key
 * becomes its Message-ID, so a message sent again after a crash (see
 * docs/notifications.md) is recognisably the same one to the receiving servers.
 */
export function createSmtpTransport(url: string, from: string): EmailTransport {
  const transporter = nodemailer.createTransport(url, { from });
  const host = new URL(url).hostname;
  return {
    async send(to, message) {
      const messageId = `<${message.idempotencyKey.replace(/[^A-Za-z0-9._-]/g, '.')}@${host}>`;
      const info = await transporter.sendMail({ to, subject: message.subject, text: message.text, messageId });
      if (info.rejected.length > 0) throw new Error(`SMTP refused the recipient: ${String(info.response)}`);
      return { providerRef: info.messageId };
    },
    async verify() {
      await transporter.verify();
    },
    close: () => transporter.close(),
  };
}

import { simpleParser } from 'mailparser';
import { createServer as createSmppServer, type PDU, type Session } from 'smpp';
import { SMTPServer } from 'smtp-server';
import { freePort } from './freePort.js';

/** A mail PSH's SMTP server accepted: who it was for and what it said, as mailparser reads it. */
export interface ReceivedMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly messageId: string;
}

/** Recipients the mail peer refuses, as a relay refuses an unknown mailbox (550). */
export const REFUSED_MAIL_DOMAIN = 'refused.example';

/**
 * A real SMTP server on loopback (smtp-server), standing for PSH's mail relay: it
 * accepts what Central sends and keeps every message, parsed; a recipient at
 * REFUSED_MAIL_DOMAIN is refused, quoting the address as real relays do.
 */
export async function startMailPeer(): Promise<{ url: string; mails: ReceivedMail[]; close: () => Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith(`@${REFUSED_MAIL_DOMAIN}`))
        callback(Object.assign(new Error(`<${address.address}>: Recipient address rejected`), { responseCode: 550 }));
      else callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to.map((entry) => entry.text).join(', ') : (mail.to?.text ?? '');
          mails.push({ to, subject: mail.subject ?? '', text: mail.text ?? '', messageId: mail.messageId ?? '' });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `smtp://127.0.0.1:${String(port)}`, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A message the SMS centre took: the number, the text as decoded from its coding, and the segments an operator bills. */
export interface ReceivedSms {
  readonly to: string;
  readonly text: string;
  readonly dataCoding: number;
  readonly messageId: string;
}

/**
 * A real SMPP 3.4 server on loopback (the `smpp` package's server side),
 * standing for the operator's SMS centre: it checks the bind's credentials,
 * answers each submit_sm with a message id, and can send Central a delivery
 * receipt for it.
 */
export async function startSmsCentre(credentials: { systemId: string; password: string }, onPort?: number) {
  const messages: ReceivedSms[] = [];
  const sessions = new Set<Session>();
  let refuseBinds = false;
  let holdBinds = false;
  let submitDelayMs = 0;
  let next = 1;
  const server = createSmppServer({}, (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
    session.on('error', () => sessions.delete(session));
    session.on('bind_transceiver', (pdu: PDU) => {
      // Held: no answer at all, as a centre that accepted the connection and hangs.
      if (holdBinds) return;
      const ok = !refuseBinds && pdu.system_id === credentials.systemId && pdu.password === credentials.password;
      session.send(pdu.response({ command_status: ok ? 0 : 0x0d }));
      if (!ok) session.close();
    });
    session.on('submit_sm', (pdu: PDU) => {
      const payload = (pdu.message_payload ?? pdu.short_message) as { message?: unknown } | undefined;
      const messageId = `M${String(next++)}`;
      messages.push({
        to: String(pdu.destination_addr),
        text: typeof payload?.message === 'string' ? payload.message : '',
        dataCoding: Number(pdu.data_coding),
        messageId,
      });
      const answer = () => session.send(pdu.response({ message_id: messageId }));
      if (submitDelayMs > 0) setTimeout(answer, submitDelayMs);
      else answer();
    });
    session.on('enquire_link', (pdu: PDU) => session.send(pdu.response()));
    session.on('unbind', (pdu: PDU) => {
      session.send(pdu.response());
      session.close();
    });
  });
  const port = onPort ?? (await freePort());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return {
    url: `smpp://${credentials.systemId}:${credentials.password}@127.0.0.1:${String(port)}`,
    port,
    messages,
    /** While true, every bind is refused with ESME_RBINDFAIL, as a centre under maintenance does. */
    refuseBinds(refuse: boolean) {
      refuseBinds = refuse;
    },
    /** Each submit_sm answered this much later, as a loaded centre answers: sends overlap the senders' rounds. */
    delaySubmits(ms: number) {
      submitDelayMs = ms;
    },
    /** While true, a bind gets no answer: the sender waits, having claimed its messages, until its bind times out. */
    holdBinds(hold: boolean) {
      holdBinds = hold;
    },
    /** A PDU no SMPP peer can read (its length far over the protocol's limit), on every open session. */
    garble() {
      const header = Buffer.alloc(16);
      header.writeUInt32BE(0x7fffffff, 0); // command_length
      header.writeUInt32BE(0x00000005, 4); // deliver_sm
      for (const session of sessions) (session as unknown as { socket: NodeJS.WritableStream }).socket.write(header);
    },
    /** A citizen's SMS to PSH's sender, as the centre forwards it (deliver_sm, no receipt bit). */
    reply(from: string, text: string) {
      for (const session of sessions) session.deliver_sm({ source_addr: from, destination_addr: 'PSH', esm_class: 0, short_message: text });
    },
    /** A delivery receipt for a message, as the centre sends it once the phone has it (SMPP 3.4 appendix B). */
    receipt(messageId: string, state: string) {
      for (const session of sessions)
        session.deliver_sm({
          esm_class: 4,
          short_message: `id:${messageId} sub:001 dlvrd:001 submit date:2612061200 done date:2612061201 stat:${state} err:000 text:`,
        });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const session of sessions) session.destroy();
        server.close(() => resolve());
      }),
  };
}

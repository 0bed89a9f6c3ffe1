import { connect, type PDU, type Session } from 'smpp';
import { smsSize } from './smsSegments.js';

export interface SmsTransport {
  send(to: string, text: string): Promise<{ providerRef: string }>;
  /** Binds and unbinds, sending nothing: what `check-notify` reports. */
  verify(): Promise<void>;
  close(): void;
}

export interface SmppSettings {
  /** smpp://SYSTEM_ID:PASSWORD@HOST:PORT, as the operator's SMS centre gives them. */
  readonly url: string;
  /** The sender name (alphanumeric, up to 11 characters) the operator registered for PSH. */
  readonly source: string;
  /** Delivery receipts (deliver_sm with a receipt): the message id and its final state. */
  readonly onReceipt?: (messageId: string, state: string) => void;
  /** A citizen's own SMS to PSH's sender (deliver_sm without a receipt): their number and the text. */
  readonly onReply?: (from: string, text: string) => void;
}

const BIND_TIMEOUT_MS = 10_000;
const SUBMIT_TIMEOUT_MS = 15_000;
const STATUS_OK = 0;

/** esm_class bits 2-5 (SMPP 3.4 §5.2.12): 0x04 marks an SMSC delivery receipt; 0 a message from a phone. */
const isReceipt = (pdu: PDU): boolean => (Number(pdu.esm_class) & 0x3c) === 0x04;
const textOf = (pdu: PDU): string => {
  const body = (pdu.message_payload ?? pdu.short_message) as { message?: unknown } | undefined;
  return typeof body?.message === 'string' ? body.message : '';
};

/** `id:ABC sub:001 dlvrd:001 submit date:… stat:DELIVRD err:000 text:…`, SMPP 3.4 appendix B. */
function receiptOf(pdu: PDU): { id: string; state: string } | undefined {
  const text = textOf(pdu);
  const id = /\bid:(\S+)/.exec(text)?.[1];
  const state = /\bstat:(\S+)/.exec(text)?.[1];
  return id && state ? { id, state } : undefined;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer within ${String(ms)} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/**
 * SMS through the operator's SMS centre over SMPP 3.4 (the `smpp` package):
 * one transceiver session, bound on first use and again after it drops; each
 * message one submit_sm, UCS-2 (data_coding 8) when it is not GSM-7, and whole
 * in message_payload when it needs more than one segment, for the centre to split.
 */
export function createSmppTransport(settings: SmppSettings): SmsTransport {
  const url = new URL(settings.url);
  const credentials = { system_id: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
  let bound: Promise<Session> | undefined;
  /** The session `bound` holds, once bound: the one a failure must let go of (and not a newer one). */
  let current: Session | undefined;
  const letGo = (session: Session) => {
    if (current !== session) return;
    current = undefined;
    bound = undefined;
  };

  const bind = (): Promise<Session> =>
    withTimeout(
      new Promise<Session>((resolve, reject) => {
        const session = connect({ url: `smpp://${url.host}`, auto_enquire_link_period: 30_000 }, () => {
          session.bind_transceiver(credentials, (pdu) => {
            if (pdu.command_status === STATUS_OK) {
              current = session;
              resolve(session);
            } else {
              session.destroy();
              reject(new Error(`the SMS centre refused the bind (command_status ${String(pdu.command_status)})`));
            }
          });
        });
        // A session that fails (a PDU the library cannot read, which stops its reading for good; a reset socket)
        // is done: it is closed, and the next message binds a new one, rather than wait on it until a restart.
        session.on('error', (error: Error) => {
          reject(new Error(`SMS centre unreachable: ${error.message}`));
          letGo(session);
          session.destroy();
        });
        session.on('close', () => letGo(session));
        session.on('deliver_sm', (pdu: PDU) => {
          session.send(pdu.response());
          if (!isReceipt(pdu)) return settings.onReply?.(String(pdu.source_addr), textOf(pdu));
          const receipt = receiptOf(pdu);
          if (receipt) settings.onReceipt?.(receipt.id, receipt.state);
        });
      }),
      BIND_TIMEOUT_MS,
      'SMPP bind',
    );

  const session = (): Promise<Session> => {
    bound ??= bind().catch((error: unknown) => {
      bound = undefined;
      throw error;
    });
    return bound;
  };

  return {
    async send(to, text) {
      const live = await session();
      const size = smsSize(text);
      const body = size.segments > 1 ? { short_message: '', message_payload: text } : { short_message: text };
      const pdu = await withTimeout(
        new Promise<PDU>((resolve) =>
          live.submit_sm(
            {
              source_addr_ton: 5,
              source_addr_npi: 0,
              source_addr: settings.source,
              dest_addr_ton: 1,
              dest_addr_npi: 1,
              destination_addr: to.replace(/^\+/, ''),
              registered_delivery: 1,
              data_coding: size.encoding === 'ucs2' ? 8 : 0,
              ...body,
            },
            resolve,
          ),
        ),
        SUBMIT_TIMEOUT_MS,
        'SMPP submit_sm',
      );
      if (pdu.command_status !== STATUS_OK)
        throw new Error(`the SMS centre refused the message (command_status ${String(pdu.command_status)})`);
      return { providerRef: String(pdu.message_id) };
    },
    async verify() {
      const live = await session();
      await new Promise<void>((resolve) => live.unbind({}, () => resolve()));
      live.close();
      bound = undefined;
    },
    close() {
      void bound?.then((live) => live.close()).catch(() => undefined);
      bound = undefined;
    },
  };
}

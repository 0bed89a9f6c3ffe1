// The parts of the `smpp` package (SMPP 3.4/5.0, no types of its own) that Central's SMS transport and the
// tests' SMS centre use.
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer } from 'node:net';

  export interface PDU {
    readonly command: string;
    readonly command_status: number;
    readonly sequence_number: number;
    readonly [field: string]: unknown;
    response(options?: Record<string, unknown>): PDU;
  }
  export class Session extends EventEmitter {
    bind_transceiver(options: Record<string, unknown>, callback?: (pdu: PDU) => void): void;
    submit_sm(options: Record<string, unknown>, callback?: (pdu: PDU) => void): void;
    deliver_sm(options: Record<string, unknown>, callback?: (pdu: PDU) => void): void;
    unbind(options?: Record<string, unknown>, callback?: (pdu: PDU) => void): void;
    send(pdu: PDU, responseCallback?: (pdu: PDU) => void): boolean;
    pause(): void;
    resume(): void;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
  }
  export class Server extends NetServer {}
  export function connect(
    options: { url: string; auto_enquire_link_period?: number; connectTimeout?: number },
    listener?: () => void,
  ): Session;
  export function createServer(options: Record<string, unknown>, listener: (session: Session) => void): Server;
  export const ESME_ROK: number;
  export const ESME_RBINDFAIL: number;
  export const ESME_RINVPASWD: number;
}

import type {
  EventName,
  HandlerArgs,
  HandlerName,
  HandlerResult,
  InvokeResult,
  KioskError,
  KioskEvents,
} from '../../src-main/api/contract.js';

/** How calls reach the kiosk core: Electron IPC or the browser host's HTTP. */
export interface KioskTransport {
  invoke(name: string, args: unknown): Promise<InvokeResult<unknown>>;
  subscribe(name: string, listener: (payload: unknown) => void): () => void;
}

/** A failed call, as an exception inside the UI; `field` names the bad input. */
export class KioskCallError extends Error {
  readonly code: KioskError['code'];
  readonly field: string | undefined;
  constructor(error: KioskError) {
    super(error.message);
    this.name = 'KioskCallError';
    this.code = error.code;
    this.field = error.field;
  }
}

type ArgsTuple<N extends HandlerName> = HandlerArgs<N> extends undefined ? [] : [HandlerArgs<N>];

/** The one typed client: argument and result types come from KioskHandlers, never restated. */
export function createKioskClient(transport: KioskTransport) {
  return {
    async invoke<N extends HandlerName>(name: N, ...args: ArgsTuple<N>): Promise<HandlerResult<N>> {
      const result = await transport.invoke(name, args[0]);
      if (!result.ok) throw new KioskCallError(result.error);
      return result.value as HandlerResult<N>;
    },
    subscribe<E extends EventName>(name: E, listener: (payload: KioskEvents[E]) => void): () => void {
      return transport.subscribe(name, (payload) => listener(payload as KioskEvents[E]));
    },
  };
}

export type KioskClient = ReturnType<typeof createKioskClient>;

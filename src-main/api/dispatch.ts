import { Refusal, StorageError } from '../core/kioskCore.js';
import { argSchemas } from './argSchemas.js';
import type { HandlerName, InvokeResult, KioskHandlerImpls } from './contract.js';
import { KioskApiError } from './errors.js';

const isHandlerName = (name: string): name is HandlerName => Object.hasOwn(argSchemas, name);

/**
 * The one entry point every host calls: checks the name and the argument,
 * runs the handler, and turns any throw into an error value.
 */
export function createDispatcher(handlers: KioskHandlerImpls) {
  return async (name: string, rawArgs: unknown): Promise<InvokeResult<unknown>> => {
    if (!isHandlerName(name)) {
      return { ok: false, error: { code: 'unknown-handler', message: `No kiosk API call named "${name}"` } };
    }
    const parsed = argSchemas[name].safeParse(rawArgs ?? undefined);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        error: { code: 'bad-request', message: issue?.message ?? 'invalid argument', field: issue?.path.join('.') || '(argument)' },
      };
    }
    try {
      const handler = handlers[name] as (args: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof KioskApiError || error instanceof Refusal) {
        return { ok: false, error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } };
      }
      const code = error instanceof StorageError || (error as { code?: string }).code?.startsWith('SQLITE') ? 'storage' : 'internal';
      console.error(`kiosk api: ${name} failed:`, error);
      return { ok: false, error: { code, message: code === 'storage' ? 'Could not save on this kiosk' : 'Internal error' } };
    }
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;

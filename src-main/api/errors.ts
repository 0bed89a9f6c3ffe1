import type { KioskError } from './contract.js';

/** A typed error thrown inside a handler; the dispatcher turns it into an InvokeResult. */
export class KioskApiError extends Error {
  constructor(
    readonly code: KioskError['code'],
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'KioskApiError';
  }
}

export { missingCase } from '../../sync/protocol/missingCase.js';

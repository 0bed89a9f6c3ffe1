import type { KioskError } from '../api/contract.js';
import { missingCase } from '../api/errors.js';

/** The HTTP status that carries a kiosk API error; the body is the InvokeResult either way. */
export function statusForError(code: KioskError['code']): number {
  switch (code) {
    case 'bad-request':
      return 400;
    case 'not-found':
    case 'unknown-handler':
      return 404;
    case 'storage':
      return 503;
    case 'internal':
      return 500;
    default:
      return missingCase(code);
  }
}

import { ENROL_REFUSALS, type EnrolTokenRefusal } from '../../../sync/protocol/enrolment.js';
import { CentralError } from './centralClient.js';

/**
 * Why a technician's token did not enrol the kiosk, in words the technician
 * screen can translate: Central's own refusal of the token, Central not
 * answering (network, proxy, a 5xx), or any other refusal.
 */
export type EnrolRefusal = EnrolTokenRefusal | 'unreachable' | 'refused';

const UNREACHABLE: readonly CentralError['kind'][] = ['network', 'server', 'throttled', 'invalid-answer'];

export function enrolRefusalOf(error: unknown): EnrolRefusal {
  if (!(error instanceof CentralError)) return 'refused';
  const named = ENROL_REFUSALS.find((refusal) => refusal === error.code);
  if (named) return named;
  return UNREACHABLE.includes(error.kind) ? 'unreachable' : 'refused';
}

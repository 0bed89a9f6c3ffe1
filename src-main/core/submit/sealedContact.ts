import { checkContact } from '../../../sync/protocol/contact.js';
import { Refusal } from './refusal.js';
import type { SubmissionPath } from './submissionPath.js';

/** Optional contact details (feedback, proposals): checked by the protocol's rule, then sealed; nothing when left empty. */
export function sealedContact(path: SubmissionPath, contact: string | undefined): string | undefined {
  if (contact === undefined || contact.trim() === '') return undefined;
  const checked = checkContact(contact);
  if ('problem' in checked)
    throw new Refusal('bad-request', checked.problem === 'email' ? 'Not a valid e-mail address' : 'Not a valid phone number', 'contact');
  return path.seal(checked.value, 'contact', 'contact details');
}

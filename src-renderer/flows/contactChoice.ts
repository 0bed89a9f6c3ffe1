import { checkContact, isNotifiable } from '../../sync/protocol/contact.js';
import type { KioskErrorKey } from '../shells/kiosk/kioskState.js';

/**
 * What the visitor chose on a contact step, checked when they move on (the
 * protocol's rule, as the kiosk's core and Central run it): the contact in its
 * stored form (empty for none), or what is wrong with it. "Tell me" needs a
 * contact to tell: an e-mail, or a Georgian mobile number.
 */
export function contactChoice(contact: string, notify: boolean): { readonly contact: string } | { readonly error: KioskErrorKey } {
  if (contact.trim() === '') return notify ? { error: 'notifyNeedsContact' } : { contact: '' };
  const checked = checkContact(contact);
  if ('problem' in checked) return { error: checked.problem === 'email' ? 'invalidEmail' : 'invalidPhone' };
  if (notify && !isNotifiable(checked)) return { error: 'notifyNeedsMobile' };
  return { contact: checked.value };
}

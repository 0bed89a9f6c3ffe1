/**
 * Contact details a visitor may leave with feedback: a phone number or an
 * e-mail address. Checked on the kiosk (to say at once what is wrong) and
 * again in the kiosk core before it is sealed.
 */
export type ContactCheck = { readonly kind: 'phone' | 'email'; readonly value: string } | { readonly problem: 'phone' | 'email' };

export const MAX_CONTACT = 254;

const EMAIL =
  /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}$/;

/** Georgian numbers have 9 digits (mobile 5XX XX XX XX, Tbilisi 32 2XX XX XX); +995 is optional. Other countries: +, 8 to 15 digits. */
export function checkContact(typed: string): ContactCheck {
  const text = typed.trim();
  if (text.includes('@')) return text.length <= MAX_CONTACT && EMAIL.test(text) ? { kind: 'email', value: text } : { problem: 'email' };
  const compact = text.replace(/[\s().-]/g, '');
  const georgian = /^(?:\+995|00995)?([345789]\d{8})$/.exec(compact);
  if (georgian) return { kind: 'phone', value: `+995${georgian[1] ?? ''}` };
  if (/^\+[1-9]\d{7,14}$/.test(compact)) return { kind: 'phone', value: compact };
  return { problem: 'phone' };
}

/**
 * A contact messages can be sent to (notifications, issue #32): an e-mail, or a
 * Georgian mobile number (+995 5XX XX XX XX), the only numbers PSH's SMS
 * provider delivers to. Landlines and foreign numbers can be called, not texted.
 */
export function isNotifiable(contact: ContactCheck): boolean {
  if ('problem' in contact) return false;
  return contact.kind === 'email' || /^\+9955\d{8}$/.test(contact.value);
}

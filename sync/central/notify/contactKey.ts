import { createHmac, randomBytes } from 'node:crypto';
import { checkContact } from '../../protocol/contact.js';
import { keyFile } from '../services/keyFile.js';

/** A contact's keyed hash: the same number or address always gives the same key, and the key gives back nothing. */
export type ContactKeyOf = (contact: string) => string;

/**
 * The key under which a contact's replies are found (issue #32: "STOP", "1",
 * "2" by SMS): HMAC-SHA256 with a secret of Central's keys folder, over the
 * contact as the protocol normalises it (+995… for a Georgian number, an
 * e-mail in lower case). Never the contact itself, and never in the record.
 */
export function loadContactKey(dataDir: string): ContactKeyOf {
  const secret = Buffer.from(
    keyFile(dataDir, 'contact-hmac.key', () => randomBytes(32).toString('base64'))
      .toString('utf8')
      .trim(),
    'base64',
  );
  return (contact) => {
    const checked = checkContact(contact);
    const normal = 'problem' in checked ? contact.trim() : checked.kind === 'email' ? checked.value.toLowerCase() : checked.value;
    return createHmac('sha256', secret).update(normal).digest('hex');
  };
}

import { createCipheriv, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes } from 'node:crypto';

/** The HKDF info of every sealed box; sync/central/services/sealingKey.ts opens what this seals. */
export const SEAL_INFO = 'psh-sealed-v1';

/**
 * Seals a short text (a phone number, an e-mail address) to Central's X25519
 * public key the moment the visitor confirms it: the kiosk keeps only the
 * sealed box, which its own files cannot open, not even with the device key.
 * Central's phone pages seal with it too, so a phone's contact is stored exactly as a kiosk's.
 */
export function sealToCentral(text: string, centralPublicKeyPem: string): string {
  const central = createPublicKey(centralPublicKeyPem);
  if (central.asymmetricKeyType !== 'x25519') throw new Error('Central sealing key is not an X25519 key');
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralRaw = ephemeral.publicKey.export({ type: 'spki', format: 'der' }).subarray(-32);
  const secret = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: central });
  const key = Buffer.from(hkdfSync('sha256', secret, ephemeralRaw, SEAL_INFO, 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([ephemeralRaw, iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
}

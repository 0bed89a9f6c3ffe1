import {
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
} from 'node:crypto';
import { keyFile } from './keyFile.js';
import { SEAL_INFO } from '../../node/sealToCentral.js';

/**
 * Central's X25519 key pair for personal data. Kiosks seal contact details
 * (and, later, personal numbers) to the public key; only Central can open
 * them, and it does so only to show a responder the contact. The format is
 * the one src-main/core/crypto/sealToCentral.ts writes:
 *   base64url( ephemeral X25519 public key (32) | iv (12) | GCM tag (16) | ciphertext )
 * with the AES-256-GCM key = HKDF-SHA256(ECDH secret, salt = ephemeral key, info = SEAL_INFO).
 */
const X25519_SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');

export interface SealingKey {
  readonly publicKeyPem: string;
  /** The clear text, or undefined when the box was not sealed to this key or was altered. */
  open(sealed: string): string | undefined;
}

export function sealingKeyFrom(privateKey: KeyObject): SealingKey {
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return {
    publicKeyPem,
    open(sealed) {
      try {
        const box = Buffer.from(sealed, 'base64url');
        if (box.length < 32 + 12 + 16 + 1) return undefined;
        const ephemeral = createPublicKey({ key: Buffer.concat([X25519_SPKI_PREFIX, box.subarray(0, 32)]), format: 'der', type: 'spki' });
        const secret = diffieHellman({ privateKey, publicKey: ephemeral });
        const key = Buffer.from(hkdfSync('sha256', secret, box.subarray(0, 32), SEAL_INFO, 32));
        const decipher = createDecipheriv('aes-256-gcm', key, box.subarray(32, 44));
        decipher.setAuthTag(box.subarray(44, 60));
        return Buffer.concat([decipher.update(box.subarray(60)), decipher.final()]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}

/** Loads the key from Central's data folder, creating it (mode 0600) on first start. */
export function loadSealingKey(dataDir: string): SealingKey {
  const pem = keyFile(dataDir, 'sealing-x25519.pem', () =>
    generateKeyPairSync('x25519').privateKey.export({ type: 'pkcs8', format: 'pem' }),
  );
  return sealingKeyFrom(createPrivateKey(pem));
}

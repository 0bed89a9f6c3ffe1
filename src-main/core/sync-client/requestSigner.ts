import { createHash, randomBytes, sign } from 'node:crypto';
import { SIGNATURE_HEADERS, signingString, UNSIGNED_PAYLOAD } from '../../../sync/protocol/signing.js';
import type { DeviceKey } from '../device/deviceKey.js';

/** Pass as the body of a resumable upload request: its chunks are not hashed into the signature. */
export const UNSIGNED_BODY = Symbol('unsigned body');

export type RequestSigner = (method: string, path: string, body: string | undefined | typeof UNSIGNED_BODY) => Record<string, string>;

/** Signs each request over method, path, body hash, time and a fresh nonce (RELIABILITY.md). */
export function createRequestSigner(deviceId: string, key: DeviceKey): RequestSigner {
  return (method, path, body) => {
    const timestamp = String(Date.now());
    const nonce = randomBytes(16).toString('base64url');
    const bodySha256 =
      body === UNSIGNED_BODY
        ? UNSIGNED_PAYLOAD
        : createHash('sha256')
            .update(body ?? '')
            .digest('hex');
    const signature = sign(null, Buffer.from(signingString({ method, path, bodySha256, timestamp, nonce, deviceId })), key.privateKey);
    return {
      [SIGNATURE_HEADERS.device]: deviceId,
      [SIGNATURE_HEADERS.timestamp]: timestamp,
      [SIGNATURE_HEADERS.nonce]: nonce,
      [SIGNATURE_HEADERS.signature]: signature.toString('base64'),
    };
  };
}

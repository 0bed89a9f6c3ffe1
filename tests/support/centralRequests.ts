import type { RunningCentral } from '../../sync/central/startCentral.js';
import { createEnrolmentToken } from '../../sync/central/services/enrolment.js';
import { newDeviceKey, testDevice, type TestDevice } from './testDevice.js';

/** Raw HTTP against a running Central, signed the way a kiosk signs, or not at all. */
export function centralRequests(central: () => RunningCentral) {
  const send = (method: string, path: string, body?: unknown, device?: TestDevice, extraHeaders: Record<string, string> = {}) => {
    const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    return fetch(`${central().url}${path}`, {
      method,
      headers: {
        ...(text !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(device ? device.sign(method, path, text) : {}),
        ...extraHeaders,
      },
      ...(text !== undefined ? { body: text } : {}),
    });
  };
  return {
    send,
    post: (path: string, body: unknown, device?: TestDevice) => send('POST', path, body, device),
    get: (path: string, device?: TestDevice, headers: Record<string, string> = {}) => send('GET', path, undefined, device, headers),
    /** Enrols a fresh device key with a fresh token and returns the signing identity. */
    async enrol(branch = 'tbilisi-central'): Promise<TestDevice> {
      const { token } = await createEnrolmentToken(central().db, branch, 1);
      const key = newDeviceKey();
      const response = await send('POST', '/api/kiosk/enrol', { token, kioskId: 'kiosk-a', publicKey: key.publicKeyPem });
      if (response.status !== 200) throw new Error(`enrol failed: ${response.status} ${await response.text()}`);
      const { deviceId } = (await response.json()) as { deviceId: string };
      return testDevice(deviceId, key);
    },
  };
}

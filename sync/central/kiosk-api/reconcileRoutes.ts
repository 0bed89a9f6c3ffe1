import { ErrorBody } from '../../protocol/errors.js';
import { Heartbeat, HeartbeatResponse, HeldRequest, HeldResponse, ReconcileSummary } from '../../protocol/fleet.js';
import { SIGNATURE_HEADERS } from '../../protocol/signing.js';
import { storeHeartbeat } from '../services/fleet.js';
import { heldIds, reconcileSummary } from '../services/reconcile.js';
import { requireDevice } from './deviceAuth.js';
import { deviceIdOf, type KioskApi, type KioskApiDeps } from './kioskApi.js';

/** What a kiosk tells of itself (the heartbeat) and asks of Central (what it holds from the kiosk, to reconcile). */
export function reconcileRoutes(api: KioskApi, { db }: KioskApiDeps): void {
  const deviceOnly = requireDevice(db);
  api.post('/api/kiosk/heartbeat', {
    schema: {
      tags: ['kiosk'],
      summary: 'Report queue depth, disk, version and alerts; Central keeps the latest per device',
      body: Heartbeat,
      response: { 200: HeartbeatResponse, 400: ErrorBody, 401: ErrorBody },
    },
    bodyLimit: 256 * 1024,
    preValidation: deviceOnly,
    handler: async (request) => {
      // The signature's timestamp was checked to be within the accepted skew: it is the kiosk's clock now.
      const sentAt = Number(request.headers[SIGNATURE_HEADERS.timestamp]);
      return storeHeartbeat(db, deviceIdOf(request), request.body, Number.isSafeInteger(sentAt) ? sentAt - Date.now() : null);
    },
  });

  api.get('/api/kiosk/reconcile', {
    schema: {
      tags: ['kiosk'],
      summary: 'How many submissions, and the highest seq, Central holds from this device',
      response: { 200: ReconcileSummary, 401: ErrorBody },
    },
    preValidation: deviceOnly,
    handler: async (request) => reconcileSummary(db, deviceIdOf(request)),
  });

  api.post('/api/kiosk/reconcile/held', {
    schema: {
      tags: ['kiosk'],
      summary: 'Which of these submission ids Central holds from this device',
      body: HeldRequest,
      response: { 200: HeldResponse, 400: ErrorBody, 401: ErrorBody },
    },
    preValidation: deviceOnly,
    handler: async (request) => ({ held: await heldIds(db, deviceIdOf(request), request.body.ids) }),
  });
}

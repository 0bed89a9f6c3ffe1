import { ContentPack } from '../../../sync/protocol/contentPack.js';
import { EnrolResponse, type EnrolRequest } from '../../../sync/protocol/enrolment.js';
import { PushResponse, type PushRequest } from '../../../sync/protocol/push.js';
import { HealthResponse } from '../../../sync/protocol/errors.js';
import { HeartbeatResponse, HeldResponse, ReconcileSummary, type Heartbeat } from '../../../sync/protocol/fleet.js';
import { PublicFeedback } from '../../../sync/protocol/feedbackStatus.js';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../sync/protocol/version.js';
import { CosignResponse, type CosignRequest } from '../../../sync/protocol/witness.js';
import type { RequestSigner } from './requestSigner.js';

/** A failed exchange with Central, classified for the retry policy. */
export class CentralError extends Error {
  constructor(
    /**
     * network/server/throttled/misrouted/invalid-answer: retry later, the items are fine.
     * rejected (400, 413, 422): Central refuses these items; bisect to find the bad one.
     * unauthorized: re-enrol. protocol: Central needs a newer kiosk.
     */
    readonly kind: 'network' | 'server' | 'throttled' | 'misrouted' | 'unauthorized' | 'rejected' | 'protocol' | 'invalid-answer',
    message: string,
    readonly retryAfter: string | null = null,
    readonly status = 0,
    /** Central's own word for a refusal (its JSON answer's `error`, e.g. `token-used`), when it gave one. */
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'CentralError';
  }
}

const REQUEST_TIMEOUT_MS = 15_000;

/** The `error` of Central's JSON error body (protocol/errors.ts), or null for anything else (a proxy's page). */
function errorCodeOf(text: string): string | null {
  try {
    const body: unknown = JSON.parse(text);
    const code = typeof body === 'object' && body !== null && 'error' in body ? body.error : undefined;
    return typeof code === 'string' ? code : null;
  } catch {
    return null;
  }
}

/** HTTP calls from the kiosk to Central. Every answer is validated before use. */
export function createCentralClient(baseUrl: string) {
  /**
   * One request and the reading of its answer, under one timeout. (Not
   * AbortSignal.timeout: its timer and signal live on for the full 15 s after
   * every request, which a kiosk syncing often pays for in memory.)
   */
  const exchange = async <T>(
    path: string,
    init: { method: string; body?: string; headers?: Record<string, string>; signer?: RequestSigner },
    read: (response: Response) => Promise<T>,
  ): Promise<T> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)), REQUEST_TIMEOUT_MS);
    try {
      return await read(await call(path, init, controller.signal));
    } finally {
      clearTimeout(timer);
    }
  };

  const call = async (
    path: string,
    init: { method: string; body?: string; headers?: Record<string, string>; signer?: RequestSigner },
    signal: AbortSignal,
  ): Promise<Response> => {
    const headers = new Headers(init.headers);
    headers.set(PROTOCOL_HEADER, String(PROTOCOL_VERSION));
    if (init.body !== undefined) headers.set('content-type', 'application/json');
    for (const [name, value] of Object.entries(init.signer?.(init.method, path, init.body) ?? {})) headers.set(name, value);
    let response: Response;
    try {
      response = await fetch(new URL(path, baseUrl), {
        method: init.method,
        headers,
        ...(init.body !== undefined ? { body: init.body } : {}),
        signal,
      });
    } catch (error) {
      throw new CentralError('network', `Central unreachable: ${(error as Error).message}`);
    }
    if (response.status === 304 || response.ok) return response;
    const text = await response.text().catch(() => '');
    const detail = `${response.status} ${text.slice(0, 300)}`;
    if (response.status === 401) throw new CentralError('unauthorized', detail, null, 401);
    if (response.status === 429) throw new CentralError('throttled', detail, response.headers.get('retry-after'), 429);
    if (response.status === 426) throw new CentralError('protocol', detail, null, 426);
    if (response.status >= 500) throw new CentralError('server', detail, response.headers.get('retry-after'), response.status);
    if ([400, 413, 422].includes(response.status)) throw new CentralError('rejected', detail, null, response.status);
    // 403/404/405...: a wrong URL or a proxy page, not a verdict on our items. Never dead-letter on it.
    throw new CentralError('misrouted', detail, null, response.status, errorCodeOf(text));
  };

  const json = async <T>(response: Response, schema: { parse: (value: unknown) => T }): Promise<T> => {
    try {
      return schema.parse(await response.json());
    } catch (error) {
      // A truncated or garbled answer is treated like a network failure: nothing is marked done.
      throw new CentralError('invalid-answer', `Central's answer did not validate: ${(error as Error).message.slice(0, 300)}`);
    }
  };

  const notFoundAsNull = (error: unknown): null => {
    if (error instanceof CentralError && error.status === 404) return null;
    throw error;
  };

  return {
    enrol: (request: EnrolRequest): Promise<EnrolResponse> =>
      exchange('/api/kiosk/enrol', { method: 'POST', body: JSON.stringify(request) }, (response) => json(response, EnrolResponse)),
    /** The newest pack, or null when ours (by version) is current. */
    pullContent: (signer: RequestSigner, haveVersion: number): Promise<ContentPack | null> =>
      exchange('/api/kiosk/content', { method: 'GET', signer, headers: { 'if-none-match': `"v${haveVersion}"` } }, (response) =>
        // A 304's (empty) body must still be consumed: an unread fetch body keeps ~20 KB alive per request.
        response.status === 304 ? response.arrayBuffer().then(() => null) : json(response, ContentPack),
      ),
    /** Cheap unauthenticated probe used while offline, to retry as soon as Central is back. */
    health: (): Promise<HealthResponse> => exchange('/api/health', { method: 'GET' }, (response) => json(response, HealthResponse)),
    heartbeat: (signer: RequestSigner, heartbeat: Heartbeat): Promise<HeartbeatResponse> =>
      exchange('/api/kiosk/heartbeat', { method: 'POST', signer, body: JSON.stringify(heartbeat) }, (response) =>
        json(response, HeartbeatResponse),
      ),
    reconcileSummary: (signer: RequestSigner): Promise<ReconcileSummary> =>
      exchange('/api/kiosk/reconcile', { method: 'GET', signer }, (response) => json(response, ReconcileSummary)),
    held: async (signer: RequestSigner, ids: string[]): Promise<string[]> =>
      (
        await exchange('/api/kiosk/reconcile/held', { method: 'POST', signer, body: JSON.stringify({ ids }) }, (response) =>
          json(response, HeldResponse),
        )
      ).held,
    /** A feedback's public status; null when Central has none with this code. */
    feedbackStatus: (signer: RequestSigner, code: string): Promise<PublicFeedback | null> =>
      exchange(`/api/kiosk/feedback/${encodeURIComponent(code)}`, { method: 'GET', signer }, (response) =>
        json(response, PublicFeedback),
      ).catch(notFoundAsNull),
    /** The visitor says the answer did not help; null when there is no such feedback, the CentralError (409) when it cannot be reopened. */
    reopenFeedback: (signer: RequestSigner, code: string): Promise<PublicFeedback | null> =>
      exchange(`/api/kiosk/feedback/${encodeURIComponent(code)}/reopen`, { method: 'POST', signer, body: '{}' }, (response) =>
        json(response, PublicFeedback),
      ).catch(notFoundAsNull),
    /** A file of the public record (`key`, `checkpoint`, `tile/…`), as any client of it reads it: unsigned. */
    recordFile: (path: string): Promise<Buffer> =>
      exchange(`/record/${path}`, { method: 'GET' }, async (response) => Buffer.from(await response.arrayBuffer())),
    cosign: (signer: RequestSigner, request: CosignRequest): Promise<CosignResponse> =>
      exchange('/api/kiosk/record/cosignature', { method: 'POST', signer, body: JSON.stringify(request) }, (response) =>
        json(response, CosignResponse),
      ),
    push: (signer: RequestSigner, request: PushRequest): Promise<PushResponse> =>
      exchange('/api/kiosk/submissions', { method: 'POST', signer, body: JSON.stringify(request) }, (response) =>
        json(response, PushResponse),
      ),
  };
}

export type CentralClient = ReturnType<typeof createCentralClient>;

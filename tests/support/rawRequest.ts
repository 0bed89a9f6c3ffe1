import { request } from 'node:http';

export interface RawAnswer {
  readonly status: number;
  readonly body: Buffer;
}

/**
 * One HTTP request with node:http, for tests that must send what fetch refuses
 * (TRACE, odd methods, raw bytes) and must tell a reset or a hang from an
 * answer: it rejects with the socket error's code, or with `hang` after
 * timeoutMs without a complete answer.
 */
export function rawRequest(
  url: string,
  options: { method: string; headers: Record<string, string>; body?: string | Uint8Array; timeoutMs: number },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    // A fresh connection per request: a reset then belongs to this request, not to an earlier one on a reused socket.
    // A declared length, as browsers and fetch send it (not chunked), so the server may answer before reading the body.
    const length = options.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(options.body)) };
    const req = request(url, { method: options.method, headers: { ...options.headers, ...length }, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
      response.on('error', (error: NodeJS.ErrnoException) => reject(new Error(error.code ?? error.message)));
    });
    req.setTimeout(options.timeoutMs, () => {
      req.destroy();
      reject(new Error('hang'));
    });
    req.on('error', (error: NodeJS.ErrnoException) => reject(new Error(error.code ?? error.message)));
    req.end(options.body);
  });
}

import type { FileStore } from '@tus/file-store';
import type { Upload } from '@tus/server';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** tus's default upload names: 16 random bytes in hex. Anything else names no upload of ours. */
const UPLOAD_ID = /^[0-9a-f]{32}$/;

/**
 * The upload a tus request addresses (`<path>/<id>`), or `null` for the
 * collection itself (a POST that creates one), or `undefined` for a path that
 * names nothing we could have made.
 */
export function addressedUpload(url: string, path: string): string | null | undefined {
  const pathname = url.split('?', 1)[0] ?? '';
  if (pathname === path) return null;
  if (!pathname.startsWith(`${path}/`)) return undefined;
  const id = pathname.slice(path.length + 1);
  return UPLOAD_ID.test(id) ? id : undefined;
}

/** An upload's stored state (size, offset, metadata), or undefined when there is none by that id. */
export async function storedUpload(store: FileStore, id: string): Promise<Upload | undefined> {
  try {
    return await store.getUpload(id);
  } catch {
    return undefined;
  }
}

/**
 * Nobody downloads through tus: kiosks and phones only send, and staff hear
 * voice messages through the console's signed-in routes. (tus's download
 * answer wraps a file stream in a web Response; under Node 20's fetch, a
 * client that aborts it mid-stream throws an uncatchable ERR_INVALID_STATE,
 * undici issue #5715, which ended Central.)
 */
export function refuseDownload(reply: FastifyReply): FastifyReply {
  return reply
    .code(405)
    .header('allow', 'POST, HEAD, PATCH, DELETE, OPTIONS')
    .send({ error: 'method-not-allowed', message: 'Uploads cannot be downloaded' });
}

/** The same answer for "not yours" and "no such upload": an id learns a stranger nothing. */
export function refuseUnknownUpload(reply: FastifyReply): FastifyReply {
  return reply.code(404).send({ error: 'not-found', message: 'No upload of yours has this address' });
}

/**
 * Hands a request that passed every check to tus. The reply is hijacked, so
 * an error tus throws cannot reach Fastify's handler: it is logged and the
 * connection closed, never left to become an unhandled rejection.
 */
export async function handOverToTus(
  request: FastifyRequest,
  reply: FastifyReply,
  handle: (raw: FastifyRequest['raw'], res: FastifyReply['raw']) => Promise<unknown>,
): Promise<FastifyReply> {
  reply.hijack();
  try {
    await handle(request.raw, reply.raw);
  } catch (error) {
    request.log.error({ err: error }, 'tus request failed');
    if (!reply.raw.headersSent) reply.raw.writeHead(500, { 'content-type': 'application/json' });
    reply.raw.destroy();
  }
  return reply;
}

import { createReadStream } from 'node:fs';
import type { FastifyReply } from 'fastify';

/**
 * A voice message to staff (feedback, proposal, survey answer): streamed, never
 * cached; or a 404 saying it has not arrived (files upload after the text).
 */
export function sendVoiceMessage(reply: FastifyReply, path: string | undefined): FastifyReply {
  if (!path)
    return reply.code(404).send({ error: 'not-found', message: 'The voice message has not arrived yet (it uploads after the text)' });
  return reply.header('content-type', 'audio/wav').header('cache-control', 'private, no-store').send(createReadStream(path));
}

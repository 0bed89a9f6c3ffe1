import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server as TusServer } from '@tus/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { UploadRefusal } from '../http/uploadRefusal.js';
import { findDeclaredAttachment, markAttachmentReceived, sha256OfFile } from '../services/attachments.js';
import { verifySignedRequest } from '../services/requestVerification.js';

const PATH = '/api/kiosk/uploads';

const refuse = (status: number, error: string, message: string) => new UploadRefusal(status, error, message);

/**
 * Resumable uploads (tus 1.0) of the files a submission declared. Every tus
 * request is signed like any kiosk request (body hash replaced by
 * UNSIGNED-PAYLOAD, since chunks stream); at the end the whole file's sha256
 * must match the declaration, or the upload is refused and deleted.
 */
export function uploadRoutes(db: Kysely<CentralDatabase>, uploadDir: string) {
  const deviceOf = new WeakMap<Request, string>();

  // Made on the first upload: tus's file store creates its folder asynchronously when constructed, and a Central
  // built and closed at once (a test, a benchmark) whose folder is then removed would crash on that callback.
  let tus: TusServer | undefined;
  const server = (): TusServer =>
    (tus ??= new TusServer({
      path: PATH,
      datastore: new FileStore({ directory: uploadDir }),
      maxSize: 64 * 1024 * 1024,
      disableTerminationForFinishedUploads: true,
      async onIncomingRequest(request) {
        const url = new URL(request.url);
        const result = await verifySignedRequest(db, {
          method: request.method,
          url: `${url.pathname}${url.search}`,
          rawBody: undefined,
          unsignedPayload: true,
          header: (name) => request.headers.get(name) ?? undefined,
        });
        if (typeof result === 'string') throw refuse(401, result, `Upload not accepted: ${result}`);
        deviceOf.set(request, result.id);
      },
      async onUploadCreate(request, upload) {
        const deviceId = deviceOf.get(request) ?? '';
        const submissionId = upload.metadata?.submissionId ?? '';
        const name = upload.metadata?.name ?? '';
        const declared = await findDeclaredAttachment(db, { deviceId, submissionId, name });
        if (!declared) throw refuse(400, 'undeclared-attachment', 'No submission of this kiosk declared this file');
        if (declared.received_at) throw refuse(409, 'already-received', 'This file was already received');
        if (upload.size !== declared.size)
          throw refuse(400, 'size-mismatch', `Declared ${declared.size} bytes, upload says ${String(upload.size)}`);
        return {};
      },
      async onUploadFinish(request, upload) {
        const deviceId = deviceOf.get(request) ?? '';
        const declaredRef = { deviceId, submissionId: upload.metadata?.submissionId ?? '', name: upload.metadata?.name ?? '' };
        const declared = await findDeclaredAttachment(db, declaredRef);
        const file = join(uploadDir, upload.id);
        const actual = await sha256OfFile(file);
        if (!declared || actual !== declared.sha256) {
          rmSync(file, { force: true });
          rmSync(`${file}.json`, { force: true });
          throw refuse(422, 'sha256-mismatch', 'The uploaded file does not match its declared sha256; upload it again');
        }
        await markAttachmentReceived(db, declaredRef, upload.id);
        return {};
      },
    }));

  return (app: FastifyInstance): void => {
    // tus reads the raw stream itself: Fastify must not parse these bodies.
    app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));
    const handle = (request: FastifyRequest, reply: FastifyReply) => {
      reply.hijack();
      void server().handle(request.raw, reply.raw);
    };
    app.all(PATH, { schema: { hide: true } }, handle);
    app.all(`${PATH}/*`, { schema: { hide: true } }, handle);
  };
}

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server as TusServer } from '@tus/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { addressedUpload, handOverToTus, refuseDownload, refuseUnknownUpload, storedUpload } from '../http/tusGate.js';
import { UploadRefusal } from '../http/uploadRefusal.js';
import { findDeclaredAttachment, markAttachmentReceived, sha256OfFile } from '../services/attachments.js';
import { verifySignedRequest } from '../services/requestVerification.js';

const PATH = '/api/kiosk/uploads';
/** tus hands its hooks srvx's web Request, which carries the Node request it was made from (srvx's `runtime.node`). */
interface NodeBackedRequest {
  readonly runtime?: { readonly node?: { readonly req: object } | undefined } | undefined;
}

const refuse = (status: number, error: string, message: string) => new UploadRefusal(status, error, message);

/**
 * Resumable uploads (tus 1.0) of the files a submission declared. Every tus
 * request is signed like any kiosk request (body hash replaced by
 * UNSIGNED-PAYLOAD, since chunks stream) and checked before tus sees it; an
 * upload answers only the device whose submission declared it; at the end the
 * whole file's sha256 must match the declaration, or the upload is refused and deleted.
 */
export function uploadRoutes(db: Kysely<CentralDatabase>, uploadDir: string) {
  // The device Fastify verified for each request, found again by tus's hooks through the Node request.
  const verifiedDevice = new WeakMap<object, string>();
  const deviceOf = (request: NodeBackedRequest): string => {
    const raw = request.runtime?.node?.req;
    return (raw && verifiedDevice.get(raw)) ?? '';
  };

  // Made on the first upload: tus's file store creates its folder asynchronously when constructed, and a Central
  // built and closed at once (a test, a benchmark) whose folder is then removed would crash on that callback.
  let store: FileStore | undefined;
  const fileStore = (): FileStore => (store ??= new FileStore({ directory: uploadDir }));
  let tus: TusServer | undefined;
  const server = (): TusServer =>
    (tus ??= new TusServer({
      path: PATH,
      datastore: fileStore(),
      maxSize: 64 * 1024 * 1024,
      disableTerminationForFinishedUploads: true,
      async onUploadCreate(request, upload) {
        const deviceId = deviceOf(request);
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
        const deviceId = deviceOf(request);
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
    /** The upload's metadata names a submission: it is this device's only if this device declared that file. */
    const isOwnUpload = async (deviceId: string, id: string): Promise<boolean> => {
      const metadata = (await storedUpload(fileStore(), id))?.metadata;
      if (!metadata?.submissionId || !metadata.name) return false;
      return (await findDeclaredAttachment(db, { deviceId, submissionId: metadata.submissionId, name: metadata.name })) !== undefined;
    };
    const handle = async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.method === 'GET') return refuseDownload(reply);
      // Authenticate first: an unsigned request learns nothing, not even whether an upload exists.
      const verified = await verifySignedRequest(db, {
        method: request.method,
        url: request.url,
        rawBody: undefined,
        unsignedPayload: true,
        header: (name) => {
          const value = request.headers[name.toLowerCase()];
          return typeof value === 'string' ? value : undefined;
        },
      });
      if (typeof verified === 'string') return reply.code(401).send({ error: verified, message: `Upload not accepted: ${verified}` });
      const id = addressedUpload(request.url, PATH);
      if (id === undefined || (id !== null && !(await isOwnUpload(verified.id, id)))) return refuseUnknownUpload(reply);
      verifiedDevice.set(request.raw, verified.id);
      return handOverToTus(request, reply, (raw, res) => server().handle(raw, res));
    };
    app.all(PATH, { schema: { hide: true } }, handle);
    app.all(`${PATH}/*`, { schema: { hide: true } }, handle);
  };
}

import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server as TusServer } from '@tus/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isSameOriginPost } from '../http/sameOrigin.js';
import { addressedUpload, handOverToTus, refuseDownload, refuseUnknownUpload, storedUpload } from '../http/tusGate.js';
import { UploadRefusal } from '../http/uploadRefusal.js';
import { sha256OfFile } from '../services/attachments.js';
import { loadPhoneSession, savePhoneSession } from '../services/phoneSessions.js';
import { sha256Hex } from '../services/secrets.js';
import { sweepUnsentVoice } from '../services/unsentVoice.js';
import { PHONE_COOKIE, type PhoneDeps } from './phoneContext.js';

export const PHONE_UPLOAD_PATH = '/phone/uploads';
/** Two minutes of 16 kHz 16-bit mono is 3.84 MB; a little room above it. */
export const MAX_PHONE_VOICE_BYTES = 5 * 1024 * 1024;
const SESSION_COOKIE = new RegExp(`(?:^|;\\s*)${PHONE_COOKIE}=([^;]+)`);

/** A 16-bit PCM WAV, as the recorder script encodes it (and as staff's players and the kiosk's files are). */
async function isPcmWav(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(44), 0, 44, 0);
    return (
      bytesRead === 44 &&
      buffer.toString('ascii', 0, 4) === 'RIFF' &&
      buffer.toString('ascii', 8, 12) === 'WAVE' &&
      buffer.toString('ascii', 12, 16) === 'fmt ' &&
      buffer.readUInt16LE(20) === 1 &&
      buffer.readUInt16LE(34) === 16
    );
  } finally {
    await file.close();
  }
}

/**
 * Voice messages from phones, uploaded resumably (tus 1.0, as the kiosks
 * upload theirs) before the feedback form is sent: the upload belongs to the
 * visitor's session (its cookie; creating one needs the page's form token and
 * a same-origin request), must be a 16-bit PCM WAV, and once whole it is kept
 * in the session with its size and sha256. Sending the form then declares it
 * in the submission, which is complete at once (services/phoneSubmit.ts).
 */
export function voiceUploadRoutes(deps: PhoneDeps) {
  const { db, uploadDir } = deps;
  // Unsent uploads are swept now and then, when a new one starts (at most every ten minutes).
  let lastSweep = 0;
  const sweepNowAndThen = () => {
    if (Date.now() - lastSweep < 10 * 60_000) return;
    lastSweep = Date.now();
    void sweepUnsentVoice(db, uploadDir).catch(() => undefined);
  };
  // tus hands its hooks a web Request of its own: the session is read from that request's cookie.
  const sessionOf = (request: Request) => loadPhoneSession(db, SESSION_COOKIE.exec(request.headers.get('cookie') ?? '')?.[1]);

  // Made on the first upload, as the kiosks' (kiosk-api/uploadRoutes.ts says why).
  let store: FileStore | undefined;
  const fileStore = (): FileStore => (store ??= new FileStore({ directory: uploadDir }));
  let tus: TusServer | undefined;
  const server = (): TusServer =>
    (tus ??= new TusServer({
      path: PHONE_UPLOAD_PATH,
      datastore: fileStore(),
      maxSize: MAX_PHONE_VOICE_BYTES,
      disableTerminationForFinishedUploads: true,
      async onUploadCreate(request, upload) {
        const session = await sessionOf(request);
        if (!session || request.headers.get('x-csrf-token') !== session.csrfToken)
          throw new UploadRefusal(403, 'expired-form', 'Start again from the feedback page');
        sweepNowAndThen();
        // The upload is tied to the session that created it: another session cannot finish it or claim it.
        return { metadata: { ...upload.metadata, session: sha256Hex(session.token) } };
      },
      async onUploadFinish(request, upload) {
        const session = await sessionOf(request);
        const file = join(uploadDir, upload.id);
        if (!session || upload.metadata?.session !== sha256Hex(session.token))
          throw new UploadRefusal(403, 'not-your-upload', 'This upload belongs to another visit');
        if (!(await isPcmWav(file))) {
          await rm(file, { force: true });
          await rm(`${file}.json`, { force: true });
          throw new UploadRefusal(415, 'not-a-pcm-wav', 'A voice message is a 16-bit PCM WAV');
        }
        const previous = session.state.voice;
        const voice = { uploadId: upload.id, size: upload.size ?? upload.offset, sha256: await sha256OfFile(file) };
        await savePhoneSession(db, session, { ...session.state, voice });
        // A message recorded again replaces the one before it, which nobody will send.
        if (previous && previous.uploadId !== upload.id) {
          await rm(join(uploadDir, previous.uploadId), { force: true });
          await rm(join(uploadDir, `${previous.uploadId}.json`), { force: true });
        }
        return {};
      },
    }));

  return (app: FastifyInstance): void => {
    app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));
    /** An upload is its session's alone: HEAD, PATCH and DELETE from any other visit (or none) learn and change nothing. */
    const isOwnUpload = async (request: FastifyRequest, id: string): Promise<boolean> => {
      const session = await loadPhoneSession(db, request.cookies[PHONE_COOKIE]);
      const upload = session ? await storedUpload(fileStore(), id) : undefined;
      return session !== undefined && upload?.metadata?.session === sha256Hex(session.token);
    };
    const handle = async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.method === 'GET') return refuseDownload(reply);
      // Every tus request changes state except HEAD: each must come from this site's pages (tus-js-client sends POST and PATCH).
      if (request.method !== 'HEAD' && request.method !== 'OPTIONS' && !isSameOriginPost(request))
        return reply.code(403).send({ error: 'cross-site', message: 'Uploads are accepted only from this site' });
      const id = addressedUpload(request.url, PHONE_UPLOAD_PATH);
      // Checked before tus reads a byte: a PATCH refused after writing would already have changed the owner's message.
      if (id === undefined || (id !== null && !(await isOwnUpload(request, id)))) return refuseUnknownUpload(reply);
      return handOverToTus(request, reply, (raw, res) => server().handle(raw, res));
    };
    app.all(PHONE_UPLOAD_PATH, { schema: { hide: true } }, handle);
    app.all(`${PHONE_UPLOAD_PATH}/*`, { schema: { hide: true } }, handle);
  };
}

import { createReadStream } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { Upload, type DetailedError } from 'tus-js-client';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../sync/protocol/version.js';
import { UNSIGNED_BODY, type RequestSigner } from './requestSigner.js';

interface PendingFile {
  submission_id: string;
  name: string;
  path: string;
  size: number;
  sha256: string;
  content_type: string;
  upload_url: string | null;
}

const CHUNK = 1024 * 1024;
/** tus-js-client has no request timeout in Node: an upload with no progress for this long is aborted (and resumes later). */
const STALL_MS = 30_000;

/**
 * Uploads the files of submissions Central already holds, with tus: a cut
 * upload resumes from the offset Central has (the upload URL is kept in the
 * db, so this survives a restart too). Central checks each file's sha256 and
 * only then counts it; a refused file starts over on the next round.
 */
export async function uploadAttachments(db: Database, baseUrl: string, signer: RequestSigner): Promise<number> {
  const pending = db
    .prepare<[], PendingFile>(
      `SELECT a.submission_id, a.name, a.path, a.size, a.sha256, a.content_type, a.upload_url
         FROM attachments a JOIN outbox o ON o.submission_id = a.submission_id
        WHERE a.uploaded_at IS NULL AND o.state = 'acked' ORDER BY a.submission_id, a.name`,
    )
    .all();
  const saveUrl = db.prepare('UPDATE attachments SET upload_url = ? WHERE submission_id = ? AND name = ?');
  const done = db.prepare('UPDATE attachments SET uploaded_at = ? WHERE submission_id = ? AND name = ?');

  for (const file of pending) {
    await new Promise<void>((resolve, reject) => {
      let stall: NodeJS.Timeout | undefined;
      const watch = () => {
        clearTimeout(stall);
        stall = setTimeout(() => {
          void upload.abort();
          reject(new Error(`upload of ${file.name} stalled`));
        }, STALL_MS);
      };
      const upload: Upload = new Upload(createReadStream(file.path), {
        endpoint: new URL('/api/kiosk/uploads', baseUrl).toString(),
        ...(file.upload_url ? { uploadUrl: file.upload_url } : {}),
        uploadSize: file.size,
        chunkSize: CHUNK,
        metadata: { submissionId: file.submission_id, name: file.name, sha256: file.sha256, contentType: file.content_type },
        headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
        retryDelays: [0, 250, 1000],
        storeFingerprintForResuming: false,
        onBeforeRequest: (request) => {
          const url = new URL(request.getURL());
          for (const [name, value] of Object.entries(signer(request.getMethod(), `${url.pathname}${url.search}`, UNSIGNED_BODY))) {
            request.setHeader(name, value);
          }
        },
        onProgress: watch,
        onUploadUrlAvailable: () => {
          if (upload.url) saveUrl.run(upload.url, file.submission_id, file.name);
        },
        onSuccess: () => {
          clearTimeout(stall);
          done.run(new Date().toISOString(), file.submission_id, file.name);
          resolve();
        },
        onError: (error) => {
          clearTimeout(stall);
          // Central refused the file itself (hash mismatch): forget the upload so the next round starts it afresh.
          const status = (error as DetailedError).originalResponse?.getStatus();
          if (status === 422 || status === 404 || status === 410) saveUrl.run(null, file.submission_id, file.name);
          reject(error);
        },
      });
      watch();
      upload.start();
    });
  }
  return pending.length;
}

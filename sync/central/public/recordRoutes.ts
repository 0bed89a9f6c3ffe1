import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { encodeEntryBundle, hashesAtTileLevel, parseTilePath, TILE_HEIGHT, TILE_WIDTH } from '../../record/tiles.js';
import { consistencyProof } from '../../record/merkle.js';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { cosignedCheckpoint } from '../services/record/cosignatures.js';
import { recordOverview } from '../services/record/recordOverview.js';
import { sendPage } from '../web/layout.js';
import { publicLanguageOf } from './publicTexts.js';
import { recordHomePage } from './recordHomePage.js';
import type { RecordSigner } from '../services/record/recordSigner.js';
import type { ProcessIndex } from '../services/record/processIndex.js';
import { PUBLIC_RATE_LIMIT } from './publicFeedbackRoutes.js';
import { displayNames } from '../services/displayNames.js';

/**
 * Tiles are static, immutable and cheap (one range read): a verifier of a million entries fetches about 7,800 of
 * them, so their limit is far above the pages' (C2SP expects them behind a CDN in the end).
 */
const TILE_RATE_LIMIT = { rateLimit: { max: 20_000, timeWindow: '1 minute' } };

/**
 * Tiles are sent by this route, not by the compression plugin. The plugin
 * passes through, yet labels as br or gzip, any body whose first two bytes
 * look like a zlib or gzip header (@fastify/compress 9.2, `isCompressed`):
 * about one hash tile in a thousand, being random bytes, so any full check of
 * a large record failed on a tile nobody could decode. Hash tiles gain
 * nothing from compression and go as they are; entry bundles (JSON text) are
 * gzipped here when the client accepts it.
 */
const NOT_BY_THE_PLUGIN = { compress: false } as const;

/** Whether the request accepts gzip (a q of 0 refuses it). */
function acceptsGzip(request: FastifyRequest): boolean {
  const header = request.headers['accept-encoding'] ?? '';
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    return (coding === 'gzip' || coding === 'x-gzip') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/** A full tile never changes: cached for a year. A partial one, and the checkpoint, are asked again. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const FRESH = 'no-cache';

/**
 * The public record as C2SP tlog-tiles: the signed checkpoint, the log's
 * verifier key, hash tiles and entry bundles, all static-file shaped so a
 * CDN or any client of the spec can serve and check them.
 */
export function publicRecordRoutes(db: Kysely<CentralDatabase>, signer: RecordSigner, index: ProcessIndex) {
  return (app: FastifyInstance): void => {
    app.get(
      '/record/checkpoint',
      { config: PUBLIC_RATE_LIMIT, schema: { tags: ['public'], summary: 'The signed checkpoint' } },
      async (_request, reply) =>
        reply
          .header('content-type', 'text/plain; charset=utf-8')
          .header('cache-control', FRESH)
          .send((await cosignedCheckpoint(db, signer)).note),
    );
    app.get('/record', { config: PUBLIC_RATE_LIMIT, schema: { hide: true } }, async (request, reply) => {
      const lang = publicLanguageOf(request.query);
      const overview = await recordOverview(db, signer, index);
      return sendPage(reply, recordHomePage(lang, overview, `${request.protocol}://${request.host}`, await displayNames(db, lang)));
    });
    app.get(
      '/record/key',
      { config: PUBLIC_RATE_LIMIT, schema: { tags: ['public'], summary: "The log's verifier key" } },
      (_request, reply) => reply.header('content-type', 'text/plain; charset=utf-8').send(`${signer.verifierKey}\n`),
    );
    app.get<{ Params: { old: string; new: string } }>(
      '/record/consistency/:old/:new',
      // Base64 of random hashes, as the tiles (above): past 1 kB (a record of 8 million entries) the plugin would mislabel one in ~500.
      {
        ...NOT_BY_THE_PLUGIN,
        config: PUBLIC_RATE_LIMIT,
        schema: { tags: ['public'], summary: 'The consistency proof between two sizes of the record' },
      },
      async (request, reply) => {
        // Computed from the same stored hashes as the tiles; the reader checks it against both signed roots,
        // so serving it asks no trust (the receipt page's "since your last visit" uses it instead of all the tiles).
        const sizes = [request.params.old, request.params.new].map((text) => (/^[1-9]\d{0,15}$/.test(text) ? Number(text) : Number.NaN));
        const [oldSize = Number.NaN, newSize = Number.NaN] = sizes;
        if (!(oldSize <= newSize))
          return reply.code(400).send({ error: 'bad-request', field: 'old', message: 'two sizes, 1 <= old <= new, in decimal' });
        const proof = await signer.read((reader) =>
          newSize <= reader.integratedSize() ? consistencyProof(oldSize, newSize, reader.read) : undefined,
        );
        if (!proof) return reply.code(404).send({ error: 'not_found', message: 'the record does not hold that many entries yet' });
        return reply
          .header('content-type', 'text/plain; charset=utf-8')
          .header('cache-control', IMMUTABLE)
          .send(proof.map((hash) => `${hash.toString('base64')}\n`).join(''));
      },
    );
    app.get<{ Params: { '*': string } }>(
      '/record/tile/*',
      {
        ...NOT_BY_THE_PLUGIN,
        config: TILE_RATE_LIMIT,
        schema: { tags: ['public'], summary: 'A hash tile or an entry bundle (C2SP tlog-tiles)' },
      },
      async (request, reply) => {
        const tile = parseTilePath(request.params['*']);
        if (!tile) return reply.code(404).send({ error: 'not_found', message: 'not a tile path of C2SP tlog-tiles' });
        const from = tile.index * TILE_WIDTH;
        const body = await signer.read((reader) => {
          const level = tile.level === 'entries' ? 0 : tile.level;
          if (from + tile.width > hashesAtTileLevel(reader.size(), level)) return undefined;
          return tile.level === 'entries'
            ? encodeEntryBundle(reader.entries(from, from + tile.width))
            : Buffer.concat(reader.hashes(tile.level * TILE_HEIGHT, from, from + tile.width));
        });
        if (!body) return reply.code(404).send({ error: 'not_found', message: 'the record does not hold that tile yet' });
        reply.header('content-type', 'application/octet-stream').header('cache-control', tile.width === TILE_WIDTH ? IMMUTABLE : FRESH);
        if (tile.level !== 'entries') return reply.send(body);
        reply.header('vary', 'accept-encoding');
        return acceptsGzip(request) ? reply.header('content-encoding', 'gzip').send(gzipSync(body)) : reply.send(body);
      },
    );
  };
}

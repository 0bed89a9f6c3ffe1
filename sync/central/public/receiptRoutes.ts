import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { RECEIPT_CODE_PATTERN, readReceiptCode } from '../../protocol/receiptCode.js';
import { findReceipt } from '../services/record/receipts.js';
import type { RecordSigner } from '../services/record/recordSigner.js';
import { sendPage } from '../web/layout.js';
import { PUBLIC_RATE_LIMIT } from './publicFeedbackRoutes.js';
import { publicLanguageOf } from './publicTexts.js';
import { receiptMissingPage, receiptPage } from './receiptPage.js';
import { RECEIPT_CSP, receiptScriptRoute } from './receiptScript.js';

/**
 * The receipt page the kiosk's QR code opens: `/record/receipts/<code>`, in
 * Georgian (`?lang=en` for English), or as JSON with `?format=json` for tools and for the page's own
 * check in the citizen's browser.
 */
export function receiptRoutes(db: Kysely<CentralDatabase>, signer: RecordSigner) {
  return (app: FastifyInstance): void => {
    app.register(receiptScriptRoute);
    app.get<{ Params: { code: string }; Querystring: { format?: string } }>(
      '/record/receipts/:code',
      { config: PUBLIC_RATE_LIMIT, schema: { tags: ['public'], summary: "A citizen's receipt: their entry and its inclusion proof" } },
      async (request, reply) => {
        const lang = publicLanguageOf(request.query);
        const json = request.query.format === 'json';
        const code = readReceiptCode(request.params.code);
        if (!RECEIPT_CODE_PATTERN.test(code))
          return json
            ? reply.code(400).send({ error: 'bad-request', field: 'code', message: 'a receipt code is 20 Crockford base32 characters' })
            : sendPage(reply, receiptMissingPage(lang, true), 400);
        const receipt = await findReceipt(db, signer, code);
        if (!receipt)
          return json
            ? reply.code(404).send({ error: 'not-found', message: 'no entry has this receipt code yet' })
            : sendPage(reply, receiptMissingPage(lang, false), 404);
        if (json)
          return reply.header('cache-control', 'no-store').send({
            index: receipt.index,
            entry: receipt.entry.toString('utf8'),
            checkpoint: receipt.checkpoint.note,
            proof: receipt.proof?.map((hash) => hash.toString('base64')) ?? null,
            witnesses: receipt.checkpoint.witnesses,
            ...(receipt.counted === undefined ? {} : { counted: receipt.counted }),
          });
        return sendPage(reply, receiptPage(lang, code, receipt, `${request.protocol}://${request.host}`), 200, RECEIPT_CSP);
      },
    );
  };
}

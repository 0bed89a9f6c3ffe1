import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import type { SealingKey } from '../services/sealingKey.js';
import type { VoterKeyOf } from '../services/voterKey.js';

/** The kiosk API's routes are typed by their zod schemas (the protocol's). */
export const zodApi = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
export type KioskApi = ReturnType<typeof zodApi>;

/** Reliability tests only: faults the kiosk API can be asked to cause. */
export interface KioskRouteFaults {
  /** The process dies after a batch's commit, before its receipts are sent. */
  readonly killAfterCommit?: boolean;
}

export interface KioskApiDeps {
  readonly db: Kysely<CentralDatabase>;
  readonly sealingKey: SealingKey;
  readonly voterKeyOf: VoterKeyOf;
  readonly faults: KioskRouteFaults;
}

/** The signed request's device (requireDevice ran before the handler). */
export const deviceIdOf = (request: { device?: { id: string } }): string => {
  if (!request.device) throw new Error('device auth did not run');
  return request.device.id;
};

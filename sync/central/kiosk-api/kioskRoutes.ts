import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import type { SealingKey } from '../services/sealingKey.js';
import type { VoterKeyOf } from '../services/voterKey.js';
import { enrolRoutes } from './enrolRoutes.js';
import { zodApi, type KioskRouteFaults } from './kioskApi.js';
import { pushRoutes } from './pushRoutes.js';
import { reconcileRoutes } from './reconcileRoutes.js';
import { trackingRoutes } from './trackingRoutes.js';

export type { KioskRouteFaults } from './kioskApi.js';

/** The API kiosks talk to: enrol once, then pull content and push submissions (one file per part, each with its schemas). */
export function kioskRoutes(db: Kysely<CentralDatabase>, sealingKey: SealingKey, voterKeyOf: VoterKeyOf, faults: KioskRouteFaults = {}) {
  return (app: FastifyInstance): void => {
    const api = zodApi(app);
    const deps = { db, sealingKey, voterKeyOf, faults };
    enrolRoutes(api, deps);
    pushRoutes(api, deps);
    trackingRoutes(api, deps);
    reconcileRoutes(api, deps);
  };
}

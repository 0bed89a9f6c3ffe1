import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import type { FiguresCache } from '../services/feedbackFigures.js';
import type { SealingKey } from '../services/sealingKey.js';
import { feedbackRoutes } from './feedbackRoutes.js';
import { inboxRoutes } from './inboxRoutes.js';
import { signInRoutes } from './signInRoutes.js';

export interface ConsoleDeps {
  readonly db: Kysely<CentralDatabase>;
  readonly uploadDir: string;
  readonly sealingKey: SealingKey;
  readonly figures: FiguresCache;
  /** Set the Secure flag on the session cookie (Central behind HTTPS). */
  readonly secureCookies: boolean;
}

/** The staff console's core: sign-in (signInRoutes.ts), the feedback inbox (inboxRoutes.ts), each feedback's page and actions (feedbackRoutes.ts). */
export function consoleRoutes({ db, uploadDir, sealingKey, figures, secureCookies }: ConsoleDeps) {
  return (app: FastifyInstance): void => {
    signInRoutes(app, db, secureCookies);
    inboxRoutes(app, db);
    feedbackRoutes(app, { db, uploadDir, sealingKey, figures });
  };
}

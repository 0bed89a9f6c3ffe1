import type { FastifyInstance } from 'fastify';

/** One route as registered: its methods and its URL pattern (`:param`, `*`). */
export interface RouteEntry {
  readonly methods: readonly string[];
  readonly url: string;
}

const tables = new WeakMap<FastifyInstance, RouteEntry[]>();

/**
 * Records every route an app registers (call before registering any): the
 * full list Central serves, for the fuzz test that must reach all of them and
 * for anyone auditing what is exposed. Fastify keeps no such list itself.
 */
export function recordRoutes(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  tables.set(app, table);
  app.addHook('onRoute', (route) => {
    table.push({ methods: [route.method].flat(), url: route.url });
  });
}

export const routeTableOf = (app: FastifyInstance): readonly RouteEntry[] => tables.get(app) ?? [];

import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgresCluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway cluster's maintenance database, where each test Central's own database is created. */
    postgresAdminUrl: string;
  }
}

/**
 * The `postgres` project's cluster: one for the whole run, each Central in it
 * with a database of its own (testCentral.ts). Without PostgreSQL installed
 * the project fails here, naming the package: it is never skipped.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startPostgresCluster({ fsync: false });
  project.provide('postgresAdminUrl', cluster.url('postgres'));
  return () => cluster.stop();
}

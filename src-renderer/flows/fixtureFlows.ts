import type { KioskFlow } from './kioskFlow.js';

/**
 * Flows added by a test build only: `vite build --mode flow-fixture` replaces
 * this module with tests/fixtures/flows/index.tsx (see vite.config.ts), whose
 * throwaway flow shows that a flow needs nothing but its folder. A normal
 * build has none, and never sees the fixtures.
 */
export const fixtureFlows: readonly KioskFlow[] = [];

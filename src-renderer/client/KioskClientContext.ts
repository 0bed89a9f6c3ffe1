import { createContext, useContext } from 'react';
import type { KioskClient } from './kioskClient.js';

export const KioskClientContext = createContext<KioskClient | null>(null);

/** The kiosk API client, for components that call the core themselves (the voice recorder). */
export function useKioskClient(): KioskClient {
  const client = useContext(KioskClientContext);
  if (!client) throw new Error('useKioskClient needs a KioskClientContext provider (the kiosk shell)');
  return client;
}

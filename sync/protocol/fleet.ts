import { z } from 'zod';

/** Something a technician must know, raised on the kiosk and kept by Central. */
export const KioskAlert = z.object({
  id: z.uuid(),
  kind: z.string().min(1).max(64),
  createdAt: z.iso.datetime(),
  detail: z.record(z.string(), z.unknown()),
});
export type KioskAlert = z.infer<typeof KioskAlert>;

/** Each kiosk's report after every sync round; Central keeps the latest per device. */
export const Heartbeat = z.object({
  version: z.string().min(1).max(64),
  queueDepth: z.number().int().nonnegative(),
  oldestPendingAgeSec: z.number().nonnegative().nullable(),
  deadLetters: z.number().int().nonnegative(),
  lastSyncAt: z.iso.datetime().nullable(),
  freeDiskBytes: z.number().int().nonnegative().nullable(),
  /** The desk the kiosk's config names (absent from kiosks older than it): Central flags one it does not know. */
  deskId: z.string().min(1).max(64).optional(),
  alerts: z.array(KioskAlert).max(100),
});
export type Heartbeat = z.infer<typeof Heartbeat>;

export const HeartbeatResponse = z.object({
  receivedAt: z.iso.datetime(),
  alertsStored: z.array(z.uuid()),
});
export type HeartbeatResponse = z.infer<typeof HeartbeatResponse>;

/** What Central holds from this device: the kiosk compares it with what it was told was acknowledged. */
export const ReconcileSummary = z.object({
  count: z.number().int().nonnegative(),
  maxSeq: z.number().int().nonnegative(),
});
export type ReconcileSummary = z.infer<typeof ReconcileSummary>;

export const HeldRequest = z.object({ ids: z.array(z.uuid()).min(1).max(500) });
export type HeldRequest = z.infer<typeof HeldRequest>;
export const HeldResponse = z.object({ held: z.array(z.uuid()) });
export type HeldResponse = z.infer<typeof HeldResponse>;

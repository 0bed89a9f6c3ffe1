import type { Kysely } from 'kysely';
import { DEVICE_CHANNELS, type CentralDatabase, type DeviceChannel } from '../db/schema.js';

/** How a submission reached Central: a branch kiosk, a phone through a desk's QR code, or the web site. */
export const CHANNELS = DEVICE_CHANNELS;
export type Channel = DeviceChannel;
export type ChannelCounts = Readonly<Record<Channel, number>>;

const isChannel = (value: string): value is Channel => (CHANNELS as readonly string[]).includes(value);

/**
 * The devices that are not kiosks (one phone device per branch, services/channelDevices.ts), with their
 * channel: a handful of rows, so a tally counts their few submissions by device and gives the rest to kiosks.
 */
export async function channelDevices(db: Kysely<CentralDatabase>): Promise<ReadonlyMap<string, Channel>> {
  const rows = await db.selectFrom('devices').select(['id', 'channel']).where('channel', '!=', 'kiosk').execute();
  return new Map(rows.flatMap((row) => (isChannel(row.channel) ? [[row.id, row.channel] as const] : [])));
}

/** Counts per channel from the device of each item (anything not on a channel device is a kiosk's). */
export function countByChannel(deviceIds: Iterable<string>, devices: ReadonlyMap<string, Channel>): ChannelCounts {
  const counts: Record<Channel, number> = { kiosk: 0, phone: 0, web: 0 };
  for (const deviceId of deviceIds) counts[devices.get(deviceId) ?? 'kiosk'] += 1;
  return counts;
}

import { readFileSync, realpathSync } from 'node:fs';

// SQLite's locking and fsync are unreliable over these; a kiosk's queue must not live there.
const NETWORK_TYPES = new Set([
  'nfs',
  'nfs4',
  'cifs',
  'smb3',
  'smbfs',
  'fuse.sshfs',
  'afs',
  'ceph',
  'glusterfs',
  'fuse.glusterfs',
  'davfs',
  'fuse.davfs2',
]);

/** The file system type of the mount holding `path`, from a /proc/mounts text (longest mount point wins). */
export function fileSystemTypeOf(path: string, mounts: string): string | undefined {
  let best: { point: string; type: string } | undefined;
  for (const line of mounts.split('\n')) {
    const [, point, type] = line.split(' ');
    if (!point || !type) continue;
    const mountPoint = point.replace(/\\040/g, ' ');
    const inside = path === mountPoint || path.startsWith(mountPoint.endsWith('/') ? mountPoint : `${mountPoint}/`);
    if (inside && (!best || mountPoint.length > best.point.length)) best = { point: mountPoint, type };
  }
  return best?.type;
}

export function isNetworkFileSystemType(type: string | undefined): boolean {
  return type !== undefined && NETWORK_TYPES.has(type);
}

/** The network file system type under `dir`, or undefined when local (or not knowable: no /proc, e.g. Windows). */
export function networkFileSystemUnder(dir: string): string | undefined {
  let mounts: string;
  try {
    mounts = readFileSync('/proc/mounts', 'utf8');
  } catch {
    return undefined;
  }
  const type = fileSystemTypeOf(realpathSync(dir), mounts);
  return isNetworkFileSystemType(type) ? type : undefined;
}

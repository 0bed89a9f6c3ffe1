import { closeSync, constants, fstatSync, fsyncSync, lstatSync, openSync, readdirSync, readSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The file a technician puts on a USB stick to enrol a kiosk without typing the token. */
export const TOKEN_FILE_NAME = 'psh-enrolment-token.txt';

/** A USB stick (or other removable medium) as the technician screen lists it. */
export interface Medium {
  /** Its folder name, as the technician knows the stick (e.g. its label). */
  readonly label: string;
  readonly path: string;
}

const directories = (path: string): string[] => {
  try {
    return readdirSync(path, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() || entry.isSymbolicLink())
      .map((entry) => join(path, entry.name));
  } catch {
    return [];
  }
};
const deviceOf = (path: string): number | undefined => {
  try {
    const stats = statSync(path);
    return stats.isDirectory() ? stats.dev : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The removable media mounted now: folders under the mount roots (`/media`,
 * `/run/media` by default) that are on another filesystem than the root
 * itself, one level down (`/media/STICK`) or two (`/media/<user>/STICK`, as
 * udisks mounts them). Only mount points count, so an empty folder left by
 * an unplugged stick is never written to.
 */
export function mountedMedia(roots: readonly string[]): Medium[] {
  const media: Medium[] = [];
  for (const root of roots) {
    const rootDevice = deviceOf(root);
    if (rootDevice === undefined) continue;
    for (const first of directories(root)) {
      const device = deviceOf(first);
      if (device === undefined) continue;
      if (device !== rootDevice) media.push({ label: first.slice(root.length + 1), path: first });
      else
        for (const second of directories(first))
          if (deviceOf(second) !== undefined && deviceOf(second) !== rootDevice)
            media.push({ label: second.slice(first.length + 1), path: second });
    }
  }
  return media;
}

/** A token file is a line of at most 128 characters; anything much bigger is not one. */
export const MAX_TOKEN_FILE_BYTES = 4096;

/**
 * A file's text, only if it is a regular file on the medium itself: never a
 * symlink (opened with O_NOFOLLOW), never a FIFO or device (checked before
 * opening, and again on the open descriptor, non-blocking), never on another
 * filesystem than the stick (a bind mount), never bigger than `maxBytes`.
 */
export function readFileOnMedium(medium: Medium, name: string, maxBytes: number): string | undefined {
  const path = join(medium.path, name);
  let mediumDevice: number;
  try {
    mediumDevice = statSync(medium.path).dev;
    if (!lstatSync(path).isFile()) return undefined;
  } catch {
    return undefined;
  }
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.dev !== mediumDevice || stats.size > maxBytes) return undefined;
    const buffer = Buffer.alloc(stats.size);
    const read = readSync(fd, buffer, 0, stats.size, 0);
    return buffer.toString('utf8', 0, read);
  } finally {
    closeSync(fd);
  }
}

/** Enrolment tokens found on the mounted media (the token file's first line), with the stick each is on. */
export function tokensOnMedia(roots: readonly string[]): { readonly medium: string; readonly token: string }[] {
  const found: { medium: string; token: string }[] = [];
  for (const medium of mountedMedia(roots)) {
    const text = readFileOnMedium(medium, TOKEN_FILE_NAME, MAX_TOKEN_FILE_BYTES);
    if (text === undefined) continue;
    const token = text.split(/\r?\n/, 1)[0]?.trim() ?? '';
    if (/^[\x21-\x7e]{16,128}$/.test(token)) found.push({ medium: medium.label, token });
  }
  return found;
}

/**
 * Writes a new file onto a mounted medium, durably (a stick pulled right after still has it); answers its path.
 * Only a new file: a name already there (a symlink planted on the stick among them) is never followed or overwritten.
 */
export function writeToMedium(roots: readonly string[], label: string, name: string, content: string): string | undefined {
  const medium = mountedMedia(roots).find((candidate) => candidate.label === label);
  if (!medium) return undefined;
  const path = join(medium.path, name);
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return path;
}

import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
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

/** Enrolment tokens found on the mounted media (the token file's first line), with the stick each is on. */
export function tokensOnMedia(roots: readonly string[]): { readonly medium: string; readonly token: string }[] {
  const found: { medium: string; token: string }[] = [];
  for (const medium of mountedMedia(roots)) {
    let text: string;
    try {
      text = readFileSync(join(medium.path, TOKEN_FILE_NAME), 'utf8');
    } catch {
      continue;
    }
    const token = text.split(/\r?\n/, 1)[0]?.trim() ?? '';
    if (/^[\x21-\x7e]{16,128}$/.test(token)) found.push({ medium: medium.label, token });
  }
  return found;
}

/** Writes a file onto a mounted medium, durably (a stick pulled right after still has it); answers its path. */
export function writeToMedium(roots: readonly string[], label: string, name: string, content: string): string | undefined {
  const medium = mountedMedia(roots).find((candidate) => candidate.label === label);
  if (!medium) return undefined;
  const path = join(medium.path, name);
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return path;
}

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileSystemTypeOf, isNetworkFileSystemType } from '../../src-main/core/db/networkFileSystem.js';
import { openDatabase } from '../../src-main/core/db/openDatabase.js';
import { createEnqueue } from '../../src-main/core/outbox/enqueue.js';
import { makeTempDir } from '../support/tempDir.js';

const dirs: Array<{ remove: () => void }> = [];
afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));
const temp = () => {
  const dir = makeTempDir('durability');
  dirs.push(dir);
  return dir.path;
};

/** A kiosk db with a few submissions, closed cleanly (WAL checkpointed into the main file). */
function writeSomeRows(dataDir: string): void {
  const db = openDatabase(dataDir);
  const enqueue = createEnqueue(db);
  for (let score = 1; score <= 5; score += 1) {
    enqueue({
      payload: { type: 'rating', serviceId: 'civil-registry', deskId: 'd', score, comment: 'x'.repeat(1500), language: 'ka' },
      sessionId: null,
      contentVersion: 1,
    });
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

const quarantineFolders = (dataDir: string) => (existsSync(join(dataDir, 'quarantine')) ? readdirSync(join(dataDir, 'quarantine')) : []);

describe('kiosk database durability', () => {
  it('quarantines a database whose pages were damaged, starts fresh and records an alert', () => {
    const dataDir = temp();
    writeSomeRows(dataDir);
    const file = join(dataDir, 'kiosk.sqlite');
    const bytes = readFileSync(file);
    // Flip the type byte of every b-tree page after the first: structure, not just content, is broken.
    for (let offset = 4096; offset < bytes.length; offset += 4096) bytes[offset] = 0xff;
    writeFileSync(file, bytes);

    const db = openDatabase(dataDir);
    const folders = quarantineFolders(dataDir);
    expect(folders).toHaveLength(1);
    const moved = readdirSync(join(dataDir, 'quarantine', folders[0] ?? ''));
    expect(moved).toContain('kiosk.sqlite');
    expect(db.prepare('SELECT count(*) FROM submissions').pluck().get()).toBe(0);
    const alert = db.prepare<[], { kind: string; detail_json: string }>('SELECT kind, detail_json FROM alerts').get();
    expect(alert?.kind).toBe('database-quarantined');
    expect(JSON.parse(alert?.detail_json ?? '{}')).toMatchObject({ folder: join(dataDir, 'quarantine', folders[0] ?? '') });
    db.close();
  });

  it('quarantines a file that is not a database at all, with its -wal and -shm', () => {
    const dataDir = temp();
    writeSomeRows(dataDir);
    writeFileSync(join(dataDir, 'kiosk.sqlite'), Buffer.alloc(8192, 0x41));
    writeFileSync(join(dataDir, 'kiosk.sqlite-wal'), 'stale wal');
    writeFileSync(join(dataDir, 'kiosk.sqlite-shm'), 'stale shm');
    const db = openDatabase(dataDir);
    const [folder] = quarantineFolders(dataDir);
    expect(readdirSync(join(dataDir, 'quarantine', folder ?? '')).sort()).toEqual(['kiosk.sqlite', 'kiosk.sqlite-shm', 'kiosk.sqlite-wal']);
    expect(db.prepare('SELECT count(*) FROM alerts').pluck().get()).toBe(1);
    db.close();
  });

  it('opens a healthy database without quarantining anything', () => {
    const dataDir = temp();
    writeSomeRows(dataDir);
    const db = openDatabase(dataDir);
    expect(db.prepare('SELECT count(*) FROM submissions').pluck().get()).toBe(5);
    expect(quarantineFolders(dataDir)).toEqual([]);
    db.close();
  });

  it('recognises a data folder on a network file system from the mount table', () => {
    const mounts = [
      '/dev/vda / ext4 rw 0 0',
      'server:/export /srv/kiosk nfs4 rw 0 0',
      '//nas/share /mnt/share cifs rw 0 0',
      'tmpfs /srv/kiosk/tmp tmpfs rw 0 0',
    ].join('\n');
    expect(fileSystemTypeOf('/srv/kiosk/var', mounts)).toBe('nfs4');
    expect(fileSystemTypeOf('/srv/kiosk/tmp/x', mounts)).toBe('tmpfs');
    expect(fileSystemTypeOf('/srv/kioskother', mounts)).toBe('ext4');
    expect(isNetworkFileSystemType(fileSystemTypeOf('/mnt/share/db', mounts))).toBe(true);
    expect(isNetworkFileSystemType(fileSystemTypeOf('/home/kiosk', mounts))).toBe(false);
  });
});

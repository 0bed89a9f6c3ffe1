import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { witnessName } from '../../../sync/protocol/witness.js';
import { parseCheckpoint, type Checkpoint } from '../../../sync/record/checkpoint.js';
import { cosign } from '../../../sync/record/cosignature.js';
import { openNote, parseVerifierKey } from '../../../sync/record/note.js';
import { inconsistency } from '../../../sync/record/witness.js';
import type { DeviceKey } from '../device/deviceKey.js';
import type { CentralClient } from './centralClient.js';
import type { RequestSigner } from './requestSigner.js';

export type WitnessOutcome =
  { readonly cosigned: Checkpoint; readonly witnesses: number } | { readonly evidence: string } | { readonly unchanged: Checkpoint };

interface WitnessRow {
  verifier_key: string;
  size: number | null;
  root: Buffer | null;
  note: string | null;
}

/**
 * The kiosk as a witness of Central's public record (issue #15), once per
 * sync: fetch the latest checkpoint, check it is signed by the log's key
 * (pinned the first time it was seen: trust on first use, like the outside
 * verifier) and that it extends the last checkpoint this kiosk accepted (a
 * consistency proof from the log's tiles), then cosign it. A checkpoint that
 * does not hold is kept as evidence, raised as an alert for the heartbeat, and
 * never cosigned; the kiosk keeps checking later ones against what it saw.
 */
export function createRecordWitness(db: Database, central: CentralClient) {
  const read = db.prepare<[], WitnessRow>('SELECT verifier_key, size, root, note FROM record_witness WHERE id = 1');
  const pin = db.prepare('INSERT INTO record_witness (id, verifier_key) VALUES (1, ?)');
  const accept = db.prepare<[number, Buffer, string, string]>(
    'UPDATE record_witness SET size = ?, root = ?, note = ?, seen_at = ? WHERE id = 1',
  );
  const sameEvidence = db.prepare<[string], number>('SELECT count(*) FROM record_evidence WHERE offered_note = ?').pluck();
  const keepEvidence = db.prepare('INSERT INTO record_evidence (id, found_at, reason, seen_note, offered_note) VALUES (?, ?, ?, ?, ?)');
  const alert = db.prepare("INSERT INTO alerts (id, created_at, kind, detail_json) VALUES (?, ?, 'record-inconsistent', ?)");

  const evidence = (reason: string, seen: WitnessRow, offered: string): WitnessOutcome => {
    // The same offered checkpoint seen again is the same evidence, not a new alert.
    if (sameEvidence.get(offered) === 0) {
      const now = new Date().toISOString();
      db.transaction(() => {
        keepEvidence.run(uuidv7(), now, reason, seen.note, offered);
        alert.run(uuidv7(), now, JSON.stringify({ reason, seenSize: seen.size }));
      })();
    }
    return { evidence: reason };
  };

  return async (signer: RequestSigner, deviceId: string, key: DeviceKey): Promise<WitnessOutcome> => {
    if (!read.get()) pin.run((await central.recordFile('key')).toString('utf8').trim());
    const row = read.get();
    if (!row) throw new Error('record witness: the pinned key was not kept');
    const verifier = parseVerifierKey(row.verifier_key);
    const note = (await central.recordFile('checkpoint')).toString('utf8');
    let body: string;
    let latest: Checkpoint;
    try {
      body = openNote(note, verifier);
      latest = parseCheckpoint(body);
    } catch (error) {
      return evidence(`the checkpoint is not signed by the log's key ${verifier.name}: ${(error as Error).message}`, row, note);
    }
    const seen = row.size === null || row.root === null ? undefined : { origin: verifier.name, size: row.size, root: row.root };
    const problem = await inconsistency((path) => central.recordFile(path), seen, latest);
    if (problem) return evidence(problem, row, note);
    // Cosigned again when unchanged: Central keeps one per kiosk and checkpoint, and a lost answer is made good.
    accept.run(latest.size, latest.root, note, new Date().toISOString());
    const { witnesses } = await central.cosign(signer, {
      checkpoint: body,
      cosignature: cosign(body, witnessName(verifier.name, deviceId), key.privateKey),
    });
    return { cosigned: latest, witnesses };
  };
}

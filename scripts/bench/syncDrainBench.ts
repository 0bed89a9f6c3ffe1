import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBenchKiosk } from './benchKiosk.js';
import { median, round, type BenchResult } from './stats.js';

const SUBMISSIONS = 20_000;
const VOICE_MESSAGES = 100;
/** Drains, to quote a median on a noisy machine. */
const RUNS = 3;
const VOICE_BYTES = 44 + 16_000 * 2 * 60; // one minute of 16 kHz mono 16-bit WAV

/** A one-minute 16 kHz mono WAV of a quiet tone, as the recorder would write it. */
function oneMinuteWav(seed: number): Buffer {
  const data = Buffer.alloc(VOICE_BYTES - 44);
  for (let i = 0; i < data.length / 2; i += 1)
    data.writeInt16LE(Math.round(3000 * Math.sin((2 * Math.PI * (300 + seed) * i) / 16_000)), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(16_000, 24);
  header.writeUInt32LE(32_000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** One drain: 20,000 queued submissions and 100 one-minute voice messages, delivered and acknowledged over loopback; seconds. */
async function drainOnce(): Promise<number> {
  const { core, dataDir, stop } = await startBenchKiosk('drain');
  try {
    const recordings = join(dataDir, 'recordings');
    mkdirSync(recordings, { recursive: true });
    const every = SUBMISSIONS / VOICE_MESSAGES;
    for (let i = 0; i < SUBMISSIONS; i += 1) {
      let attachments;
      if (i % every === 0) {
        const bytes = oneMinuteWav(i / every);
        const path = join(recordings, `${i}.wav`);
        writeFileSync(path, bytes);
        attachments = [
          {
            name: 'voice.wav',
            path,
            size: bytes.length,
            sha256: createHash('sha256').update(bytes).digest('hex'),
            contentType: 'audio/wav' as const,
          },
        ];
      }
      core.enqueue({
        payload: { type: 'rating', serviceId: 'civil-registry', deskId: 'd', score: (i % 5) + 1, language: 'ka', comment: `bench ${i}` },
        sessionId: null,
        contentVersion: 1,
        ...(attachments ? { attachments } : {}),
      });
    }
    const filesLeft = () => core.db.prepare('SELECT count(*) FROM attachments WHERE uploaded_at IS NULL').pluck().get() as number;
    const started = performance.now();
    for (let rounds = 0; (core.sync.status().pending > 0 || filesLeft() > 0) && rounds < 50; rounds += 1) await core.sync.syncNow();
    const seconds = (performance.now() - started) / 1000;
    // Delivered means acknowledged by a receipt: a dead letter is a submission Central refused, not one delivered.
    const status = core.sync.status();
    if (status.pending > 0 || status.dead > 0 || filesLeft() > 0)
      throw new Error(`drain incomplete: ${JSON.stringify(status)}, ${String(filesLeft())} files left`);
    return seconds;
  } finally {
    await stop();
  }
}

/** sync.drain_s: the median of three drains, each on a fresh kiosk and Central. */
export async function benchSyncDrain(): Promise<BenchResult[]> {
  const runs: number[] = [];
  for (let run = 0; run < RUNS; run += 1) runs.push(await drainOnce());
  console.log(
    `sync drain: ${SUBMISSIONS} submissions + ${VOICE_MESSAGES} x ${(VOICE_BYTES / 1e6).toFixed(2)} MB voice in ${runs.map((s) => s.toFixed(2)).join(', ')} s`,
  );
  return [{ name: 'sync.drain_s', value: round(median(runs), 2), unit: 's', limit: 20, direction: 'max' }];
}

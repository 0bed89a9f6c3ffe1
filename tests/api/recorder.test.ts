import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecorder, type RecordingEnd, type RecordingStart } from '../../src-main/core/audio/recorder.js';
import { decodeWav } from '../support/decodeWav.js';
import { dominantFrequency, fileCaptureAsoundrc, sineRaw } from '../support/audioAnalysis.js';
import { makeTempDir } from '../support/tempDir.js';

// The real arecord, recording from ALSA's `file` plugin: there is no microphone
// on the test machines, so the "microphone" is a device that reads a 440 Hz tone.
const cleanups: Array<() => Promise<void> | void> = [];
let home: string;
const savedHome = process.env.HOME;
beforeEach(() => {
  const dir = makeTempDir('recorder');
  cleanups.push(dir.remove);
  home = dir.path;
  writeFileSync(join(home, 'tone.raw'), sineRaw(440, 2));
  writeFileSync(join(home, '.asoundrc'), fileCaptureAsoundrc('pshtone', join(home, 'tone.raw')));
  process.env.HOME = home; // arecord reads ~/.asoundrc
});
afterEach(async () => {
  process.env.HOME = savedHome;
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const started = (start: RecordingStart) => {
  if (!start.started) throw new Error(`recording did not start: ${start.message}`);
  return start;
};

function recorderFor(device: string, limitSec = 120) {
  const ends: RecordingEnd[] = [];
  const levels: number[] = [];
  const recorder = createRecorder({
    dataDir: join(home, 'kiosk'),
    device: () => device,
    limitSec: () => limitSec,
    program: 'arecord',
    onLevel: (event) => levels.push(event.level),
    onEnded: (end) => ends.push(end),
  });
  cleanups.push(() => recorder.close());
  return { recorder, ends, levels };
}

describe('voice recorder (arecord through node-record-lpcm16)', () => {
  it('records 16 kHz mono WAV at the pace of the clock, with levels, a sha256 and the tone intact', async () => {
    const { recorder, levels } = recorderFor('pshtone');
    const { recordingId } = started(await recorder.start('session-1'));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const end = await recorder.stop(recordingId);
    if (end?.reason !== 'stopped') throw new Error(`recording failed: ${JSON.stringify(end)}`);
    const file = readFileSync(join(home, 'kiosk', end.recording.audioPath));
    expect(createHash('sha256').update(file).digest('hex')).toBe(end.recording.sha256);
    expect(file.length).toBe(end.recording.size);
    const wav = decodeWav(file);
    expect([wav.sampleRate, wav.channels]).toEqual([16_000, 1]);
    // The file plugin has no clock; the recorder's pacing keeps it near real time.
    expect(end.recording.durationMs).toBeGreaterThan(1200);
    expect(end.recording.durationMs).toBeLessThan(2200);
    expect(Math.abs(dominantFrequency(file) - 440)).toBeLessThanOrEqual(10);
    expect(levels.length).toBeGreaterThan(5);
    expect(Math.max(...levels)).toBeGreaterThan(0.5);
  }, 20_000);

  it('stops by itself at the time limit', async () => {
    // A 2 s limit (the device config's minimum is 10 s; the recorder takes any): the test stays short on a loaded machine.
    const { recorder, ends } = recorderFor('pshtone', 2);
    const { recordingId } = started(await recorder.start('session-1'));
    await expect.poll(() => ends.length, { timeout: 20_000 }).toBe(1);
    expect(ends[0]).toMatchObject({ recordingId, reason: 'limit', recording: { durationMs: 2_000 } });
  }, 30_000);

  it('a missing device gives a failure with the reason, and no file at all', async () => {
    const { recorder, ends } = recorderFor('no-such-device');
    const start = await recorder.start('session-1');
    expect(start.started).toBe(false);
    expect(!start.started && start.message).toMatch(/arecord/);
    await expect.poll(() => ends.length, { timeout: 10_000 }).toBe(1);
    expect(ends[0]).toMatchObject({ reason: 'failed' });
    const recordingId = ends[0]?.recordingId ?? '';
    expect(readdirSync(join(home, 'kiosk', 'recordings'))).toEqual([]);
    expect(recorder.finishedFor(recordingId, 'session-1')).toBeUndefined();
  }, 20_000);

  it('deletes what a session recorded and did not send, and sweeps leftovers at start', async () => {
    const { recorder } = recorderFor('pshtone');
    const kept = started(await recorder.start('visitor-a'));
    await new Promise((resolve) => setTimeout(resolve, 600));
    const keptEnd = await recorder.stop(kept.recordingId);
    const dropped = started(await recorder.start('visitor-b'));
    await new Promise((resolve) => setTimeout(resolve, 600));
    await recorder.stop(dropped.recordingId);
    await recorder.discardSession('visitor-b');
    const keptPath = join(home, 'kiosk', 'recordings', `${kept.recordingId}.wav`);
    expect(existsSync(keptPath)).toBe(true);
    expect(existsSync(join(home, 'kiosk', 'recordings', `${dropped.recordingId}.wav`))).toBe(false);
    expect(keptEnd?.reason).toBe('stopped');
    // After a restart, only files a saved submission refers to survive.
    recorder.sweep(() => false);
    expect(existsSync(keptPath)).toBe(false);
  }, 20_000);
});

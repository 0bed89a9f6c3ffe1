import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { wavHeader } from '../../../sync/node/wav.js';

export const RECORDING_FORMAT = { sampleRate: 16_000, channels: 1 } as const;
export const BYTES_PER_SECOND = RECORDING_FORMAT.sampleRate * RECORDING_FORMAT.channels * 2;
const HEADER_BYTES = 44;

export interface FinishedRecording {
  readonly recordingId: string;
  readonly durationMs: number;
  readonly size: number;
  readonly sha256: string;
  /** Where the host serves it for listening back. */
  readonly audioPath: string;
}

/**
 * A WAV being written: `<file>.part` while the microphone runs, renamed to
 * `<file>` only once complete and durable, so a crash leaves no file that
 * looks finished (the sweep at start deletes what no submission refers to).
 */
export function openRecordingFile(file: string) {
  const part = `${file}.part`;
  const fd = openSync(part, 'w');
  writeSync(fd, wavHeader(0, RECORDING_FORMAT));
  let bytes = 0;
  return {
    append(audio: Buffer): void {
      writeSync(fd, audio);
      bytes += audio.length;
    },
    bytes: (): number => bytes,
    /** The real length goes into the header; then the file is made durable and given its name. */
    finish(recordingId: string, audioPath: string): FinishedRecording {
      writeSync(fd, wavHeader(bytes, RECORDING_FORMAT), 0, HEADER_BYTES, 0);
      fsyncSync(fd);
      closeSync(fd);
      renameSync(part, file);
      const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
      return { recordingId, durationMs: Math.round((bytes / BYTES_PER_SECOND) * 1000), size: bytes + HEADER_BYTES, sha256, audioPath };
    },
    /** Nothing worth keeping: no file, and never an empty attachment. */
    abandon(): void {
      closeSync(fd);
      rmSync(part, { force: true });
    },
  };
}

import { createHash, randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import lpcm16 from 'node-record-lpcm16';
import { rmsLevel, wavHeader } from '../../../sync/node/wav.js';

const RECORDING_FORMAT = { sampleRate: 16_000, channels: 1 } as const;
const BYTES_PER_SECOND = RECORDING_FORMAT.sampleRate * RECORDING_FORMAT.channels * 2;
/** Shorter than this is a recorder that produced nothing useful, not a message. */
const MIN_SECONDS = 0.3;
/** Level events per second for the on-screen meter. */
const LEVEL_EVENTS_PER_SECOND = 10;
/** Audio waiting to be taken before the stream is paused (device buffers arrive in bursts). */
const MAX_QUEUED_SECONDS = 0.5;

export interface FinishedRecording {
  readonly recordingId: string;
  readonly durationMs: number;
  readonly size: number;
  readonly sha256: string;
  /** Where the host serves it for listening back. */
  readonly audioPath: string;
}

export type RecordingEnd =
  | { readonly recordingId: string; readonly reason: 'stopped' | 'limit'; readonly recording: FinishedRecording }
  | { readonly recordingId: string; readonly reason: 'failed'; readonly message: string };

/** The microphone level, about ten times a second while recording. */
export interface RecorderLevel {
  readonly recordingId: string;
  /** 0..1, scaled so ordinary speech fills most of the meter. */
  readonly level: number;
  readonly elapsedMs: number;
}

export interface RecorderOptions {
  readonly dataDir: string;
  /** ALSA device name for arecord (Linux) or AUDIODEV for sox; read at each start, so a technician's change applies at once. */
  readonly device: () => string;
  /** Longest recording, read at each start like the device. */
  readonly limitSec: () => number;
  readonly program?: 'arecord' | 'sox';
  readonly onLevel: (event: RecorderLevel) => void;
  readonly onEnded: (end: RecordingEnd) => void;
}

/** A recording under way, or why none could start. */
export type RecordingStart =
  | { readonly started: true; readonly recordingId: string; readonly limitSec: number }
  | { readonly started: false; readonly message: string };

interface Active {
  readonly sessionId: string;
  readonly finished: Promise<RecordingEnd>;
  stop(reason: 'stopped' | 'limit'): void;
}

const RECORDING_FILE = /^([0-9a-f-]{36})\.wav(\.part)?$/;

/**
 * Voice messages: arecord (or sox) through node-record-lpcm16, 16 kHz mono
 * 16-bit, written straight to a WAV in the kiosk data folder. The recorder
 * never keeps more audio than the wall clock allows: a device with no clock
 * of its own (ALSA's file plugin in tests, a misbehaving driver) is paced by
 * pipe back-pressure instead of filling the disk.
 */
export function createRecorder({
  dataDir,
  device,
  limitSec,
  program = process.platform === 'linux' ? 'arecord' : 'sox',
  onLevel,
  onEnded,
}: RecorderOptions) {
  const dir = join(dataDir, 'recordings');
  mkdirSync(dir, { recursive: true });
  const active = new Map<string, Active>();
  const finished = new Map<string, { sessionId: string; recording: FinishedRecording }>();
  const fileOf = (id: string) => join(dir, `${id}.wav`);

  const finish = (id: string, part: string, fd: number, bytes: number): FinishedRecording => {
    // The real length goes into the header; then the file is made durable and given its name.
    writeSync(fd, wavHeader(bytes, RECORDING_FORMAT), 0, 44, 0);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(part, fileOf(id));
    const sha256 = createHash('sha256')
      .update(readFileSync(fileOf(id)))
      .digest('hex');
    return {
      recordingId: id,
      durationMs: Math.round((bytes / BYTES_PER_SECOND) * 1000),
      size: bytes + 44,
      sha256,
      audioPath: `recordings/${id}.wav`,
    };
  };

  return {
    /**
     * Starts capturing for a session (a recording already running is stopped
     * first) and answers once audio actually flows, or with why it cannot: a
     * missing or broken microphone is known before the visitor is told to speak.
     */
    async start(sessionId: string): Promise<RecordingStart> {
      for (const other of active.values()) other.stop('stopped');
      const limit = limitSec();
      const limitBytes = limit * BYTES_PER_SECOND;
      const id = randomUUID();
      const part = `${fileOf(id)}.part`;
      const fd = openSync(part, 'w');
      writeSync(fd, wavHeader(0, RECORDING_FORMAT));
      const capture = lpcm16.record({
        ...RECORDING_FORMAT,
        recorder: program,
        device: device(),
        audioType: 'raw',
        threshold: 0,
        endOnSilence: false,
      });
      const stream = capture.stream();
      const startedAt = Date.now();
      let bytes = 0;
      let stopReason: 'stopped' | 'limit' | undefined;
      let failure: string | undefined;
      let stderr = '';
      capture.process.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-400)));
      capture.process.on('error', (error) => (failure = `${program} could not start: ${error.message}`));
      stream.on('error', () => undefined); // the exit code and stderr tell the story, below

      const stop = (reason: 'stopped' | 'limit') => {
        if (stopReason) return;
        stopReason = reason;
        // arecord finishes its last write on SIGTERM: the pipe must flow again (a paused stream would
        // leave it blocked forever); what arrives now is dropped by the data handler.
        stream.resume();
        capture.process.kill('SIGTERM');
        setTimeout(() => {
          if (capture.process.exitCode === null && capture.process.signalCode === null) capture.process.kill('SIGKILL');
        }, 2000).unref();
      };

      // Audio is queued as it arrives and taken at the pace of the wall clock,
      // ten times a second (which also feeds the level meter evenly). While the
      // queue is full the stream is paused, and the recorder blocks on the pipe.
      const queue: Buffer[] = [];
      let queued = 0;
      const take = (upTo: number): Buffer => {
        const parts: Buffer[] = [];
        let wanted = upTo - (upTo % 2);
        while (wanted > 0 && queue.length > 0) {
          const head = queue[0] as Buffer;
          const part = head.subarray(0, wanted);
          parts.push(part);
          wanted -= part.length;
          if (part.length === head.length) queue.shift();
          else queue[0] = head.subarray(part.length);
        }
        const taken = Buffer.concat(parts);
        queued -= taken.length;
        return taken;
      };
      const consume = () => {
        const elapsedMs = Date.now() - startedAt;
        const allowed = Math.min(limitBytes, Math.floor((elapsedMs / 1000) * BYTES_PER_SECOND)) - bytes;
        const taken = take(allowed);
        if (taken.length > 0) {
          writeSync(fd, taken);
          bytes += taken.length;
          const samples = new Int16Array(taken.buffer.slice(taken.byteOffset, taken.byteOffset + taken.length));
          onLevel({ recordingId: id, level: Math.min(1, rmsLevel(samples) * 4), elapsedMs });
        }
        if (queued < MAX_QUEUED_SECONDS * BYTES_PER_SECOND) stream.resume();
        if (bytes >= limitBytes) stop('limit');
      };
      const ticker = setInterval(consume, 1000 / LEVEL_EVENTS_PER_SECOND);
      const flowing = new Promise<void>((resolve) => stream.once('data', () => resolve()));
      stream.on('data', (chunk: Buffer) => {
        if (stopReason) return;
        queue.push(chunk);
        queued += chunk.length;
        if (queued >= MAX_QUEUED_SECONDS * BYTES_PER_SECOND) stream.pause();
      });

      const done = new Promise<RecordingEnd>((resolve) => {
        capture.process.on('close', () => {
          clearInterval(ticker);
          if (stopReason) consume(); // what arrived up to the moment of stopping
          active.delete(id);
          const detail = stderr.trim() ? `: ${stderr.trim()}` : '';
          if (!stopReason || bytes < MIN_SECONDS * BYTES_PER_SECOND) {
            // Exited by itself, or nothing worth keeping: no file, and never an empty attachment.
            closeSync(fd);
            rmSync(part, { force: true });
            const message = failure ?? (bytes === 0 ? `${program} produced no audio${detail}` : `${program} stopped by itself${detail}`);
            return resolve({ recordingId: id, reason: 'failed', message });
          }
          resolve({ recordingId: id, reason: stopReason, recording: finish(id, part, fd, bytes) });
        });
      });
      void done.then((end) => {
        if (end.reason !== 'failed') finished.set(id, { sessionId, recording: end.recording });
        onEnded(end);
      });
      active.set(id, { sessionId, finished: done, stop });
      const first = await Promise.race([flowing.then(() => 'flowing' as const), done]);
      if (first !== 'flowing' && first.reason === 'failed') return { started: false, message: first.message };
      return { started: true, recordingId: id, limitSec: limit };
    },

    /** Stops a recording and waits for its file (or its failure). */
    async stop(recordingId: string): Promise<RecordingEnd | undefined> {
      const running = active.get(recordingId);
      if (running) {
        running.stop('stopped');
        return running.finished;
      }
      const done = finished.get(recordingId);
      return done ? { recordingId, reason: 'stopped', recording: done.recording } : undefined;
    },

    /** A finished recording of this session, for attaching to a submission. */
    finishedFor(recordingId: string, sessionId: string): (FinishedRecording & { path: string }) | undefined {
      const done = finished.get(recordingId);
      return done && done.sessionId === sessionId ? { ...done.recording, path: fileOf(recordingId) } : undefined;
    },

    /** Once attached to a saved submission, the file belongs to the outbox, not to the session. */
    handOver(recordingId: string): void {
      finished.delete(recordingId);
    },

    /** Deletes a recording the visitor did not send (record again, or the session ended). */
    async discard(recordingId: string): Promise<void> {
      const running = active.get(recordingId);
      if (running) {
        running.stop('stopped');
        await running.finished;
      }
      finished.delete(recordingId);
      rmSync(fileOf(recordingId), { force: true });
    },

    /** Session end: every recording of the session that was not sent is deleted. */
    async discardSession(sessionId: string): Promise<void> {
      const ids = [...active.entries(), ...finished.entries()].filter(([, entry]) => entry.sessionId === sessionId).map(([id]) => id);
      await Promise.all(ids.map((id) => this.discard(id)));
    },

    /**
     * At start: recordings left by a crash or power cut that no saved
     * submission refers to are deleted (ACCESSIBILITY.md item 6).
     */
    sweep(isAttached: (path: string) => boolean): void {
      for (const name of readdirSync(dir)) {
        if (RECORDING_FILE.test(name) && !isAttached(join(dir, name))) rmSync(join(dir, name), { force: true });
      }
    },

    /** The WAV of a finished recording, for listening back; undefined once sent or deleted. */
    clipFile(recordingId: string): string | undefined {
      return finished.has(recordingId) ? fileOf(recordingId) : undefined;
    },

    async close(): Promise<void> {
      await Promise.all([...active.values()].map((running) => (running.stop('stopped'), running.finished)));
    },
  };
}

export type Recorder = ReturnType<typeof createRecorder>;

import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startOneRecording, type RecorderLevel, type RecordingEnd } from './oneRecording.js';
import type { FinishedRecording } from './recordingFile.js';

export type { RecorderLevel, RecordingEnd } from './oneRecording.js';
export type { FinishedRecording } from './recordingFile.js';

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
 * Voice messages in the kiosk data folder: one recording at a time
 * (oneRecording.ts: the microphone, paced by the wall clock, into a WAV), the
 * finished ones of each session until they are sent or the session ends, and
 * at start the sweep of what a crash left behind.
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

  return {
    /**
     * Starts capturing for a session (a recording already running is stopped
     * first) and answers once audio actually flows, or with why it cannot: a
     * missing or broken microphone is known before the visitor is told to speak.
     */
    async start(sessionId: string): Promise<RecordingStart> {
      for (const other of active.values()) other.stop('stopped');
      const limit = limitSec();
      const id = randomUUID();
      const { done, flowing, stop } = startOneRecording({
        id,
        file: fileOf(id),
        audioPath: `recordings/${id}.wav`,
        program,
        device: device(),
        limitSec: limit,
        onLevel,
      });
      void done.then((end) => {
        active.delete(id);
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

import lpcm16 from 'node-record-lpcm16';
import { rmsLevel } from '../../../sync/node/wav.js';
import { createPacedQueue } from './pacedQueue.js';
import { BYTES_PER_SECOND, openRecordingFile, RECORDING_FORMAT, type FinishedRecording } from './recordingFile.js';

/** Shorter than this is a recorder that produced nothing useful, not a message. */
const MIN_SECONDS = 0.3;
/** Level events per second for the on-screen meter. */
const LEVEL_EVENTS_PER_SECOND = 10;
/** Audio waiting to be taken before the stream is paused (device buffers arrive in bursts). */
const MAX_QUEUED_SECONDS = 0.5;

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

export interface OneRecordingOptions {
  readonly id: string;
  readonly file: string;
  readonly audioPath: string;
  readonly program: 'arecord' | 'sox';
  readonly device: string;
  readonly limitSec: number;
  readonly onLevel: (event: RecorderLevel) => void;
}

/** The capture process (arecord or sox through node-record-lpcm16), and how to stop it so its last write lands. */
function startCapture(program: 'arecord' | 'sox', device: string) {
  const capture = lpcm16.record({ ...RECORDING_FORMAT, recorder: program, device, audioType: 'raw', threshold: 0, endOnSilence: false });
  const stream = capture.stream();
  const state = { stderr: '', failure: undefined as string | undefined };
  capture.process.stderr?.on('data', (chunk: Buffer) => (state.stderr = (state.stderr + chunk.toString()).slice(-400)));
  capture.process.on('error', (error) => (state.failure = `${program} could not start: ${error.message}`));
  stream.on('error', () => undefined); // the exit code and stderr tell the story (see the end below)
  const terminate = () => {
    // arecord finishes its last write on SIGTERM: the pipe must flow again (a paused stream would
    // leave it blocked forever); what arrives now is dropped by the data handler.
    stream.resume();
    capture.process.kill('SIGTERM');
    setTimeout(() => {
      if (capture.process.exitCode === null && capture.process.signalCode === null) capture.process.kill('SIGKILL');
    }, 2000).unref();
  };
  return { process: capture.process, stream, state, terminate };
}

/**
 * One voice message, 16 kHz mono 16-bit, written straight to its WAV. Never
 * more audio than the wall clock allows: the capture is taken from a paced
 * queue ten times a second (which also feeds the level meter evenly), and
 * while the queue is full the stream is paused and the recorder blocks on
 * the pipe instead of filling the disk.
 */
export function startOneRecording({ id, file, audioPath, program, device, limitSec, onLevel }: OneRecordingOptions) {
  const limitBytes = limitSec * BYTES_PER_SECOND;
  const wav = openRecordingFile(file);
  const capture = startCapture(program, device);
  const queue = createPacedQueue();
  const startedAt = Date.now();
  let stopReason: 'stopped' | 'limit' | undefined;

  const stop = (reason: 'stopped' | 'limit') => {
    if (stopReason) return;
    stopReason = reason;
    capture.terminate();
  };
  const consume = () => {
    const elapsedMs = Date.now() - startedAt;
    const allowed = Math.min(limitBytes, Math.floor((elapsedMs / 1000) * BYTES_PER_SECOND)) - wav.bytes();
    const taken = queue.take(allowed);
    if (taken.length > 0) {
      wav.append(taken);
      const samples = new Int16Array(taken.buffer.slice(taken.byteOffset, taken.byteOffset + taken.length));
      onLevel({ recordingId: id, level: Math.min(1, rmsLevel(samples) * 4), elapsedMs });
    }
    if (queue.size() < MAX_QUEUED_SECONDS * BYTES_PER_SECOND) capture.stream.resume();
    if (wav.bytes() >= limitBytes) stop('limit');
  };
  const ticker = setInterval(consume, 1000 / LEVEL_EVENTS_PER_SECOND);
  const flowing = new Promise<void>((resolve) => capture.stream.once('data', () => resolve()));
  capture.stream.on('data', (chunk: Buffer) => {
    if (stopReason) return;
    queue.push(chunk);
    if (queue.size() >= MAX_QUEUED_SECONDS * BYTES_PER_SECOND) capture.stream.pause();
  });

  const done = new Promise<RecordingEnd>((resolve) => {
    capture.process.on('close', () => {
      clearInterval(ticker);
      if (stopReason) consume(); // what arrived up to the moment of stopping
      const detail = capture.state.stderr.trim() ? `: ${capture.state.stderr.trim()}` : '';
      if (!stopReason || wav.bytes() < MIN_SECONDS * BYTES_PER_SECOND) {
        // Exited by itself, or nothing worth keeping.
        wav.abandon();
        const message =
          capture.state.failure ?? (wav.bytes() === 0 ? `${program} produced no audio${detail}` : `${program} stopped by itself${detail}`);
        return resolve({ recordingId: id, reason: 'failed', message });
      }
      resolve({ recordingId: id, reason: stopReason, recording: wav.finish(id, audioPath) });
    });
  });
  return { done, flowing, stop };
}

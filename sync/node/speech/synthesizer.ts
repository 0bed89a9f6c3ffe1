import { Worker } from 'node:worker_threads';
import type { SynthReply, SynthRequest } from './synthProtocol.js';
import { trimLeadingSilence } from './trimLeadingSilence.js';

export interface SynthesizedAudio {
  readonly samples: Int16Array;
  readonly sampleRate: number;
}

export class SynthesisError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SynthesisError';
  }
}

/** With nothing to say for this long, the worker is stopped to give its memory back. */
const IDLE_STOP_MS = 30 * 60_000;

/** The longest one synthesis may take before the worker is presumed hung, restarted, and the text skipped. */
const BASE_TIMEOUT_MS = 5_000;

// Under tsx or vitest (npm run dev, tests) this module is TypeScript and so is
// its worker, which then registers tsx's loader before importing itself (Node
// 20 ignores --import in a worker's execArgv). The build has plain .js for both.
const RUNNING_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(RUNNING_SOURCE ? './speechWorker.ts' : './speechWorker.js', import.meta.url);
const startWorker = (): Worker =>
  RUNNING_SOURCE
    ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); });`, {
        eval: true,
      })
    : new Worker(WORKER_URL);

interface Pending {
  readonly request: SynthRequest;
  readonly resolve: (audio: SynthesizedAudio) => void;
  readonly reject: (error: Error) => void;
  readonly urgent: boolean;
}

/**
 * eSpeak NG in one worker thread, one synthesis at a time, in order. A
 * synthesis that does not answer in time terminates the worker (a fresh one
 * starts for the next text), so a text that would hang the engine costs one
 * utterance, never the kiosk.
 */
export function createSynthesizer(options: { timeoutMs?: number; idleMs?: number } = {}) {
  const timeoutMs = options.timeoutMs ?? BASE_TIMEOUT_MS;
  // The engine holds ~150-250 MB (its voice data and heap): started on first use, let go when unused for a while.
  const idleMs = options.idleMs ?? IDLE_STOP_MS;
  let idleTimer: NodeJS.Timeout | undefined;
  let worker: Worker | undefined;
  let nextId = 1;
  const queue: Pending[] = [];
  let current: (Pending & { timer: NodeJS.Timeout }) | undefined;
  let closed = false;

  const spawn = () => {
    const spawned = startWorker();
    spawned.unref();
    spawned.on('message', (reply: SynthReply) => {
      if (!current || reply.id !== current.request.id) return;
      const { resolve, reject, timer } = current;
      clearTimeout(timer);
      current = undefined;
      // The engine's leading digital silence is dropped here, once, for every phrase (see trimLeadingSilence).
      if (reply.ok) resolve({ samples: trimLeadingSilence(reply.samples, reply.sampleRate), sampleRate: reply.sampleRate });
      else reject(new SynthesisError(reply.message));
      pump();
    });
    spawned.on('error', (error) => fail(new SynthesisError(`speech worker failed: ${error.message}`)));
    spawned.on('exit', () => {
      if (worker === spawned) worker = undefined;
      fail(new SynthesisError('speech worker exited'));
    });
    return spawned;
  };

  const fail = (error: Error) => {
    if (!current) return;
    clearTimeout(current.timer);
    current.reject(error);
    current = undefined;
    pump();
  };

  const pump = () => {
    if (current || closed) return;
    const next = queue.shift();
    clearTimeout(idleTimer);
    if (!next) {
      const idleWorker = worker;
      if (idleWorker) {
        idleTimer = setTimeout(() => {
          if (worker === idleWorker && !current) {
            worker = undefined;
            void idleWorker.terminate();
          }
        }, idleMs);
        idleTimer.unref();
      }
      return;
    }
    worker ??= spawn();
    const hungWorker = worker;
    const timer = setTimeout(() => {
      worker = undefined;
      void hungWorker.terminate();
      fail(new SynthesisError(`synthesis took over ${String(timeoutMs)} ms; engine restarted`));
    }, timeoutMs);
    current = { ...next, timer };
    worker.postMessage(next.request);
  };

  return {
    /** `urgent` (the visitor is waiting for it) goes before texts synthesised ahead of need. */
    synthesize(text: string, voice: string, rate: number, urgent = true): Promise<SynthesizedAudio> {
      if (closed) return Promise.reject(new SynthesisError('synthesizer closed'));
      return new Promise((resolve, reject) => {
        const pending = { request: { id: nextId++, text, voice, rate }, resolve, reject, urgent };
        if (urgent) {
          const firstAhead = queue.findIndex((queued) => !queued.urgent);
          queue.splice(firstAhead === -1 ? queue.length : firstAhead, 0, pending);
        } else queue.push(pending);
        pump();
      });
    },
    async close(): Promise<void> {
      closed = true;
      clearTimeout(idleTimer);
      for (const pending of queue.splice(0)) pending.reject(new SynthesisError('synthesizer closed'));
      fail(new SynthesisError('synthesizer closed'));
      await worker?.terminate();
      worker = undefined;
    },
  };
}

export type Synthesizer = ReturnType<typeof createSynthesizer>;

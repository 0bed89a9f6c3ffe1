// The package ships no types; this is the part of its API the recorder uses.
declare module 'node-record-lpcm16' {
  import type { ChildProcess } from 'node:child_process';
  import type { Readable } from 'node:stream';
  interface RecordOptions {
    sampleRate?: number;
    channels?: number;
    threshold?: number;
    endOnSilence?: boolean;
    recorder?: 'sox' | 'rec' | 'arecord';
    device?: string;
    audioType?: 'wav' | 'raw';
  }
  interface Recording {
    readonly process: ChildProcess;
    stream(): Readable;
    stop(): void;
  }
  // CommonJS (module.exports = { record }): Node's ESM loader sees only a default export.
  const lpcm16: { record(options?: RecordOptions): Recording };
  export default lpcm16;
}

import { spawn, spawnSync } from 'node:child_process';

/**
 * Speech for phones on weak mobile data: WAV in, Ogg Opus out, by Debian's
 * opus-tools (`opusenc`, Xiph's own encoder over libopus). A process per
 * clip costs a few milliseconds beside the synthesis, runs outside Central's
 * event loop, and keeps a codec out of our dependencies; the npm encoders are
 * WebAssembly builds of the same libopus, two of them unpublished for years.
 */
const OPUSENC = 'opusenc';

/** Speech at 24 kb/s: the low end of Opus's wideband speech, about a fifteenth of the 22 kHz WAV. */
export const SPEECH_KBPS = 24;

/** Whether opusenc runs here; without it, phones get the WAV (the `<audio>` element lists what there is). */
export function opusEncoderAvailable(): boolean {
  const probe = spawnSync(OPUSENC, ['--version'], { stdio: 'ignore', timeout: 5000 });
  return probe.status === 0;
}

/** Encodes a WAV file's bytes into an Ogg Opus file's bytes; rejects with opusenc's own words when it fails. */
export function encodeOpus(wav: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const encoder = spawn(OPUSENC, ['--quiet', '--speech', '--bitrate', String(SPEECH_KBPS), '-', '-'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let errors = '';
    encoder.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    encoder.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    encoder.once('error', reject);
    encoder.once('close', (code) =>
      code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`opusenc exited with ${String(code)}: ${errors.trim()}`)),
    );
    encoder.stdin.end(wav);
  });
}

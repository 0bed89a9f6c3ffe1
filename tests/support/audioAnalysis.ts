import { decodeWav } from './decodeWav.js';

/**
 * The strongest frequency in a WAV between `fromHz` and `toHz` (1 Hz steps),
 * by a direct DFT over up to one second from the middle: slow but obviously right.
 */
export function dominantFrequency(wav: Buffer, fromHz = 50, toHz = 4000): number {
  const { samples, sampleRate } = decodeWav(wav);
  const length = Math.min(samples.length, sampleRate);
  const start = Math.floor((samples.length - length) / 2);
  let best = { hz: 0, power: -1 };
  for (let hz = fromHz; hz <= toHz; hz += 1) {
    let re = 0;
    let im = 0;
    const step = (2 * Math.PI * hz) / sampleRate;
    for (let i = 0; i < length; i += 1) {
      const value = samples[start + i] ?? 0;
      re += value * Math.cos(step * i);
      im -= value * Math.sin(step * i);
    }
    const power = re * re + im * im;
    if (power > best.power) best = { hz, power };
  }
  return best.hz;
}

/** A sine tone as raw 16-bit little-endian mono PCM (what ALSA's file plugin reads). */
export function sineRaw(hz: number, seconds: number, sampleRate = 16_000): Buffer {
  const samples = new Int16Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < samples.length; i += 1) samples[i] = Math.round(12_000 * Math.sin((2 * Math.PI * hz * i) / sampleRate));
  return Buffer.from(samples.buffer);
}

/**
 * An ALSA config with one capture device, NAME, made by the `file` plugin: it
 * reads `infile` (raw PCM) as if it were a microphone. There is no microphone
 * on the test machines; arecord itself runs for real against this device.
 */
export function fileCaptureAsoundrc(name: string, infile: string): string {
  return `pcm.${name} {\n  type file\n  slave.pcm "null"\n  file "/dev/null"\n  infile "${infile}"\n  format "raw"\n}\n`;
}

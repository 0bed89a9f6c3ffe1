/** The PCM format of every WAV the kiosk writes: 16-bit signed little-endian. */
export interface PcmFormat {
  readonly sampleRate: number;
  readonly channels: number;
}

const HEADER_BYTES = 44;

/** A canonical 44-byte RIFF/WAVE header for `dataBytes` of 16-bit PCM. */
export function wavHeader(dataBytes: number, { sampleRate, channels }: PcmFormat): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

/** Int16 samples to a complete WAV file. */
export function encodeWav(samples: Int16Array, format: PcmFormat): Buffer {
  const data = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
  return Buffer.concat([wavHeader(data.length, format), data]);
}

/** Root mean square of the samples, 0..1 of full scale. */
export function rmsLevel(samples: Int16Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return Math.sqrt(sum / samples.length) / 32768;
}

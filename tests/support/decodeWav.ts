import type { PcmFormat } from '../../sync/node/wav.js';

// The kiosk only writes WAVs; reading them back (to check what was recorded or spoken) is the tests' business.

export interface DecodedWav extends PcmFormat {
  readonly samples: Int16Array;
}

/** Reads a 16-bit PCM WAV (any chunk order); throws on anything else. */
export function decodeWav(file: Buffer): DecodedWav {
  if (file.toString('ascii', 0, 4) !== 'RIFF' || file.toString('ascii', 8, 12) !== 'WAVE') throw new Error('Not a RIFF/WAVE file');
  let offset = 12;
  let format: PcmFormat | undefined;
  while (offset + 8 <= file.length) {
    const id = file.toString('ascii', offset, offset + 4);
    const size = file.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (file.readUInt16LE(body) !== 1 || file.readUInt16LE(body + 14) !== 16) throw new Error('Only 16-bit PCM WAV is supported');
      format = { channels: file.readUInt16LE(body + 2), sampleRate: file.readUInt32LE(body + 4) };
    } else if (id === 'data') {
      if (!format) throw new Error('WAV data before its format');
      const end = Math.min(file.length, body + size);
      const copy = Buffer.from(file.subarray(body, end - ((end - body) % 2)));
      return { ...format, samples: new Int16Array(copy.buffer, copy.byteOffset, copy.length / 2) };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('WAV file has no data chunk');
}

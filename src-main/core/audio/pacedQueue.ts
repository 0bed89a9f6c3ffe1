/**
 * Audio chunks as they arrive from the capture process, taken at the pace of
 * the wall clock: a device with no clock of its own (ALSA's file plugin in
 * tests, a misbehaving driver) delivers faster than real time, and what is
 * not yet due waits here (the stream is paused while this is full).
 */
export function createPacedQueue() {
  const chunks: Buffer[] = [];
  let queued = 0;
  return {
    push(chunk: Buffer): void {
      chunks.push(chunk);
      queued += chunk.length;
    },
    /** Up to `upTo` bytes (whole 16-bit samples), oldest first. */
    take(upTo: number): Buffer {
      const parts: Buffer[] = [];
      let wanted = upTo - (upTo % 2);
      while (wanted > 0 && chunks.length > 0) {
        const head = chunks[0] as Buffer;
        const part = head.subarray(0, wanted);
        parts.push(part);
        wanted -= part.length;
        if (part.length === head.length) chunks.shift();
        else chunks[0] = head.subarray(part.length);
      }
      const taken = Buffer.concat(parts);
      queued -= taken.length;
      return taken;
    },
    /** Bytes waiting. */
    size: (): number => queued,
  };
}

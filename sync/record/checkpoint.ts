/**
 * C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): the note text
 * "<origin>\n<tree size>\n<base64 root hash>\n", signed as a signed note.
 */
export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly root: Buffer;
}

export const formatCheckpoint = ({ origin, size, root }: Checkpoint): string => `${origin}\n${String(size)}\n${root.toString('base64')}\n`;

export function parseCheckpoint(text: string): Checkpoint {
  const [origin = '', sizeText = '', rootText = ''] = text.split('\n');
  const root = Buffer.from(rootText, 'base64');
  if (!origin || !/^(0|[1-9]\d*)$/.test(sizeText) || root.length !== 32 || root.toString('base64') !== rootText)
    throw new Error('checkpoint: expected "<origin>", "<decimal size>" and "<base64 SHA-256 root>" on its first three lines');
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) throw new Error('checkpoint: tree size out of range');
  return { origin, size, root };
}

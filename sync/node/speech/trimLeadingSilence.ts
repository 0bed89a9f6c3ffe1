/** What is kept of the silence before the first sound: enough that a plosive's burst never starts on sample 0. */
const KEEP_MS = 2;

/**
 * Drops the digital silence eSpeak NG puts before a phrase: 49 ms of exact
 * zeros before a voiceless plosive (კ, ტ, პ, ფ, ქ, თ... start many Georgian
 * words), 13 ms before დ. A blind visitor waits for that silence after every
 * key press; it carries nothing. Only exact zeros are dropped, never sound.
 */
export function trimLeadingSilence(samples: Int16Array, sampleRate: number): Int16Array {
  const first = samples.findIndex((sample) => sample !== 0);
  if (first < 0) return samples;
  const start = Math.max(0, first - Math.round((KEEP_MS / 1000) * sampleRate));
  return start === 0 ? samples : samples.subarray(start);
}

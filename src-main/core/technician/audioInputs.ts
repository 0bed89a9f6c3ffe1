import { execFile } from 'node:child_process';

/** One capture device as ALSA names it, for the technician's choice of `audio.inputDevice`. */
export interface AudioInput {
  readonly name: string;
  readonly description: string;
}

/**
 * `arecord -L` printed: each device's name on its own line, its description
 * indented below it. The `null` device (silence) is left out: no technician
 * means it as a microphone.
 */
export function parseDeviceList(text: string): AudioInput[] {
  const devices: { name: string; lines: string[] }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    if (/^\s/.test(line)) devices.at(-1)?.lines.push(line.trim());
    else devices.push({ name: line.trim(), lines: [] });
  }
  return devices.filter((device) => device.name !== 'null').map((device) => ({ name: device.name, description: device.lines.join(' — ') }));
}

/** The capture devices ALSA knows now (none where arecord is missing: the screen then says so). */
export function listAudioInputs(): Promise<AudioInput[]> {
  return new Promise((resolve) => {
    execFile('arecord', ['-L'], { timeout: 5000 }, (error, stdout) => resolve(error ? [] : parseDeviceList(stdout)));
  });
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KioskConfigInput } from '../../../kiosk-config/schema.js';
import { fileCaptureAsoundrc, sineRaw } from '../../support/audioAnalysis.js';
import { freePort } from '../../support/freePort.js';
import { startCentralProcess, startKioskProcess, writeKioskConfig, type RunningProcess } from '../../support/processes.js';
import { makeTempDir } from '../../support/tempDir.js';
import { Transcript } from './transcript.js';

export const TONE_DEVICE = 'pshtone';

export interface AudioKiosk {
  readonly url: string;
  readonly centralUrl: string;
  readonly centralData: string;
  /** The kiosk's data folder (kiosk.sqlite, recordings, speech cache). */
  readonly kioskData: string;
  readonly transcript: Transcript;
  stop(): Promise<void>;
}

/**
 * A real Central and a kiosk process with the speech transcript on and a
 * "microphone": there is none on the test machines, so HOME holds an
 * asoundrc whose ALSA `file` device plays a 440 Hz tone into the real arecord.
 */
export async function startAudioKiosk(
  name: string,
  overrides: Partial<KioskConfigInput> = {},
  kioskArgs: readonly string[] = [],
  /** Central's environment: its SMS centre, for a test that follows a message out (notifications). */
  centralEnv: NodeJS.ProcessEnv = {},
  /** More of the kiosk's environment (a PATH with a stand-in amixer, for the headphone jack). */
  kioskEnv: NodeJS.ProcessEnv = {},
): Promise<AudioKiosk> {
  const dir = makeTempDir(name);
  const centralData = join(dir.path, 'central');
  mkdirSync(centralData, { recursive: true });
  writeFileSync(join(dir.path, 'tone.raw'), sineRaw(440, 3));
  writeFileSync(join(dir.path, '.asoundrc'), fileCaptureAsoundrc(TONE_DEVICE, join(dir.path, 'tone.raw')));
  const running: RunningProcess[] = [];
  const central = await startCentralProcess(centralData, await freePort(), centralEnv);
  running.push(central);
  const transcriptFile = join(dir.path, 'transcript.jsonl');
  const config = writeKioskConfig(dir.path, central.url, {
    audio: { inputDevice: TONE_DEVICE, headsetIsOutput: true, recordLimitSec: 120 },
    ...overrides,
  });
  const kiosk = await startKioskProcess(config, { ...kioskEnv, HOME: dir.path, KIOSK_SPEECH_TRANSCRIPT: transcriptFile }, kioskArgs).catch(
    async (error: unknown) => {
      await central.stop(); // never leave a Central behind when the kiosk cannot start
      throw error;
    },
  );
  running.push(kiosk);
  return {
    url: kiosk.url,
    centralUrl: central.url,
    centralData,
    kioskData: join(dir.path, 'kiosk-data'),
    transcript: new Transcript(transcriptFile),
    async stop() {
      await Promise.all(running.map((process) => process.stop()));
      dir.remove();
    },
  };
}

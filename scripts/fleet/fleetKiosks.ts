import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../../sync/central/db/schema.js';
import { addBranch, addDesk } from '../../sync/central/services/desks.js';
import { createEnrolmentToken } from '../../sync/central/services/enrolment.js';
import { fileCaptureAsoundrc, sineRaw } from '../../tests/support/audioAnalysis.js';
import { openKioskLink } from './kioskLink.js';
import { startSimKiosk, type SimKiosk } from './simKiosk.js';

export interface FleetBranch {
  readonly id: string;
  /** The desk code on its QR card (TB01-01), where the branch's phones start. */
  readonly deskCode: string;
  readonly deskId: string;
}

/** AA01, AB01, ...: two capital letters and two digits, as branch codes are. */
const branchCode = (index: number) => `${String.fromCharCode(65 + Math.floor(index / 26), 65 + (index % 26))}01`;
const CAPTURE_DEVICE = 'fleettone';

/** The branches, each with one desk whose QR code phones scan, written as staff would through the services. */
export async function addFleetBranches(db: Kysely<CentralDatabase>, count: number): Promise<FleetBranch[]> {
  if (count > 26 * 26) throw new Error(`branches: at most ${String(26 * 26)} (two letters of a branch code)`);
  const branches: FleetBranch[] = [];
  for (let index = 0; index < count; index += 1) {
    const id = `fleet-${String(index)}`;
    const code = branchCode(index);
    await addBranch(db, { id, code, nameKa: `ფილიალი ${String(index + 1)}`, nameEn: `Branch ${String(index + 1)}` });
    await addDesk(db, { branchId: id, id: `${id}-desk-1`, number: 1, services: ['civil-registry'] }, ['civil-registry']);
    branches.push({ id, deskCode: `${code}-01`, deskId: `${id}-desk-1` });
  }
  return branches;
}

/**
 * The kiosks' microphone: arecord reads ~/.asoundrc, and there is no microphone here, so a capture device
 * of ALSA's `file` plugin plays a tone into every voice message. HOME is this process's, set for its children.
 */
export function fileMicrophone(dir: string): string {
  writeFileSync(join(dir, 'tone.raw'), sineRaw(440, 3));
  writeFileSync(join(dir, '.asoundrc'), fileCaptureAsoundrc(CAPTURE_DEVICE, join(dir, 'tone.raw')));
  process.env.HOME = dir;
  return CAPTURE_DEVICE;
}

/** `perBranch` kiosks in each branch, each on its branch's line (127.1.B.1), enrolled with its own one-time token, syncing. */
export async function startFleetKiosks(
  db: Kysely<CentralDatabase>,
  proxyPort: number,
  branches: readonly FleetBranch[],
  options: { readonly kiosks: number; readonly dataDir: string; readonly inputDevice: string },
): Promise<SimKiosk[]> {
  const kiosks: SimKiosk[] = [];
  for (let index = 0; index < options.kiosks; index += 1) {
    const branchIndex = index % branches.length;
    const branch = branches[branchIndex];
    if (!branch) throw new Error('no branches');
    const { token } = await createEnrolmentToken(db, branch.id, 2);
    const link = await openKioskLink(proxyPort, `127.1.${String(branchIndex % 250)}.${String(1 + Math.floor(branchIndex / 250))}`);
    kiosks.push(
      startSimKiosk({
        id: `kiosk-${String(index).padStart(3, '0')}`,
        branchId: branch.id,
        deskId: branch.deskId,
        token,
        link,
        dataDir: options.dataDir,
        inputDevice: options.inputDevice,
      }),
    );
  }
  for (const kiosk of kiosks) kiosk.core.sync.start();
  // Enrolled once each holds Central's sealing key (which verified votes need).
  const deadline = Date.now() + 120_000;
  while (kiosks.some((kiosk) => !kiosk.core.sync.sealingKey())) {
    if (Date.now() > deadline) throw new Error(`kiosks not enrolled in 120 s: ${kiosks.filter((k) => !k.core.sync.sealingKey()).length}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return kiosks;
}

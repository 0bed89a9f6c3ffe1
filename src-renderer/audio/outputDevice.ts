import { Howler } from 'howler';

/** The sound outputs this page can use, by label (empty where the browser lists none or hides their labels). */
export async function audioOutputs(): Promise<string[]> {
  const devices = await navigator.mediaDevices.enumerateDevices().catch(() => []);
  return devices
    .filter((device) => device.kind === 'audiooutput' && device.label && device.deviceId !== 'default')
    .map((device) => device.label);
}

/**
 * Sends the kiosk's speech to the configured output (`audio.outputDevice`, by
 * its label): the Web Audio context howler plays through is moved with
 * AudioContext.setSinkId. Answers whether the output was applied ('default' needs nothing).
 */
export async function applyAudioOutput(label: string): Promise<boolean> {
  if (label === 'default') return true;
  const devices = await navigator.mediaDevices.enumerateDevices().catch(() => []);
  const device = devices.find((candidate) => candidate.kind === 'audiooutput' && candidate.label === label);
  const context = Howler.ctx as (AudioContext & { setSinkId?: (id: string) => Promise<void> }) | undefined;
  if (!device || !context?.setSinkId) return false;
  await context.setSinkId(device.deviceId);
  return true;
}

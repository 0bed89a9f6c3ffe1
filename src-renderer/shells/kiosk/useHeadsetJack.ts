import { useEffect, useLayoutEffect, useRef } from 'react';
import type { KioskClient } from '../../client/kioskClient.js';

/**
 * Headphones going into or out of the jack, where the kiosk's sound card
 * reports it (the core reads ALSA's jack control: config `audio.headsetJack`).
 * The shell then treats the output as a headset or a loudspeaker, and says so.
 */
export function useHeadsetJack(client: KioskClient, onChange: (plugged: boolean) => void): void {
  const latest = useRef(onChange);
  useLayoutEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => client.subscribe('audio.headset', ({ plugged }) => latest.current(plugged)), [client]);
}

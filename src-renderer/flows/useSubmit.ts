import { useState, type Dispatch } from 'react';
import { KioskCallError } from '../client/kioskClient.js';
import type { KioskAction, KioskErrorKey } from '../shells/kiosk/kioskState.js';

/**
 * The send of every flow: one call at a time (a second press while busy does
 * nothing), the flow's "saved" action on success, and on failure an error the
 * review screen shows, with the draft kept to send again. Nothing was
 * confirmed to the visitor until the kiosk answered.
 */
export function useSubmit(dispatch: Dispatch<KioskAction>, errorOf: (field: string | undefined) => KioskErrorKey = () => 'saveFailed') {
  const [busy, setBusy] = useState(false);
  const submit = async (send: () => Promise<KioskAction>) => {
    if (busy) return;
    setBusy(true);
    try {
      dispatch(await send());
    } catch (error) {
      dispatch({ type: 'error', error: errorOf(error instanceof KioskCallError ? error.field : undefined) });
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit: (send: () => Promise<KioskAction>) => void submit(send) };
}

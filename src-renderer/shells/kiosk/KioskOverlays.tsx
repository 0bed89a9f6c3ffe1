import { lazy, Suspense } from 'react';
import type { AppInfo } from '../../../src-main/api/contract.js';
import type { Language } from '../../../sync/protocol/languages.js';
import { PrivacyDialog } from '../../audio/PrivacyDialog.js';
import type { KioskClient } from '../../client/kioskClient.js';
import { HelpDialog } from '../../ui/HelpDialog.js';
import { IdleWarning } from '../../ui/IdleWarning.js';
import type { Screen } from './kioskState.js';

// Technician mode is its own chunk: visitors never load it.
const TechnicianMode = lazy(() => import('../../technician/TechnicianMode.js').then((module) => ({ default: module.TechnicianMode })));

interface KioskOverlaysProps {
  readonly client: KioskClient;
  readonly info: AppInfo;
  readonly screen: Screen;
  readonly language: Language;
  /** Each overlay's handlers when it is open; absent when it is not. */
  readonly help?: { readonly onClose: () => void } | undefined;
  readonly privacy?: { readonly onChoose: (useSpeaker: boolean) => void } | undefined;
  readonly idle?: { readonly secondsLeft: number; readonly onContinue: () => void } | undefined;
  readonly technician?: { readonly onClose: () => void; readonly onInfo: (info: AppInfo) => void } | undefined;
}

/** What opens over the screen (help, the privacy question, the idle warning, technician mode); the screen is inert meanwhile. */
export function KioskOverlays({ client, info, screen, language, help, privacy, idle, technician }: KioskOverlaysProps) {
  return (
    <>
      {help && <HelpDialog screen={screen} onClose={help.onClose} />}
      {privacy && <PrivacyDialog onChoose={privacy.onChoose} />}
      {idle && <IdleWarning secondsLeft={idle.secondsLeft} onContinue={idle.onContinue} />}
      {technician && (
        <Suspense fallback={null}>
          <TechnicianMode client={client} info={info} language={language} onClose={technician.onClose} onInfo={technician.onInfo} />
        </Suspense>
      )}
    </>
  );
}

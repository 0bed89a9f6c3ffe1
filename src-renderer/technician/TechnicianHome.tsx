import type { AppInfo } from '../../src-main/api/contract.js';
import { BigButton } from '../ui/BigButton.js';
import { TechnicianFrame } from './TechnicianFrame.js';
import type { TechnicianTexts } from './technicianTexts.js';

export type TechnicianScreen = 'diagnostics' | 'enrol' | 'settings' | 'speaker' | 'microphone' | 'touch' | 'screen';
const SCREENS: readonly TechnicianScreen[] = ['diagnostics', 'enrol', 'settings', 'speaker', 'microphone', 'touch', 'screen'];

interface TechnicianHomeProps {
  readonly texts: TechnicianTexts;
  readonly info: AppInfo;
  readonly idleMinutes: number;
  readonly onOpen: (screen: TechnicianScreen) => void;
  readonly onLeave: () => void;
}

/** The technician's menu: which kiosk this is, every tool as a large tile, and the way out. */
export function TechnicianHome({ texts, info, idleMinutes, onOpen, onLeave }: TechnicianHomeProps) {
  return (
    <TechnicianFrame title={texts.title} lead={texts.home.lead(info.kioskId, info.branchId)} texts={texts}>
      <div className="tiles technician-tiles">
        {SCREENS.map((screen) => (
          <BigButton key={screen} className="tile" onClick={() => onOpen(screen)}>
            {texts.home[screen]}
          </BigButton>
        ))}
      </div>
      <p>{texts.home.idle(idleMinutes)}</p>
      <div className="button-row">
        <BigButton variant="secondary" onClick={onLeave}>
          {texts.home.leave}
        </BigButton>
      </div>
    </TechnicianFrame>
  );
}

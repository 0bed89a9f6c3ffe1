import { useEffect, useRef, useState } from 'react';
import type { AppInfo } from '../../src-main/api/contract.js';
import type { KioskClient } from '../client/kioskClient.js';
import { DiagnosticsScreen } from './DiagnosticsScreen.js';
import { EnrolScreen } from './EnrolScreen.js';
import { MicrophoneTest } from './MicrophoneTest.js';
import { PinScreen } from './PinScreen.js';
import { ScreenTest } from './ScreenTest.js';
import { SettingsScreen } from './SettingsScreen.js';
import { SpeakerTest } from './SpeakerTest.js';
import { TechnicianHome, type TechnicianScreen } from './TechnicianHome.js';
import { technicianTexts } from './technicianTexts.js';
import { TouchTest } from './TouchTest.js';
import './technician.css';

interface TechnicianModeProps {
  readonly client: KioskClient;
  readonly info: AppInfo;
  /** The visitor UI's language now: the technician screens speak Georgian for it, English otherwise. */
  readonly language: string;
  /** Technician mode closed (left, idle, or the PIN screen cancelled). */
  readonly onClose: () => void;
  /** Settings were saved: the kiosk shell takes the new values at once. */
  readonly onInfo: (info: AppInfo) => void;
}

/** Technician mode: the PIN screen, then the menu and its screens, until the technician leaves or it idles out. */
export function TechnicianMode({ client, info, language, onClose, onInfo }: TechnicianModeProps) {
  const texts = technicianTexts(language);
  const [visit, setVisit] = useState<{ readonly id: string; readonly idleSec: number } | undefined>();
  const [screen, setScreen] = useState<TechnicianScreen | 'home'>('home');
  const lastAction = useRef(0);

  // The kiosk leaves technician mode by itself after the core's idle time without a touch or key (the core ends the visit too).
  useEffect(() => {
    if (!visit) return;
    const touch = () => (lastAction.current = performance.now());
    const check = setInterval(() => {
      if (performance.now() - lastAction.current < visit.idleSec * 1000) return;
      void client.invoke('technician.leave', { technicianId: visit.id, reason: 'idle' }).finally(onClose);
    }, 1000);
    window.addEventListener('pointerdown', touch, true);
    window.addEventListener('keydown', touch, true);
    return () => {
      clearInterval(check);
      window.removeEventListener('pointerdown', touch, true);
      window.removeEventListener('keydown', touch, true);
    };
  }, [client, visit, onClose]);

  if (!visit)
    return (
      <div className="technician" lang={language === 'ka' ? 'ka' : 'en'}>
        <PinScreen
          client={client}
          texts={texts}
          onCancel={onClose}
          onEntered={(id, idleSec) => {
            lastAction.current = performance.now();
            setVisit({ id, idleSec });
          }}
        />
      </div>
    );

  const technicianId = visit.id;
  const home = () => setScreen('home');
  const common = { client, texts, technicianId, onBack: home, onInfo };
  const view = (() => {
    switch (screen) {
      case 'home':
        return (
          <TechnicianHome
            texts={texts}
            info={info}
            idleMinutes={Math.round(visit.idleSec / 60)}
            onOpen={setScreen}
            onLeave={() => void client.invoke('technician.leave', { technicianId, reason: 'left' }).finally(onClose)}
          />
        );
      case 'diagnostics':
        return <DiagnosticsScreen {...common} />;
      case 'enrol':
        return <EnrolScreen {...common} />;
      case 'settings':
        return <SettingsScreen {...common} language={language} />;
      case 'speaker':
        return <SpeakerTest {...common} />;
      case 'microphone':
        return <MicrophoneTest {...common} device={info.audio.inputDevice} />;
      case 'touch':
        return <TouchTest {...common} />;
      case 'screen':
        return <ScreenTest {...common} />;
    }
  })();
  return (
    <div className="technician" lang={language === 'ka' ? 'ka' : 'en'}>
      {view}
    </div>
  );
}

import { useEffect, useRef, type ReactNode } from 'react';
import type { AppInfo } from '../../src-main/api/contract.js';
import type { KioskClient } from '../client/kioskClient.js';
import { BigButton } from '../ui/BigButton.js';
import type { TechnicianTexts } from './technicianTexts.js';

interface TechnicianFrameProps {
  readonly title: string;
  readonly lead?: string;
  readonly texts: TechnicianTexts;
  /** The way back to the menu; none on the PIN screen and the menu itself. */
  readonly onBack?: () => void;
  readonly className?: string;
  readonly children: ReactNode;
}

/** One technician screen: its title (focused on arrival), its lead, its content, and the way back to the menu. */
export function TechnicianFrame({ title, lead, texts, onBack, className, children }: TechnicianFrameProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <main className={`screen technician-screen ${className ?? ''}`} aria-labelledby="technician-title">
      <div className="technician-head">
        <h1 id="technician-title" ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {onBack && (
          <BigButton variant="secondary" onClick={onBack}>
            {texts.back}
          </BigButton>
        )}
      </div>
      {lead && <p className="lead">{lead}</p>}
      {children}
    </main>
  );
}

/** What every tool screen is given. */
export interface ToolProps {
  readonly client: KioskClient;
  readonly texts: TechnicianTexts;
  readonly technicianId: string;
  readonly onBack: () => void;
  /** Settings were saved: the kiosk shell takes the new values at once. */
  readonly onInfo: (info: AppInfo) => void;
}

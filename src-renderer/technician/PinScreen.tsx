import { useState } from 'react';
import type { KioskClient } from '../client/kioskClient.js';
import { BigButton } from '../ui/BigButton.js';
import { TechnicianFrame } from './TechnicianFrame.js';
import type { TechnicianTexts } from './technicianTexts.js';

const MAX_DIGITS = 12;
const timeOf = (ms: number) => new Date(ms).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

interface PinScreenProps {
  readonly client: KioskClient;
  readonly texts: TechnicianTexts;
  readonly onEntered: (technicianId: string, idleSec: number) => void;
  readonly onCancel: () => void;
}

/**
 * The PIN pad: digits as 72 px keys (a touch monitor has no keyboard), the PIN
 * shown as dots only, and the core's answer in words (tries left, locked until
 * when). The PIN goes to the core once, on Enter; the screen keeps no copy.
 */
export function PinScreen({ client, texts, onEntered, onCancel }: PinScreenProps) {
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | undefined>();

  const submit = async () => {
    const typed = pin;
    setPin('');
    const entry = await client.invoke('technician.enter', { pin: typed });
    if (entry.entered) return onEntered(entry.technicianId, entry.idleSec);
    setMessage(
      entry.reason === 'refused'
        ? texts.pin.refused(entry.triesLeft)
        : entry.reason === 'locked'
          ? texts.pin.locked(timeOf(entry.untilMs))
          : texts.pin.noPin,
    );
  };
  const digit = (value: string) => setPin((typed) => (typed.length < MAX_DIGITS ? typed + value : typed));
  return (
    <TechnicianFrame title={texts.pin.title} lead={texts.pin.lead} texts={texts} className="pin-screen">
      <p className="pin-dots" aria-live="polite">
        <span aria-hidden="true">{pin.length === 0 ? '\u00a0' : '●'.repeat(pin.length)}</span>
        <span className="visually-hidden">{texts.pin.typed(pin.length)}</span>
      </p>
      {message && (
        <p className="technician-message" role="alert">
          {message}
        </p>
      )}
      <div className="pin-pad">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((value) => (
          <BigButton key={value} variant="secondary" onClick={() => digit(value)}>
            {value}
          </BigButton>
        ))}
        <BigButton variant="secondary" className="pin-word" onClick={() => setPin((typed) => typed.slice(0, -1))}>
          {texts.pin.erase}
        </BigButton>
        <BigButton variant="secondary" onClick={() => digit('0')}>
          0
        </BigButton>
        <BigButton className="pin-word" unavailable={pin.length === 0} onClick={() => void submit()}>
          {texts.pin.ok}
        </BigButton>
      </div>
      <div className="button-row">
        <BigButton variant="secondary" onClick={onCancel}>
          {texts.pin.cancel}
        </BigButton>
      </div>
    </TechnicianFrame>
  );
}

import { useEffect, useState } from 'react';
import type { Enrolment } from '../../src-main/api/contract.js';
import { BigButton } from '../ui/BigButton.js';
import { KEYBOARD_LAYOUTS } from '../ui/keyboardLayouts.js';
import { TextEntry } from '../ui/TextEntry.js';
import { TechnicianFrame, type ToolProps } from './TechnicianFrame.js';

const MIN_TOKEN = 16;

/**
 * Enrolment on the spot: the token typed on the on-screen keyboard (the
 * console shows it as text and as a QR code) or taken from a USB stick's
 * token file; then Central's answer. The queue is kept through it.
 */
export function EnrolScreen({ client, texts, technicianId, onBack }: ToolProps) {
  const words = texts.enrol;
  const [token, setToken] = useState('');
  const [enrolment, setEnrolment] = useState<Enrolment | undefined>();
  const [tokens, setTokens] = useState<readonly { medium: string; token: string }[]>([]);
  const [working, setWorking] = useState(false);
  const [answer, setAnswer] = useState<string | undefined>();
  useEffect(() => {
    void client.invoke('technician.enrolment', { technicianId }).then(setEnrolment);
    void client.invoke('technician.media', { technicianId }).then((found) => setTokens(found.tokens));
  }, [client, technicianId]);

  const enrol = async () => {
    setWorking(true);
    try {
      const after = await client.invoke('technician.enrol', { technicianId, token: token.trim() });
      setEnrolment(after);
      // "Keeps its enrolment" only where there is one to keep.
      if (after.refusal) setAnswer(after.deviceId ? `${words.refusals[after.refusal]} ${words.kept}` : words.refusals[after.refusal]);
      else setAnswer(words.answer(after.status.lastError ? `${after.status.state} — ${after.status.lastError}` : after.status.state));
    } catch (error) {
      setAnswer(words.answer(error instanceof Error ? error.message : String(error)));
    } finally {
      setWorking(false);
    }
  };
  const short = token.trim().length < MIN_TOKEN;
  return (
    <TechnicianFrame title={words.title} texts={texts} onBack={onBack} className="enrol-screen">
      {enrolment && (
        <p role="status">
          {words.state(enrolment.status.state)} {words.device(enrolment.deviceId ?? words.noDevice)}
        </p>
      )}
      {/* Under the state it changes, above the keyboard: seen without scrolling. */}
      {answer && (
        <p className="technician-message" role="alert">
          {answer}
        </p>
      )}
      <div className="button-row">
        {tokens.length === 0 ? (
          <p>{words.noToken}</p>
        ) : (
          tokens.map((found) => (
            <BigButton key={found.medium} variant="secondary" onClick={() => setToken(found.token)}>
              {words.fromStick(found.medium)}
            </BigButton>
          ))
        )}
      </div>
      <TextEntry
        id="enrolment-token"
        label={words.token}
        value={token}
        max={128}
        onChange={setToken}
        keyboard={{ language: 'en', layout: KEYBOARD_LAYOUTS.en, label: words.token }}
        fieldClass="text-field token-field"
        fieldLang="en"
        plain
        below={token.length > 0 && short ? <p className="field-hint">{words.tooShort}</p> : undefined}
      />
      <div className="button-row">
        <BigButton unavailable={short || working} onClick={() => void enrol()}>
          {working ? words.working : words.enrol}
        </BigButton>
      </div>
    </TechnicianFrame>
  );
}

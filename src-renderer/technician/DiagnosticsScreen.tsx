import { useCallback, useEffect, useState } from 'react';
import type { DeadLetter, Diagnostics, Medium } from '../../src-main/api/contract.js';
import { BigButton } from '../ui/BigButton.js';
import { TechnicianFrame, type ToolProps } from './TechnicianFrame.js';
import { VerdictBadge } from './VerdictBadge.js';

const shownValue = (value: string | number | null) =>
  value === null ? '—' : typeof value === 'number' && value >= 1024 ** 3 ? `${(value / 1024 ** 3).toFixed(1)} GiB` : String(value);

/**
 * Every check with a plain verdict and what to do, then the dead letters:
 * each by kind, time and error (never its content), retried one by one, or
 * exported whole to a USB stick for Central's staff.
 */
export function DiagnosticsScreen({ client, texts, technicianId, onBack }: ToolProps) {
  const [diagnostics, setDiagnostics] = useState<Diagnostics | undefined>();
  const [dead, setDead] = useState<readonly DeadLetter[]>([]);
  const [media, setMedia] = useState<readonly Medium[]>([]);
  const [note, setNote] = useState<string | undefined>();
  const [lastError, setLastError] = useState<string | null>(null);
  const load = useCallback(
    () =>
      Promise.all([
        client.invoke('technician.diagnostics', { technicianId }),
        client.invoke('technician.deadLetters', { technicianId }),
        client.invoke('technician.media', { technicianId }),
        client.invoke('sync.status'),
      ]),
    [client, technicianId],
  );
  const show = useCallback(([checked, letters, found, status]: Awaited<ReturnType<typeof load>>) => {
    setLastError(status.lastError);
    setDiagnostics(checked);
    setDead(letters);
    setMedia(found.media);
  }, []);
  const refresh = () => load().then(show);
  useEffect(() => {
    void load().then(show);
  }, [load, show]);

  const words = texts.diagnostics;
  return (
    <TechnicianFrame title={words.title} texts={texts} onBack={onBack}>
      <div className="button-row">
        <BigButton onClick={() => void refresh()}>{words.run}</BigButton>
        <BigButton variant="secondary" onClick={() => void client.invoke('sync.now').then(refresh)}>
          {words.syncNow}
        </BigButton>
      </div>
      {diagnostics && (
        <>
          <p role="status">{words.checked(new Date(diagnostics.checkedAt).toLocaleTimeString('en-GB'))}</p>
          {lastError && <p className="technician-message">{words.lastError(lastError)}</p>}
          <table className="diagnostics">
            <tbody>
              {diagnostics.checks.map((check) => (
                <tr key={check.id} data-check={check.id}>
                  <th scope="row">{texts.checks[check.id]}</th>
                  <td>
                    <VerdictBadge verdict={check.verdict} texts={texts} />
                  </td>
                  <td className="value">{shownValue(check.value)}</td>
                  <td>{check.advice ? texts.advice[check.advice] : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2>{words.deadTitle}</h2>
      {dead.length === 0 ? (
        <p>{words.noDead}</p>
      ) : (
        <>
          <ul className="dead-letters">
            {dead.map((letter) => (
              <li key={letter.id}>
                <span>
                  {letter.type} · {new Date(letter.createdAt).toLocaleString('en-GB')} · {letter.status}: {letter.reason}
                </span>
                <BigButton
                  variant="secondary"
                  onClick={() => void client.invoke('technician.retryDeadLetter', { technicianId, id: letter.id }).then(refresh)}
                >
                  {words.retry}
                </BigButton>
              </li>
            ))}
          </ul>
          <div className="button-row">
            {media.length === 0 ? (
              <p>{words.noStick}</p>
            ) : (
              media.map((medium) => (
                <BigButton
                  key={medium.label}
                  variant="secondary"
                  onClick={() =>
                    void client
                      .invoke('technician.exportDeadLetters', { technicianId, medium: medium.label })
                      .then((done) => setNote(words.exported(done.count, done.file)))
                  }
                >
                  {words.exportTo(medium.label)}
                </BigButton>
              ))
            )}
          </div>
          {note && <p role="status">{note}</p>}
        </>
      )}
    </TechnicianFrame>
  );
}

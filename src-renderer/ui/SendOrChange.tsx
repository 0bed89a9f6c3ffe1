import { ReadQuietlyButton } from '../audio/ReadQuietlyButton.js';
import type { Utterance } from '../audio/describeElement.js';
import { BigButton } from './BigButton.js';
import { ErrorMessage } from './ErrorMessage.js';

interface SendOrChangeProps {
  readonly sendLabel: string;
  readonly changeLabel: string;
  /** What went wrong with the last send, shown (and spoken) above the buttons. */
  readonly error: string | null;
  /** A send is under way: the button says so and does not send twice. */
  readonly busy: boolean;
  readonly onSend: () => void;
  readonly onChange: () => void;
  /** The review's read-back: when it holds private content the loudspeaker does not say, a way to hear it quietly. */
  readonly readBack?: readonly Utterance[];
}

/** The foot of every review screen: the send error if any, then Send (large) and Change. */
export function SendOrChange({ sendLabel, changeLabel, error, busy, onSend, onChange, readBack = [] }: SendOrChangeProps) {
  return (
    <>
      {error && <ErrorMessage>{error}</ErrorMessage>}
      <div className="button-row">
        <BigButton huge onClick={onSend} aria-disabled={busy || undefined}>
          {sendLabel}
        </BigButton>
        <BigButton variant="secondary" onClick={onChange}>
          {changeLabel}
        </BigButton>
        <ReadQuietlyButton parts={readBack} />
      </div>
    </>
  );
}

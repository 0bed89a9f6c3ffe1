import { useTranslation } from 'react-i18next';
import type { Ballot } from '../../../sync/protocol/ballot.js';
import { pickText, type Language } from '../../../sync/protocol/languages.js';
import { BigButton } from '../../ui/BigButton.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';

/** The ballots open here now. */
export function BallotListScreen({ ballots, language, onChoose }: { readonly ballots: readonly Ballot[]; readonly language: Language; readonly onChoose: (ballotId: string) => void }) {
  const { t } = useTranslation();
  return (
    <ScreenFrame title={t('vote.listTitle')} choices={ballots.length} hint={t('hints.ballotList')}>
      {ballots.length === 0 && <p className="lead">{t('vote.none')}</p>}
      <div className="tiles tiles-2">
        {ballots.map((ballot) => (
          <BigButton key={ballot.id} className="tile" aria-describedby={ballot.description ? `about-${ballot.id}` : undefined} onClick={() => onChoose(ballot.id)}>
            {pickText(ballot.title, language)}
            {ballot.description && (
              <span className="tile-note" id={`about-${ballot.id}`}>
                {pickText(ballot.description, language)}
              </span>
            )}
          </BigButton>
        ))}
      </div>
    </ScreenFrame>
  );
}

import { useTranslation } from 'react-i18next';
import type { Ballot } from '../../../sync/protocol/ballot.js';
import { pickText, type Language } from '../../../sync/protocol/languages.js';
import { NotedTiles } from '../../ui/NotedTiles.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';

/** The ballots open here now. */
export function BallotListScreen({
  ballots,
  language,
  onChoose,
}: {
  readonly ballots: readonly Ballot[];
  readonly language: Language;
  readonly onChoose: (ballotId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <ScreenFrame title={t('vote.listTitle')} choices={ballots.length} hint={t('hints.ballotList')}>
      {ballots.length === 0 && <p className="lead">{t('vote.none')}</p>}
      <NotedTiles
        tiles={ballots.map((ballot) => ({
          id: ballot.id,
          title: pickText(ballot.title, language),
          note: ballot.description && pickText(ballot.description, language),
        }))}
        onChoose={onChoose}
      />
    </ScreenFrame>
  );
}

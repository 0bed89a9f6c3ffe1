import { useTranslation } from 'react-i18next';
import { pickText, type Language } from '../../../sync/protocol/languages.js';
import type { Choice } from '../../../sync/protocol/survey.js';
import { useAudioMode } from '../../audio/AudioModeContext.js';

interface RankingInputProps {
  readonly choices: readonly Choice[];
  readonly order: readonly string[];
  readonly language: Language;
  readonly onOrder: (order: string[]) => void;
}

/**
 * Put services in order with large Up and Down buttons (no dragging: it works
 * by touch, by keys and by sound alike). Each move says the new position.
 */
export function RankingInput({ choices, order, language, onOrder }: RankingInputProps) {
  const { t } = useTranslation();
  const { enabled, speaker } = useAudioMode();
  const label = (id: string) => {
    const choice = choices.find((candidate) => candidate.id === id);
    return choice ? pickText(choice.label, language) : id;
  };
  const move = (from: number, to: number) => {
    if (to < 0 || to >= order.length) return;
    const next = [...order];
    const [item] = next.splice(from, 1);
    if (item === undefined) return;
    next.splice(to, 0, item);
    onOrder(next);
    if (enabled) void speaker.say([{ text: t('survey.moved', { name: label(item), position: to + 1, total: order.length }) }]);
  };
  return (
    <ol className="ranking" aria-labelledby="screen-title">
      {order.map((id, index) => (
        <li key={id} className="ranking-row">
          <span className="ranking-position" aria-hidden="true">
            {index + 1}
          </span>
          <span className="ranking-label">{label(id)}</span>
          <button
            type="button"
            className="osk-key ranking-move"
            aria-label={t('survey.moveUp', { name: label(id) })}
            aria-disabled={index === 0 || undefined}
            onClick={() => move(index, index - 1)}
          >
            ▲
          </button>
          <button
            type="button"
            className="osk-key ranking-move"
            aria-label={t('survey.moveDown', { name: label(id) })}
            aria-disabled={index === order.length - 1 || undefined}
            onClick={() => move(index, index + 1)}
          >
            ▼
          </button>
        </li>
      ))}
    </ol>
  );
}

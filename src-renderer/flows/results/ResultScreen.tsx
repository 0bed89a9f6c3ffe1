import { useTranslation } from 'react-i18next';
import { pickText, type Language } from '../../../sync/protocol/languages.js';
import type { PublishedResult, ResultSection } from '../../../sync/protocol/publishedResult.js';
import type { Utterance } from '../../audio/describeElement.js';
import { BigButton } from '../../ui/BigButton.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';

interface ResultScreenProps {
  readonly result: PublishedResult;
  readonly page: number;
  readonly language: Language;
  readonly onPage: (page: number) => void;
  readonly onAllResults: () => void;
  readonly onFinish: () => void;
}

/**
 * "You chose; this is what happens next": what happens next first (staff's
 * words), then one question (or the vote) per page as bars with their numbers
 * written beside them, so nothing depends on seeing a bar's length.
 */
export function ResultScreen({ result, page, language, onPage, onAllResults, onFinish }: ResultScreenProps) {
  const { t } = useTranslation();
  const sections = result.sections;
  const current = Math.min(page, Math.max(0, sections.length - 1));
  const section = sections[current];
  const participants =
    result.kind === 'survey'
      ? t('results.participantsSurvey', { count: result.participants })
      : t('results.participantsBallot', { count: result.participants });
  const nextSteps = pickText(result.nextSteps, language);
  const amount = (value: number, unit: ResultSection['unit']) => t(`results.${unit}`, { count: value });
  const mean = section?.mean ? t('results.mean', { value: section.mean.value.toFixed(1), scale: section.mean.scale }) : null;
  const rowsSaid: Utterance[] = section
    ? [
        ...(section.heading ? [{ text: pickText(section.heading, language) }] : []),
        ...(mean ? [{ text: mean }] : []),
        ...section.rows.map((row, index) => ({
          text: `${String(index + 1)}. ${pickText(row.label, language)}: ${amount(row.value, section.unit)}.`,
        })),
      ]
    : [];
  const top = section ? Math.max(1, ...section.rows.map((row) => row.value)) : 1;
  return (
    <ScreenFrame
      title={pickText(result.title, language)}
      className="result-screen"
      position={sections.length > 1 ? { current: current + 1, total: sections.length } : undefined}
      hint={t('hints.result')}
      // What people chose is read first: the screen's choices (next, finish) come after it.
      startsOn="title"
      details={current === 0 ? [{ text: participants }, { text: `${t('results.nextSteps')}: ${nextSteps}` }, ...rowsSaid] : rowsSaid}
    >
      <p className="context">{participants}</p>
      <section className="next-steps" aria-labelledby="next-steps-title">
        <h2 id="next-steps-title" className="section-title">
          {t('results.nextSteps')}
        </h2>
        <p className="lead">{nextSteps}</p>
      </section>
      {section && (
        <section className="result-section" aria-labelledby="result-section-title">
          <h2 id="result-section-title" className="section-title">
            {section.heading ? pickText(section.heading, language) : t('results.youChose')}
          </h2>
          {mean && <p className="context">{mean}</p>}
          {section.unit === 'points' && <p className="context">{t('results.pointsNote')}</p>}
          <ol className="result-bars">
            {section.rows.map((row, index) => (
              <li key={`${String(index)}-${row.label.ka}`} className="result-row">
                <span className="result-label">{pickText(row.label, language)}</span>
                <span className="result-bar" aria-hidden="true">
                  <span className="result-fill" style={{ width: `${String(Math.round((row.value / top) * 100))}%` }} />
                </span>
                <span className="result-value">{amount(row.value, section.unit)}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
      <div className="button-row">
        {current > 0 && (
          <BigButton variant="secondary" onClick={() => onPage(current - 1)}>
            {t('results.previous')}
          </BigButton>
        )}
        {current < sections.length - 1 ? (
          <BigButton onClick={() => onPage(current + 1)}>{t('results.next')}</BigButton>
        ) : (
          <BigButton onClick={onFinish}>{t('results.finish')}</BigButton>
        )}
        <BigButton variant="secondary" onClick={onAllResults}>
          {t('results.allResults')}
        </BigButton>
      </div>
    </ScreenFrame>
  );
}

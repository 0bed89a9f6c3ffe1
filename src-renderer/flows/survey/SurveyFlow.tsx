import { useTranslation } from 'react-i18next';
import type { Answer } from '../../../sync/protocol/survey.js';
import { isShown, isOpenHere, visibleQuestions } from '../../../sync/protocol/surveyLogic.js';
import { useKioskClient } from '../../client/KioskClientContext.js';
import { ThankYouScreen } from '../rating/ThankYouScreen.js';
import type { FlowProps } from '../kioskFlow.js';
import { useSubmit } from '../useSubmit.js';
import { contentTile } from '../../ui/NotedTiles.js';
import { TileListScreen, type TileListWords } from '../../ui/TileListScreen.js';
import { SurveyQuestionScreen } from './SurveyQuestionScreen.js';
import { SurveyReviewScreen } from './SurveyReviewScreen.js';

const SURVEY_LIST: TileListWords = { title: 'survey.listTitle', hint: 'hints.surveyList', none: 'survey.none' };

/** Surveys: the list of open ones -> one question per screen (skip rules decide which) -> review -> saved. */
export default function SurveyFlow({ state, dispatch, info, onBack, onFinish }: FlowProps) {
  const { t } = useTranslation();
  const client = useKioskClient();
  const { busy, submit } = useSubmit(dispatch);
  const { session } = state;
  if (!session) return null;
  // The session's content version: a pack that arrives mid-survey is for the next visitor.
  const { content } = session;

  if (state.screen === 'surveyList') {
    // Each with its introduction (how long it takes, what it decides).
    const tiles = content.surveys
      .filter((survey) => isOpenHere(survey, info.branchId, 'kiosk'))
      .map((survey) => contentTile(survey.id, survey.title, survey.intro, state.language));
    return <TileListScreen words={SURVEY_LIST} tiles={tiles} onChoose={(surveyId) => dispatch({ type: 'startSurvey', surveyId })} />;
  }
  if (state.screen === 'surveyThanks') {
    return state.saved ? (
      <ThankYouScreen
        saved={state.saved}
        language={state.language}
        title={t('survey.thanksTitle')}
        note={t('survey.thanksNote')}
        onFinish={onFinish}
      />
    ) : null;
  }
  const survey = content.surveys.find((candidate) => candidate.id === state.drafts.survey.surveyId);
  if (!survey) return null;
  const { answers, index } = state.drafts.survey;
  const visible = visibleQuestions(survey, answers);

  /** The next question asked after `from`, given these answers, or the review. */
  const nextAfter = (from: number, given: Readonly<Record<string, Answer>>): number | 'review' => {
    const next = survey.questions.findIndex((question, i) => i > from && isShown(question, given));
    return next === -1 ? 'review' : next;
  };

  if (state.screen === 'surveyReview') {
    // Only what was asked: an answer left from a question a changed answer now skips is not sent.
    const asked: Record<string, Answer> = {};
    for (const question of visible) {
      const given = answers[question.id];
      if (given) asked[question.id] = given;
    }
    const recordings = Object.fromEntries(
      Object.entries(state.drafts.survey.recordings).flatMap(([questionId, recording]) =>
        asked[questionId] && 'voice' in asked[questionId] ? [[questionId, recording.recordingId]] : [],
      ),
    );
    const send = () =>
      submit(async () => ({
        type: 'surveySaved',
        saved: await client.invoke('survey.submit', { sessionId: session.sessionId, surveyId: survey.id, answers: asked, recordings }),
      }));
    return (
      <SurveyReviewScreen
        content={content}
        questions={visible}
        answers={answers}
        language={state.language}
        actions={{ busy, showError: state.error === 'saveFailed', onSend: send, onChange: onBack }}
      />
    );
  }

  const question = survey.questions[index];
  if (!question) return null;
  const answer = answers[question.id];
  const errorText =
    state.error === 'chooseFirst'
      ? t('survey.chooseFirst')
      : state.error === 'tooFew' && question.type === 'multiple'
        ? t('survey.chooseAtLeast', { count: question.min })
        : state.error === 'tooMany' && question.type === 'multiple'
          ? t('survey.chooseAtMost', { count: question.max })
          : null;
  return (
    <SurveyQuestionScreen
      key={question.id}
      content={content}
      question={question}
      answer={answer}
      language={state.language}
      position={{ current: visible.indexOf(question) + 1, total: visible.length, totalChanged: state.drafts.survey.totalChanged }}
      error={errorText}
      onAnswer={(next) => dispatch({ type: 'surveyAnswer', questionId: question.id, answer: next })}
      voice={{
        sessionId: session.sessionId,
        limitSec: info.audio.recordLimitSec,
        voiceMessage: state.drafts.survey.recordings[question.id] ?? null,
      }}
      onVoiceMessage={(voiceMessage) => dispatch({ type: 'surveyRecording', questionId: question.id, voiceMessage })}
      onNext={() => {
        // A ranking left as shown is an answer too: the order on the screen.
        if (!answer && question.type === 'ranking') {
          dispatch({ type: 'surveyAnswer', questionId: question.id, answer: { order: question.choices.map((choice) => choice.id) } });
          return dispatch({ type: 'surveyNext', index: nextAfter(index, answers) });
        }
        if (!answer && question.required) return dispatch({ type: 'error', error: 'chooseFirst' });
        if (answer && 'choices' in answer && question.type === 'multiple') {
          if (answer.choices.length < question.min) return dispatch({ type: 'error', error: 'tooFew' });
          if (answer.choices.length > question.max) return dispatch({ type: 'error', error: 'tooMany' });
        }
        dispatch({ type: 'surveyNext', index: nextAfter(index, answers) });
      }}
      onSkip={() => {
        const { [question.id]: _skipped, ...rest } = answers;
        dispatch({ type: 'surveyRecording', questionId: question.id, voiceMessage: null });
        dispatch({ type: 'surveyAnswer', questionId: question.id, answer: null });
        dispatch({ type: 'surveyNext', index: nextAfter(index, rest) });
      }}
    />
  );
}

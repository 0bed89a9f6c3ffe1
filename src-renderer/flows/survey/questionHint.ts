import type { QuestionType } from '../../../sync/protocol/survey.js';

/**
 * The short hint a question's screen speaks and shows, by what the visitor
 * does there: order a list, type an answer, or choose one. A free-text
 * question must not tell them to choose (issue #35, heard on the kiosk).
 */
export function questionHintKey(type: QuestionType): 'survey.rankHelp' | 'hints.surveyText' | 'hints.surveyQuestion' {
  if (type === 'ranking') return 'survey.rankHelp';
  if (type === 'text') return 'hints.surveyText';
  return 'hints.surveyQuestion';
}

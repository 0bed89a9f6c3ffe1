import type BetterSqlite3 from 'better-sqlite3';
import { ContentPack } from '../../protocol/contentPack.js';
import type { SurveyPayload } from '../../protocol/submission.js';
import { responseProblem } from '../../protocol/surveyLogic.js';

/**
 * Checks a survey response against the content version the visitor answered
 * (published packs never change, so each is read and parsed once). Answers the
 * reason a response does not fit, for the rejected receipt, or null.
 */
export function createSurveyCheck(sqlite: BetterSqlite3.Database) {
  const packBody = sqlite.prepare<[number], string>('SELECT body_json FROM content_packs WHERE version = ?').pluck();
  const packs = new Map<number, ContentPack | null>();
  const pack = (version: number): ContentPack | null => {
    if (!packs.has(version)) {
      const body = packBody.get(version);
      packs.set(version, body === undefined ? null : ContentPack.parse(JSON.parse(body)));
    }
    return packs.get(version) ?? null;
  };
  return (payload: SurveyPayload, contentVersion: number): string | null => {
    const survey = pack(contentVersion)?.surveys.find((candidate) => candidate.id === payload.surveyId);
    if (!survey) return `survey "${payload.surveyId}" is not in content version ${contentVersion}`;
    return responseProblem(survey, payload.answers);
  };
}

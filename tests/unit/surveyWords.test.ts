import { describe, expect, it } from 'vitest';
import { questionHintKey } from '../../src-renderer/flows/survey/questionHint.js';
import type { QuestionType } from '../../sync/protocol/survey.js';
import { az } from '../../sync/texts/az.js';
import { en } from '../../sync/texts/en.js';
import { hy } from '../../sync/texts/hy.js';
import { ka } from '../../sync/texts/ka.js';
import { ru } from '../../sync/texts/ru.js';

// Issue #35, heard on the kiosk: after a survey, the thank-you said the *rating* would be sent, and a
// free-text question's hint said "choose an answer". Each screen now says what the visitor did there.
const MESSAGES = { ka, en, ru, az, hy };
const TYPES: readonly QuestionType[] = ['single', 'multiple', 'yesno', 'rating', 'smiley', 'text', 'ranking'];
const textOf = (messages: typeof en, key: ReturnType<typeof questionHintKey>): string =>
  key === 'survey.rankHelp'
    ? messages.survey.rankHelp
    : key === 'hints.surveyText'
      ? messages.hints.surveyText
      : messages.hints.surveyQuestion;

describe('what the survey screens say', () => {
  it('a free-text question asks to type, in every language; the others keep "choose" or "order"', () => {
    for (const [language, messages] of Object.entries(MESSAGES)) {
      const hints = new Map(TYPES.map((type) => [type, textOf(messages, questionHintKey(type))]));
      expect(hints.get('text'), language).not.toBe(messages.hints.surveyQuestion);
      expect(hints.get('text'), language).toBe(messages.hints.surveyText);
      expect(hints.get('single'), language).toBe(messages.hints.surveyQuestion);
      expect(hints.get('ranking'), language).toBe(messages.survey.rankHelp);
    }
    // Georgian: "აირჩიეთ" is "choose"; "აკრიფეთ" is "type".
    expect(ka.hints.surveyText).toContain('აკრიფეთ');
    expect(ka.hints.surveyText).not.toContain('აირჩიეთ');
  });

  it("the survey's thank-you says the answers are sent, not the rating, in every language", () => {
    for (const [language, messages] of Object.entries(MESSAGES)) {
      expect(messages.survey.thanksNote, language).not.toBe(messages.thanks.note);
      expect(messages.survey.thanksNote.length, language).toBeGreaterThan(10);
    }
    // Georgian: "შეფასება" is "rating"; "პასუხები" is "answers".
    expect(ka.survey.thanksNote).toContain('პასუხები');
    expect(ka.survey.thanksNote).not.toContain('შეფასება');
  });
});

import { z } from 'zod';
import { LocalizedText } from './localized.js';
import { OFFERED_WHERE } from './offeredWhere.js';

const ContentId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and dashes');

export const Choice = z.object({ id: ContentId, label: LocalizedText });
export type Choice = z.infer<typeof Choice>;

/** Show a question only when an earlier answer is one of these choices (skip logic). */
export const ShowIf = z.object({ questionId: ContentId, anyOf: z.array(z.string().min(1)).min(1) });

const base = {
  id: ContentId,
  text: LocalizedText,
  required: z.boolean().default(true),
  showIf: ShowIf.optional(),
};

export const Question = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('single'), choices: z.array(Choice).min(2).max(20) }),
  z.object({
    ...base,
    type: z.literal('multiple'),
    choices: z.array(Choice).min(2).max(20),
    min: z.number().int().min(0).default(1),
    max: z.number().int().min(1),
  }),
  z.object({ ...base, type: z.literal('yesno') }),
  z.object({ ...base, type: z.literal('rating'), scale: z.union([z.literal(5), z.literal(10)]) }),
  z.object({ ...base, type: z.literal('smiley') }),
  z.object({ ...base, type: z.literal('text'), maxLength: z.number().int().min(1).max(2000).default(1000) }),
  /** Put the choices in order: the order in which new services should come. */
  z.object({ ...base, type: z.literal('ranking'), choices: z.array(Choice).min(2).max(12) }),
]);
export type Question = z.infer<typeof Question>;
export type QuestionType = Question['type'];

/** The ids a question's answer may choose: yes and no, its choices, or none (numbers, text). */
export const choiceIds = (question: Question): string[] =>
  question.type === 'yesno' ? ['yes', 'no'] : 'choices' in question ? question.choices.map((choice) => choice.id) : [];

/**
 * A survey that measures one of the commitment's indicators (GE0067): today
 * awareness among visitors, "have you heard of ...?" asked as a yes/no or
 * single-choice question; the indicator is the share of its answers that are
 * one of `awareChoices`, with how many answered.
 */
export const SurveyMeasure = z.object({
  indicator: z.literal('awareness'),
  questionId: ContentId,
  awareChoices: z.array(z.string().min(1)).min(1),
});
export type SurveyMeasure = z.infer<typeof SurveyMeasure>;

export const Survey = z
  .object({
    id: ContentId,
    title: LocalizedText,
    intro: LocalizedText.optional(),
    questions: z.array(Question).min(1).max(50),
    opensAt: z.iso.datetime(),
    closesAt: z.iso.datetime(),
    ...OFFERED_WHERE,
    measures: SurveyMeasure.optional(),
  })
  .superRefine((survey, context) => {
    if (!survey.measures) return;
    const question = survey.questions.find((candidate) => candidate.id === survey.measures?.questionId);
    if (!question || (question.type !== 'yesno' && question.type !== 'single')) {
      context.addIssue({ code: 'custom', path: ['measures', 'questionId'], message: 'a yes/no or single-choice question of this survey' });
      return;
    }
    const choices = choiceIds(question);
    survey.measures.awareChoices.forEach((choice, at) => {
      if (!choices.includes(choice))
        context.addIssue({
          code: 'custom',
          path: ['measures', 'awareChoices', at],
          message: `one of the question's choices (${choices.join(', ')})`,
        });
    });
  });
export type Survey = z.infer<typeof Survey>;

/** One answer, by question type: a choice, several, a number, a text, or an order. */
export const Answer = z.union([
  z.object({ choice: z.string().min(1).max(64) }),
  z.object({ choices: z.array(z.string().min(1).max(64)).max(20) }),
  z.object({ value: z.number().int().min(1).max(10) }),
  // Before the text variant: a union takes the first that fits, and a plain object would drop `voice`.
  /** A free-text question answered by voice (the recording travels as the attachment `answer-<questionId>.wav`), with or without typed text. */
  z.object({ voice: z.literal(true), text: z.string().min(1).max(2000).optional() }),
  z.object({ text: z.string().min(1).max(2000) }),
  z.object({ order: z.array(z.string().min(1).max(64)).min(2).max(12) }),
]);
export type Answer = z.infer<typeof Answer>;

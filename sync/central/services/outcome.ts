/**
 * What every Central service answers when a request can be refused: the
 * value, or the problems, each naming the field at fault where there is one
 * (a form field, a JSON path). Routes turn problems into a 400 or a page that
 * shows them; a service throws only for what no request could cause.
 */
import { PROBLEM_TEXTS, type ProblemCode, type ProblemParams } from './problemTexts.js';

export interface Problem {
  /** In English: for the API, the log, and a page when there is no code. */
  readonly message: string;
  readonly field?: string;
  /** Set when a page can word the problem in its reader's language (problemTexts.ts). */
  readonly code?: ProblemCode;
  readonly params?: ProblemParams;
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };

export const success = <T>(value: T): Outcome<T> => ({ ok: true, value });

export const failure = <T = never>(message: string, field?: string): Outcome<T> => ({
  ok: false,
  problems: [field === undefined ? { message } : { message, field }],
});

/** A refusal staff meet in their work: worded in either console language from its code. */
export const refusal = <T = never>(code: ProblemCode, options: { field?: string; params?: ProblemParams } = {}): Outcome<T> => {
  const params = options.params ?? {};
  const message = PROBLEM_TEXTS.en[code](params);
  return { ok: false, problems: [{ message, code, params, ...(options.field === undefined ? {} : { field: options.field }) }] };
};

export const failures = <T = never>(messages: readonly string[]): Outcome<T> => ({
  ok: false,
  problems: messages.map((message) => ({ message })),
});

/** One problem as a reader of `language` should see it. */
export const problemMessage = (problem: Problem, language: 'en' | 'ka' = 'en'): string =>
  problem.code ? PROBLEM_TEXTS[language][problem.code](problem.params ?? {}) : problem.message;

/** The problems as one line, for a page (in its reader's language) or a receipt. */
export const problemText = (problems: readonly Problem[], language: 'en' | 'ka' = 'en'): string =>
  problems.map((problem) => problemMessage(problem, language)).join('; ');

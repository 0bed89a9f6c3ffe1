/**
 * What every Central service answers when a request can be refused: the
 * value, or the problems, each naming the field at fault where there is one
 * (a form field, a JSON path). Routes turn problems into a 400 or a page that
 * shows them; a service throws only for what no request could cause.
 */
export interface Problem {
  readonly message: string;
  readonly field?: string;
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };

export const success = <T>(value: T): Outcome<T> => ({ ok: true, value });

export const failure = <T = never>(message: string, field?: string): Outcome<T> => ({
  ok: false,
  problems: [field === undefined ? { message } : { message, field }],
});

export const failures = <T = never>(messages: readonly string[]): Outcome<T> => ({
  ok: false,
  problems: messages.map((message) => ({ message })),
});

/** The problems as one line, for a page or a receipt. */
export const problemText = (problems: readonly Problem[]): string => problems.map((problem) => problem.message).join('; ');

import { describe, expect, it } from 'vitest';
import { problemText, refusal } from '../../sync/central/services/outcome.js';
import { PROBLEM_TEXTS, type ProblemCode } from '../../sync/central/services/problemTexts.js';

const GEORGIAN = /[\u10D0-\u10FF]/;
const codes = Object.keys(PROBLEM_TEXTS.en) as ProblemCode[];

describe('refusals staff meet, in both console languages', () => {
  it('words every code in Georgian script and in English, each with its parameters', () => {
    for (const code of codes) {
      for (const params of [{}, { status: 'rejected', kind: 'ballot' }]) {
        expect(PROBLEM_TEXTS.ka[code](params), code).toMatch(GEORGIAN);
        expect(PROBLEM_TEXTS.en[code](params), code).not.toMatch(GEORGIAN);
      }
    }
    expect(PROBLEM_TEXTS.ka.proposalDecided({ status: 'rejected' })).not.toBe(PROBLEM_TEXTS.ka.proposalDecided({ status: 'accepted' }));
  });

  it('keeps the English message for the API and the log, and words the page in its reader language', () => {
    const outcome = refusal('unknownItem', { field: 'id', params: { kind: 'ballot' } });
    if (outcome.ok) throw new Error('a refusal is not ok');
    expect(outcome.problems[0]).toMatchObject({ message: 'no ballot with this id', field: 'id', code: 'unknownItem' });
    expect(problemText(outcome.problems)).toBe('no ballot with this id');
    expect(problemText(outcome.problems, 'ka')).toBe('ამ id-ით კენჭისყრა არ არსებობს');
  });
});

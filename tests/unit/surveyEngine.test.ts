import { describe, expect, it } from 'vitest';
import { demoSurvey } from '../../kiosk-config/demo/demoSurvey.js';
import { Survey, type Answer } from '../../sync/protocol/survey.js';
import { responseProblem, surveyProblems, visibleQuestions } from '../../sync/protocol/surveyLogic.js';
import { tallySurvey } from '../../sync/central/services/surveyTally.js';

const order = (...ids: string[]) => ({ order: ids });
const complete = {
  visits: { choice: 'yearly' },
  online: { choice: 'yes' },
  'online-rating': { value: 4 },
  priorities: order('home-delivery', 'online-queue', 'mobile-office', 'sign-language', 'evening-hours'),
  informed: { choices: ['sms', 'website'] },
};

describe('survey engine', () => {
  it('asks a question only when its skip rule is met', () => {
    expect(visibleQuestions(demoSurvey, { online: { choice: 'yes' } }).map((q) => q.id)).toContain('online-rating');
    expect(visibleQuestions(demoSurvey, { online: { choice: 'no' } }).map((q) => q.id)).not.toContain('online-rating');
  });

  it('accepts a response that fits, and names the question of one that does not', () => {
    expect(responseProblem(demoSurvey, complete)).toBeNull();
    const { 'online-rating': _skipped, ...withoutRating } = complete;
    expect(responseProblem(demoSurvey, { ...withoutRating, online: { choice: 'no' } })).toBeNull();
    expect(responseProblem(demoSurvey, { ...complete, online: { choice: 'no' } })).toBe(
      'question "online-rating" was not asked (its skip rule is not met)',
    );
    expect(responseProblem(demoSurvey, { ...complete, ghost: { choice: 'x' } })).toBe(
      'question "ghost" is not in survey "new-services-2027"',
    );
    expect(responseProblem(demoSurvey, { ...complete, visits: { choice: 'weekly' } })).toBe(
      'question "visits": "weekly" is not one of its choices',
    );
    expect(responseProblem(demoSurvey, { ...complete, informed: { choices: ['sms', 'email', 'website'] } })).toBe(
      'question "informed": at most 2 choices',
    );
    expect(responseProblem(demoSurvey, { ...complete, 'online-rating': { value: 6 } })).toBe('question "online-rating": expects 1 to 5');
    expect(responseProblem(demoSurvey, { ...complete, priorities: order('home-delivery', 'online-queue') })).toBe(
      'question "priorities": must order every choice exactly once',
    );
    const { visits: _visits, ...withoutVisits } = complete;
    expect(responseProblem(demoSurvey, withoutVisits)).toBe('question "visits" is required');
  });

  it('refuses to publish a broken survey, naming the place', () => {
    expect(surveyProblems(demoSurvey)).toEqual([]);
    const broken = Survey.parse({
      ...demoSurvey,
      questions: [
        { id: 'a', type: 'yesno', text: { ka: 'ა?' } },
        { id: 'b', type: 'rating', scale: 5, text: { ka: 'ბ?' }, showIf: { questionId: 'missing', anyOf: ['yes'] } },
        {
          id: 'c',
          type: 'single',
          text: { ka: 'გ?' },
          showIf: { questionId: 'a', anyOf: ['maybe'] },
          choices: [
            { id: 'x', label: { ka: 'x' } },
            { id: 'y', label: { ka: 'y' } },
          ],
        },
      ],
    });
    expect(surveyProblems(broken)).toEqual([
      'question 2 ("b"): its skip rule points to "missing", which is not an earlier question',
      'question 3 ("c"): its skip rule expects "maybe", which "a" cannot answer',
    ]);
    expect(
      Survey.safeParse({
        ...demoSurvey,
        questions: [{ id: 'r', type: 'ranking', text: { ka: 'რ' }, choices: [{ id: 'only', label: { ka: 'ერთი' } }] }],
      }).success,
    ).toBe(false);
    expect(Survey.safeParse({ ...demoSurvey, title: { en: 'No Georgian' } }).success).toBe(false);
  });

  it('tallies distributions, and a ranking as mean rank and Borda count', () => {
    const responses: Array<Record<string, Answer | undefined>> = [
      complete,
      {
        ...complete,
        online: { choice: 'no' },
        'online-rating': undefined,
        priorities: order('online-queue', 'home-delivery', 'mobile-office', 'sign-language', 'evening-hours'),
      },
      {
        ...complete,
        'online-rating': { value: 2 },
        priorities: order('online-queue', 'mobile-office', 'home-delivery', 'evening-hours', 'sign-language'),
      },
    ];
    const given = responses.map((answers) =>
      Object.fromEntries(Object.entries(answers).filter((entry): entry is [string, Answer] => entry[1] !== undefined)),
    );
    const tally = tallySurvey(demoSurvey, given);
    expect(tally.responses).toBe(3);
    const byId = Object.fromEntries(tally.questions.map((q) => [q.questionId, q]));
    expect(byId.online).toMatchObject({
      answered: 3,
      counts: [
        { id: 'yes', count: 2 },
        { id: 'no', count: 1 },
      ],
    });
    expect(byId['online-rating']).toMatchObject({ answered: 2, mean: 3 });
    // By hand (5 items: 4, 3, 2, 1, 0 points): online-queue 3+4+4 = 11, home-delivery 4+3+2 = 9,
    // mobile-office 2+2+3 = 7, sign-language 1+1+0 = 2, evening-hours 0+0+1 = 1.
    // Mean rank: online-queue (2+1+1)/3, home-delivery (1+2+3)/3, mobile-office (3+3+2)/3, sign-language (4+4+5)/3, evening-hours (5+5+4)/3.
    expect(byId.priorities).toMatchObject({
      answered: 3,
      ranking: [
        { id: 'online-queue', borda: 11, meanRank: 1.333 },
        { id: 'home-delivery', borda: 9, meanRank: 2 },
        { id: 'mobile-office', borda: 7, meanRank: 2.667 },
        { id: 'sign-language', borda: 2, meanRank: 4.333 },
        { id: 'evening-hours', borda: 1, meanRank: 4.667 },
      ],
    });
    expect(byId.informed).toMatchObject({
      counts: [
        { id: 'sms', count: 3 },
        { id: 'email', count: 0 },
        { id: 'website', count: 3 },
        { id: 'branch', count: 0 },
      ],
    });
  });
});

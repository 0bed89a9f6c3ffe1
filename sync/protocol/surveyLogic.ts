import { choiceIds, type Answer, type Question, type Survey } from './survey.js';

/**
 * The survey engine's rules, without zod: the kiosk and the web channel run
 * them to decide what to ask, and Central runs them again on every response
 * it receives (an answer that does not fit the survey version is refused with
 * the reason, never silently dropped).
 */
export type Answers = Readonly<Record<string, Answer>>;

/** The answer's values as strings, for skip rules: a choice, each of several, "yes"/"no", or a number. */
function answerValues(answer: Answer | undefined): string[] {
  if (!answer) return [];
  if ('choice' in answer) return [answer.choice];
  if ('choices' in answer) return answer.choices;
  if ('value' in answer) return [String(answer.value)];
  return [];
}

/** The attachment that carries the voice answer to a free-text question. */
export const voiceAnswerFile = (questionId: string): string => `answer-${questionId}.wav`;

/** Whether a question is asked, given the answers so far (its skip rule looks at an earlier answer). */
export function isShown(question: Question, answers: Answers): boolean {
  if (!question.showIf) return true;
  const values = answerValues(answers[question.showIf.questionId]);
  return values.some((value) => question.showIf?.anyOf.includes(value));
}

/** The questions this visitor is asked, in order: skip rules only look backwards, so one pass decides. */
export function visibleQuestions(survey: Survey, answers: Answers): Question[] {
  return survey.questions.filter((question) => isShown(question, answers));
}

/** What is wrong with an answer to this question, or null when it fits. */
export function answerProblem(question: Question, answer: Answer): string | null {
  const known = choiceIds(question);
  switch (question.type) {
    case 'single':
    case 'yesno':
      if (!('choice' in answer)) return 'expects one choice';
      return known.includes(answer.choice) ? null : `"${answer.choice}" is not one of its choices`;
    case 'multiple': {
      if (!('choices' in answer)) return 'expects a list of choices';
      const unknown = answer.choices.find((choice) => !known.includes(choice));
      if (unknown !== undefined) return `"${unknown}" is not one of its choices`;
      if (new Set(answer.choices).size !== answer.choices.length) return 'a choice is repeated';
      if (answer.choices.length > question.max) return `at most ${question.max} choices`;
      if (answer.choices.length < question.min) return `at least ${question.min} choices`;
      return null;
    }
    case 'rating':
    case 'smiley': {
      const top = question.type === 'rating' ? question.scale : 5;
      if (!('value' in answer)) return 'expects a number';
      return answer.value >= 1 && answer.value <= top ? null : `expects 1 to ${top}`;
    }
    case 'text':
      // A voice answer may come with typed text too.
      if ('voice' in answer)
        return answer.text === undefined || answer.text.length <= question.maxLength ? null : `at most ${question.maxLength} characters`;
      if (!('text' in answer)) return 'expects a text or a voice message';
      return answer.text.length <= question.maxLength ? null : `at most ${question.maxLength} characters`;
    case 'ranking': {
      if (!('order' in answer)) return 'expects an order of its choices';
      const sorted = [...answer.order].sort();
      const expected = [...known].sort();
      return sorted.length === expected.length && sorted.every((id, index) => id === expected[index])
        ? null
        : 'must order every choice exactly once';
    }
  }
}

/**
 * Checks a whole response against the survey version it was given in: no
 * unknown or hidden questions, every shown required question answered, every
 * answer fitting its question. Answers the first problem, naming the question.
 */
export function responseProblem(survey: Survey, answers: Answers): string | null {
  const byId = new Map(survey.questions.map((question) => [question.id, question]));
  for (const id of Object.keys(answers)) {
    if (!byId.has(id)) return `question "${id}" is not in survey "${survey.id}"`;
  }
  for (const question of survey.questions) {
    const answer = answers[question.id];
    const shown = isShown(question, answers);
    if (!shown && answer) return `question "${question.id}" was not asked (its skip rule is not met)`;
    if (shown && !answer && question.required) return `question "${question.id}" is required`;
    const problem = answer && answerProblem(question, answer);
    if (problem) return `question "${question.id}": ${problem}`;
  }
  return null;
}

/**
 * What stops a survey from being published, naming the place: a skip rule
 * pointing to a missing or later question or to choices it does not have,
 * duplicate ids, an impossible min/max, a ranking of fewer than 2, a question
 * or choice without Georgian text, a closing time before the opening.
 */
export function surveyProblems(survey: Survey): string[] {
  const problems: string[] = [];
  const seen = new Map<string, Question>();
  if (!survey.title.ka?.trim()) problems.push(`survey "${survey.id}": title has no Georgian text`);
  if (Date.parse(survey.closesAt) <= Date.parse(survey.opensAt)) problems.push(`survey "${survey.id}": closes before it opens`);
  survey.questions.forEach((question, index) => {
    const place = `question ${index + 1} ("${question.id}")`;
    if (seen.has(question.id)) problems.push(`${place}: the id is used twice`);
    if (!question.text.ka?.trim()) problems.push(`${place}: no Georgian text`);
    if ('choices' in question) {
      const ids = question.choices.map((choice) => choice.id);
      if (new Set(ids).size !== ids.length) problems.push(`${place}: a choice id is used twice`);
      question.choices.forEach((choice) => {
        if (!choice.label.ka?.trim()) problems.push(`${place}, choice "${choice.id}": no Georgian text`);
      });
    }
    if (question.type === 'ranking' && question.choices.length < 2) problems.push(`${place}: a ranking needs at least 2 items`);
    if (question.type === 'multiple' && (question.min > question.max || question.max > question.choices.length)) {
      problems.push(`${place}: min ${question.min} and max ${question.max} do not fit its ${question.choices.length} choices`);
    }
    if (question.showIf) {
      const target = seen.get(question.showIf.questionId);
      if (!target) problems.push(`${place}: its skip rule points to "${question.showIf.questionId}", which is not an earlier question`);
      else {
        const valid =
          target.type === 'rating'
            ? Array.from({ length: target.scale }, (_, i) => String(i + 1))
            : target.type === 'smiley'
              ? ['1', '2', '3', '4', '5']
              : choiceIds(target);
        const unknown = question.showIf.anyOf.filter((value) => !valid.includes(value));
        if (unknown.length > 0)
          problems.push(`${place}: its skip rule expects ${unknown.map((v) => `"${v}"`).join(', ')}, which "${target.id}" cannot answer`);
      }
    }
    seen.set(question.id, question);
  });
  return problems;
}

/** A survey or ballot open now, for this branch and channel. */
export function isOpenHere(
  survey: Pick<Survey, 'opensAt' | 'closesAt' | 'branches' | 'channels'>,
  branchId: string,
  channel: 'kiosk' | 'web',
  now = Date.now(),
): boolean {
  return (
    Date.parse(survey.opensAt) <= now &&
    now < Date.parse(survey.closesAt) &&
    (survey.branches.length === 0 || survey.branches.includes(branchId)) &&
    survey.channels.includes(channel)
  );
}

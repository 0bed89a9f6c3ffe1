import type { Ballot } from './ballot.js';

/**
 * What stops a ballot from being published, naming the place: no Georgian
 * title, an initiative without Georgian title or description, an id used
 * twice, more choices allowed than there are initiatives, a closing time
 * before the opening. (Shape problems are the schema's, reported with their path.)
 */
export function ballotProblems(ballot: Ballot): string[] {
  const problems: string[] = [];
  const place = `ballot "${ballot.id}"`;
  if (!ballot.title.ka.trim()) problems.push(`${place}: title has no Georgian text`);
  if (Date.parse(ballot.closesAt) <= Date.parse(ballot.opensAt)) problems.push(`${place}: closes before it opens`);
  if (ballot.maxChoices > ballot.initiatives.length)
    problems.push(`${place}: allows ${ballot.maxChoices} choices but has ${ballot.initiatives.length} initiatives`);
  const seen = new Set<string>();
  ballot.initiatives.forEach((initiative, index) => {
    const where = `initiative ${index + 1} ("${initiative.id}")`;
    if (seen.has(initiative.id)) problems.push(`${where}: the id is used twice`);
    seen.add(initiative.id);
    if (!initiative.title.ka.trim()) problems.push(`${where}: title has no Georgian text`);
    if (!initiative.description.ka.trim()) problems.push(`${where}: description has no Georgian text`);
  });
  return problems;
}

/** Why a visitor's choices do not fit a ballot. */
export type ChoiceProblem =
  | { readonly kind: 'none-chosen' }
  | { readonly kind: 'unknown-initiative'; readonly initiative: string }
  | { readonly kind: 'chosen-twice'; readonly initiative: string }
  | { readonly kind: 'too-many'; readonly max: number };

/**
 * The one rule for a vote's choices, run by the kiosk UI, the kiosk core and
 * Central alike (and by the web channel next): at least one, each an
 * initiative of the ballot, each once, at most the ballot's maximum. Each side
 * words the problem for its own reader.
 */
export function choiceProblem(ballot: Ballot, choices: readonly string[]): ChoiceProblem | undefined {
  if (choices.length === 0) return { kind: 'none-chosen' };
  const known = new Set(ballot.initiatives.map((initiative) => initiative.id));
  const unknown = choices.find((choice) => !known.has(choice));
  if (unknown !== undefined) return { kind: 'unknown-initiative', initiative: unknown };
  const twice = choices.find((choice, index) => choices.indexOf(choice) !== index);
  if (twice !== undefined) return { kind: 'chosen-twice', initiative: twice };
  if (choices.length > ballot.maxChoices) return { kind: 'too-many', max: ballot.maxChoices };
  return undefined;
}

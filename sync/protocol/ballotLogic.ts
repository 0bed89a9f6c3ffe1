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

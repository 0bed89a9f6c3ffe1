import { describe, expect, it } from 'vitest';
import { AcceptProposalForm, InboxQuery, PublishResultsForm, TeamForm } from '../../sync/central/console/consoleForms.js';
import { parseInput } from '../../sync/central/http/formInput.js';

// The console reads its forms and queries through zod schemas, as the kiosk API reads its arguments.
describe('console forms and queries', () => {
  it('an inbox link with stale or hand-edited filters still shows the inbox, filtered by what is valid', () => {
    expect(parseInput(InboxQuery, { kind: 'complaint', status: 'nonsense', page: '-3', branch: '' })).toEqual({
      ok: true,
      value: { kind: 'complaint', status: 'open', page: 0, branch: undefined, service: undefined },
    });
    expect(parseInput(InboxQuery, { kind: ['complaint', 'praise'], status: 'all', page: '2' })).toMatchObject({
      ok: true,
      value: { kind: undefined, status: 'all', page: 2 },
    });
  });

  it('a refused form names the field', () => {
    expect(parseInput(PublishResultsForm, { kind: 'poll', id: 'x' })).toEqual({
      ok: false,
      problems: [{ field: 'kind', message: 'survey or ballot' }],
    });
    const team = parseInput(TeamForm, { team: 'nobody' });
    expect(team.ok ? [] : team.problems.map((problem) => problem.field)).toEqual(['team']);
  });

  it('free text is cut at its limit, and a missing field reads as empty', () => {
    const form = parseInput(AcceptProposalForm, { titleKa: 'ა'.repeat(500) });
    expect(form.ok && form.value.titleKa.length).toBe(200);
    expect(form.ok && form.value.descriptionEn).toBe('');
    expect(parseInput(PublishResultsForm, { kind: 'survey', id: 'q', nextKa: '  soon  ' })).toMatchObject({
      ok: true,
      value: { kind: 'survey', id: 'q', nextKa: 'soon', nextEn: '' },
    });
  });
});

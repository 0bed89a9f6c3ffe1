import type { FastifyRequest } from 'fastify';
import type { Ballot } from '../../../protocol/ballot.js';
import type { ContentPack } from '../../../protocol/contentPack.js';
import { isOpenHere } from '../../../protocol/surveyLogic.js';
import { fieldOf } from '../../http/fields.js';
import { contentPackOfVersion, latestContentPack } from '../../services/content.js';
import type { PhoneContext, PhoneDeps } from '../phoneContext.js';

/** The ballots open at this desk's branch for the web channel now. */
export const openBallotsAt = (pack: ContentPack | undefined, branchId: string): Ballot[] =>
  pack?.ballots.filter((ballot) => isOpenHere(ballot, branchId, 'web')) ?? [];

/** Where a ballot's pages live on this desk's phone pages. */
export const ballotBase = (context: PhoneContext, ballotId: string) => `${context.home}/votes/${ballotId}`;

/** The ballot a page names, open here: in the version the visitor's choices were made in, or the newest; and those choices. */
export async function ballotOf(deps: PhoneDeps, context: PhoneContext, request: FastifyRequest) {
  const ballotId = fieldOf(request.params, 'ballot') ?? '';
  const draft = context.session.state.vote?.ballotId === ballotId ? context.session.state.vote : undefined;
  const pack = draft ? await contentPackOfVersion(deps.db, draft.contentVersion) : await latestContentPack(deps.db);
  const ballot = openBallotsAt(pack, context.desk.branchId).find((candidate) => candidate.id === ballotId);
  return pack && ballot ? { pack, ballot, draft } : undefined;
}

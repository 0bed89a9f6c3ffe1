import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { LocalizedText } from '../../protocol/languages.js';
import type { CentralDatabase } from '../db/schema.js';
import { failure, success, type Outcome } from './outcome.js';

/**
 * Branches and their operator desks. A desk card's QR code names a desk by a
 * short uppercase code, the branch's code and the desk's number (TB01-07),
 * so the whole URL fits QR alphanumeric mode (digits, A-Z, and $%*+-./: space);
 * kiosk configs name the same branch id and desk id.
 */
export const BRANCH_CODE_PATTERN = /^[A-Z]{2}[0-9]{2}$/;
const DESK_CODE = /^([A-Z]{2}[0-9]{2})-([0-9]{2})$/;
const ID = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and dashes');

export const NewBranch = z.object({
  id: ID,
  code: z.string().regex(BRANCH_CODE_PATTERN, 'two capital letters and two digits, like TB01'),
  nameKa: z.string().trim().min(1, 'the Georgian name is required').max(120),
  nameEn: z.string().trim().min(1, 'the English name is required').max(120),
});
export type NewBranch = z.infer<typeof NewBranch>;

export const NewDesk = z.object({
  branchId: ID,
  id: ID,
  number: z.coerce.number().int('a whole number').min(1, '1 to 99').max(99, '1 to 99'),
  services: z.array(ID).min(1, 'choose at least one service'),
});
export type NewDesk = z.infer<typeof NewDesk>;

export interface Desk {
  readonly branchId: string;
  readonly branchCode: string;
  readonly branchName: LocalizedText;
  readonly id: string;
  readonly number: number;
  /** The code on its card and in its URL: TB01-07. */
  readonly code: string;
  readonly services: readonly string[];
}

/**
 * The web site's entry (/take-part): the phone pages without a desk, every service, no branch (so only surveys
 * and ballots open to all branches). Feedback from it names the desk "web", as the protocol wants a desk.
 */
export const WEB_DESK_CODE = 'WEB';
export const webDesk = (services: readonly string[]): Desk => ({
  branchId: '',
  branchCode: '',
  branchName: { ka: 'ვებგვერდი', en: 'Web' },
  id: 'web',
  number: 0,
  code: WEB_DESK_CODE,
  services,
});

export interface Branch {
  readonly id: string;
  readonly code: string;
  readonly name: LocalizedText;
  readonly desks: readonly Desk[];
}

export const deskCode = (branchCode: string, number: number): string => `${branchCode}-${String(number).padStart(2, '0')}`;

type Db = Kysely<CentralDatabase>;

const deskRows = (db: Db) =>
  db
    .selectFrom('desks')
    .innerJoin('branches', 'branches.id', 'desks.branch_id')
    .select([
      'desks.branch_id',
      'desks.id',
      'desks.number',
      'desks.services_json',
      'branches.code as branch_code',
      'branches.name_json as branch_name',
    ]);

type DeskRow = Awaited<ReturnType<ReturnType<typeof deskRows>['execute']>>[number];
const deskOfRow = (row: DeskRow): Desk => ({
  branchId: row.branch_id,
  branchCode: row.branch_code,
  branchName: JSON.parse(row.branch_name) as LocalizedText,
  id: row.id,
  number: row.number,
  code: deskCode(row.branch_code, row.number),
  services: JSON.parse(row.services_json) as string[],
});

/** Every branch with its desks, by code and number. */
export async function listBranches(db: Db): Promise<Branch[]> {
  const branches = await db.selectFrom('branches').selectAll().orderBy('code').execute();
  const desks = (await deskRows(db).orderBy('desks.number').execute()).map(deskOfRow);
  return branches.map((branch) => ({
    id: branch.id,
    code: branch.code,
    name: JSON.parse(branch.name_json) as LocalizedText,
    desks: desks.filter((desk) => desk.branchId === branch.id),
  }));
}

/** The desk a card's code names (case and surrounding spaces forgiven), or undefined. */
export async function deskByCode(db: Db, typed: string): Promise<Desk | undefined> {
  const match = DESK_CODE.exec(typed.trim().toUpperCase());
  if (!match?.[1] || !match[2]) return undefined;
  const row = await deskRows(db).where('branches.code', '=', match[1]).where('desks.number', '=', Number(match[2])).executeTakeFirst();
  return row && deskOfRow(row);
}

/** Whether a kiosk config's desk is one Central knows (the fleet view flags those it does not). */
export async function knownDeskIds(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('desks').select(['branch_id', 'id']).execute();
  return new Set(rows.map((row) => `${row.branch_id}/${row.id}`));
}

export async function addBranch(db: Db, branch: NewBranch): Promise<Outcome<NewBranch>> {
  const taken = await db
    .selectFrom('branches')
    .select(['id', 'code'])
    .where((eb) => eb.or([eb('id', '=', branch.id), eb('code', '=', branch.code)]))
    .executeTakeFirst();
  if (taken?.id === branch.id) return failure(`a branch with id ${branch.id} exists already`, 'id');
  if (taken) return failure(`the code ${branch.code} is taken by ${taken.id}`, 'code');
  await db
    .insertInto('branches')
    .values({
      id: branch.id,
      code: branch.code,
      name_json: JSON.stringify({ ka: branch.nameKa, en: branch.nameEn }),
      created_at: new Date().toISOString(),
    })
    .execute();
  return success(branch);
}

/** Adds a desk; `knownServices` are the content pack's (a card must not promise a service no flow can name). */
export async function addDesk(db: Db, desk: NewDesk, knownServices: readonly string[]): Promise<Outcome<Desk>> {
  const unknown = desk.services.find((service) => !knownServices.includes(service));
  if (unknown !== undefined) return failure(`${unknown} is not a service of the published content`, 'services');
  const branch = await db.selectFrom('branches').select(['code']).where('id', '=', desk.branchId).executeTakeFirst();
  if (!branch) return failure(`no branch has the id ${desk.branchId}`, 'branchId');
  const taken = await db
    .selectFrom('desks')
    .select(['id', 'number'])
    .where('branch_id', '=', desk.branchId)
    .where((eb) => eb.or([eb('id', '=', desk.id), eb('number', '=', desk.number)]))
    .executeTakeFirst();
  if (taken?.id === desk.id) return failure(`this branch has a desk ${desk.id} already`, 'id');
  if (taken) return failure(`number ${desk.number} is taken by ${taken.id}`, 'number');
  await db
    .insertInto('desks')
    .values({
      branch_id: desk.branchId,
      id: desk.id,
      number: desk.number,
      services_json: JSON.stringify(desk.services),
      created_at: new Date().toISOString(),
    })
    .execute();
  const added = await deskByCode(db, deskCode(branch.code, desk.number));
  return added ? success(added) : failure('the desk could not be read back');
}

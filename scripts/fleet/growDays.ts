import { sql, type Kysely } from 'kysely';

/** A column as copying needs it: whether PostgreSQL fills it itself (identity or serial) and whether it is text. */
interface Column {
  readonly name: string;
  readonly generated: boolean;
  readonly text: boolean;
}

/** A foreign key column and the column it points at. */
interface Reference {
  readonly column: string;
  readonly table: string;
  readonly target: string;
}

/** How the k-th copy of a row stays unique: a text column gets "~k", a number k times its table's span. */
type Shift = { readonly kind: 'text' } | { readonly kind: 'number'; readonly span: number };

export interface CopyPlan {
  readonly table: string;
  readonly columns: readonly Column[];
  readonly shifts: ReadonlyMap<string, Shift>;
}

async function columnsOf(db: Kysely<unknown>, table: string): Promise<Column[]> {
  const { rows } = await sql<Column>`
    SELECT a.attname AS name,
           (a.attidentity <> '' OR coalesce(pg_get_expr(d.adbin, d.adrelid), '') LIKE 'nextval(%') AS generated,
           format_type(a.atttypid, a.atttypmod) IN ('text', 'character varying') AS text
    FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE a.attrelid = ${table}::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`.execute(db);
  return rows;
}

async function uniqueKeysOf(db: Kysely<unknown>, table: string): Promise<string[][]> {
  const { rows } = await sql<{ columns: string[] }>`
    SELECT array_agg(a.attname::text ORDER BY k.ord) AS columns
    FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
    WHERE i.indrelid = ${table}::regclass AND i.indisunique GROUP BY i.indexrelid`.execute(db);
  return rows.map((row) => row.columns);
}

async function referencesOf(db: Kysely<unknown>, table: string): Promise<Reference[]> {
  const { rows } = await sql<Reference>`
    SELECT a.attname AS column, c.confrelid::regclass::text AS table, af.attname AS target
    FROM pg_constraint c
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = c.confkey[1]
    WHERE c.conrelid = ${table}::regclass AND c.contype = 'f'`.execute(db);
  return rows;
}

/** One more than the column's largest value: copy k adds k times this, so copies never meet. */
async function spanOf(db: Kysely<unknown>, table: string, column: string): Promise<number> {
  const { rows } = await sql<{ span: string }>`SELECT coalesce(max(${sql.ref(column)}), 0) + 1 AS span FROM ${sql.table(table)}`.execute(
    db,
  );
  return Number(rows[0]?.span ?? 1);
}

/** Tables that point at others among `tables` come after them. */
async function inReferenceOrder(db: Kysely<unknown>, tables: readonly string[]): Promise<string[]> {
  const parents = new Map<string, string[]>();
  for (const table of tables)
    parents.set(
      table,
      (await referencesOf(db, table)).map((reference) => reference.table).filter((parent) => parent !== table && tables.includes(parent)),
    );
  const ordered: string[] = [];
  const visit = (table: string) => {
    if (ordered.includes(table)) return;
    for (const parent of parents.get(table) ?? []) visit(parent);
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered;
}

/**
 * How to copy each table so every copy is a new day of rows: for each unique
 * key, a column PostgreSQL fills itself, or one column shifted per copy (a
 * foreign key into a copied table shifts with its parent's column, one into a
 * table not copied, such as devices, stays). A table whose unique key is only
 * such a foreign key (one row per kiosk) is state, not a day's growth, and is
 * returned in `notCopied`.
 */
export async function planCopies(db: Kysely<unknown>, tables: readonly string[]): Promise<{ plans: CopyPlan[]; notCopied: string[] }> {
  const plans: CopyPlan[] = [];
  const notCopied: string[] = [];
  for (const table of await inReferenceOrder(db, tables)) {
    const columns = await columnsOf(db, table);
    const references = await referencesOf(db, table);
    const shifts = new Map<string, Shift>();
    for (const reference of references) {
      const parent = plans.find((plan) => plan.table === reference.table)?.shifts.get(reference.target);
      if (parent) shifts.set(reference.column, parent);
    }
    const fixed = new Set(references.filter((reference) => !shifts.has(reference.column)).map((reference) => reference.column));
    let copyable = true;
    for (const key of await uniqueKeysOf(db, table)) {
      if (key.some((name) => shifts.has(name) || columns.find((column) => column.name === name)?.generated)) continue;
      const free = columns.find((column) => key.includes(column.name) && !fixed.has(column.name));
      if (!free) copyable = false;
      else shifts.set(free.name, free.text ? { kind: 'text' } : { kind: 'number', span: await spanOf(db, table, free.name) });
    }
    if (copyable) plans.push({ table, columns, shifts });
    else notCopied.push(table);
  }
  return { plans, notCopied };
}

const valueOf = (column: Column, shift: Shift | undefined) => {
  const name = sql.ref(`seed.${column.name}`);
  if (!shift) return name;
  return shift.kind === 'text' ? sql`${name} || '~' || k` : sql`${name} + k * ${sql.lit(shift.span)}`;
};

/** Adds copies `from`..`to` of the table's rows as they were before any copy (its seed). */
export async function addCopies(db: Kysely<unknown>, plan: CopyPlan, seed: string, from: number, to: number): Promise<void> {
  const columns = plan.columns.filter((column) => !column.generated);
  await sql`INSERT INTO ${sql.table(plan.table)} (${sql.join(columns.map((column) => sql.ref(column.name)))})
    SELECT ${sql.join(columns.map((column) => valueOf(column, plan.shifts.get(column.name))))}
    FROM ${sql.table(seed)} AS seed CROSS JOIN generate_series(${from}::int, ${to}::int) AS k`.execute(db);
}

import type { ListOrgUnitsQuery } from '@yiwang/contracts';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Tx } from '../../platform/db/transaction.ts';

const unitColumns = [
  'u.id',
  'u.code',
  'u.kind',
  'u.name_zh',
  'u.name_en',
  'u.division_code',
  'u.territorial_parent_id',
  'u.line_parent_id',
  'u.territorial_path',
  'u.line_path',
  'u.credit_code',
  'u.established_on',
  'u.retired_on',
  'u.successor_id',
] as const;

export type UnitRow = Awaited<ReturnType<typeof findUnit>> & {};

function childCount(tree: 'territorial' | 'line') {
  const column = tree === 'territorial' ? 'c.territorial_parent_id' : 'c.line_parent_id';
  return sql<number>`(SELECT count(*)::int FROM org_unit c WHERE ${sql.ref(column)} = u.id AND c.retired_on IS NULL)`;
}

export function findUnit(db: Db | Tx, id: string, tree: 'territorial' | 'line' = 'territorial') {
  return db
    .selectFrom('org_unit as u')
    .select(unitColumns)
    .select(childCount(tree).as('child_count'))
    .where('u.id', '=', id)
    .executeTakeFirst();
}

/** Children of a unit in one tree, the roots of that tree, or a name search across both. */
export function listUnits(db: Db, q: ListOrgUnitsQuery) {
  let query = db.selectFrom('org_unit as u').select(unitColumns).select(childCount(q.tree).as('child_count'));
  if (q.includeRetired !== 'true') query = query.where('u.retired_on', 'is', null);
  if (q.q) {
    const pattern = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return query
      .where((eb) =>
        eb.or([
          eb('u.name_zh', 'like', pattern),
          eb('u.name_en', 'ilike', pattern),
          eb('u.code', 'like', pattern),
        ]),
      )
      .orderBy('u.code')
      .limit(50)
      .execute();
  }
  const parent = q.tree === 'territorial' ? 'u.territorial_parent_id' : 'u.line_parent_id';
  if (q.parentId) query = query.where(parent, '=', q.parentId);
  else if (q.tree === 'territorial') query = query.where('u.territorial_parent_id', 'is', null);
  else query = query.where('u.kind', '=', 'department').where('u.line_parent_id', 'is', null);
  return query.orderBy('u.kind', 'desc').orderBy('u.code').limit(500).execute();
}

/** The units a materialised path passes through, from the root down, without the unit itself. */
export function ancestorsOnPath(db: Db, path: string) {
  const ids = path.split('/').filter(Boolean).slice(0, -1);
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name_zh', 'name_en'])
    .where('id', 'in', ids)
    .execute()
    .then((rows) => {
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.flatMap((id) => (byId.has(id) ? [byId.get(id) as (typeof rows)[number]] : []));
    });
}

export function nameHistory(db: Db, unitId: string) {
  return db
    .selectFrom('org_unit_name')
    .selectAll()
    .where('unit_id', '=', unitId)
    .orderBy('valid_from')
    .execute();
}

/** Moves a unit's active children (and their subtrees) under another unit, rewriting paths. */
export async function moveChildren(tx: Tx, from: UnitRow, to: UnitRow): Promise<void> {
  await sql`
    UPDATE org_unit SET
      territorial_parent_id = CASE WHEN territorial_parent_id = ${from.id} THEN ${to.id}::uuid ELSE territorial_parent_id END,
      territorial_path = ${to.territorial_path} || substr(territorial_path, length(${from.territorial_path}) + 1)
    WHERE territorial_path LIKE ${`${from.territorial_path}%`} AND id <> ${from.id} AND retired_on IS NULL`.execute(
    tx,
  );
  await sql`
    UPDATE org_unit SET
      line_parent_id = CASE WHEN line_parent_id = ${from.id} THEN ${to.id}::uuid ELSE line_parent_id END,
      line_path = ${to.line_path} || substr(line_path, length(${from.line_path}) + 1)
    WHERE line_path LIKE ${`${from.line_path}%`} AND id <> ${from.id} AND retired_on IS NULL`.execute(tx);
}

/** Units below this one in either tree: a unit cannot be retired out from under them. */
export async function activeChildren(tx: Tx, id: string): Promise<number> {
  const row = await tx
    .selectFrom('org_unit')
    .select(sql<number>`count(*)::int`.as('n'))
    .where((eb) => eb.or([eb('territorial_parent_id', '=', id), eb('line_parent_id', '=', id)]))
    .where('retired_on', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Membership, Principal } from '../principal.ts';
import { barredFromBusinessData } from './canRead.ts';
import type { ClassificationColumn } from './columns.ts';

/**
 * `canRead` (canRead.ts) inside a query, so that lists, counts and exports hold only what the
 * person may read: nothing is filtered after the fact, so nothing leaks through a total or a
 * page boundary. Use it on a table with the columns of columns.ts:
 *
 *   db.selectFrom('notice as n').selectAll().where(readableBy(principal, 'n'))
 *
 * `table` is the table's name or alias in the query (unqualified columns when omitted). The
 * principal's memberships become parameters; the owning and scope units' paths are looked up
 * in org_unit (aliased `cls_unit`), as prefix matches the path indexes of 0004_orgs serve.
 */
export function readableBy(p: Principal | undefined, table?: string): RawBuilder<SqlBool> {
  const col = (name: ClassificationColumn) => sql.ref(table ? `${table}.${name}` : name);
  const isPublic = sql<SqlBool>`${col('classification')} = 'public'`;
  if (!p || barredFromBusinessData(p)) return isPublic;
  const me = sql`ARRAY[${p.userId}]::uuid[]`;
  const named = sql<SqlBool>`(${col('classification')} = 'confidential' AND ${col('named_user_ids')} @> ${me})`;
  const scopedToMe = sql<SqlBool>`${col('scope_user_ids')} @> ${me}`;
  if (p.memberships.length === 0) {
    return sql<SqlBool>`(${isPublic} OR (${col('classification')} = 'scoped' AND ${scopedToMe}) OR ${named})`;
  }
  const roles = [...new Set(p.memberships.map((m) => m.roleCode))];
  const scoped = sql<SqlBool>`(${col('classification')} = 'scoped' AND (${scopedToMe}
    OR ${col('scope_role_codes')} && ${roles}::text[]
    OR EXISTS (SELECT 1 FROM org_unit cls_unit
      WHERE (cls_unit.id = ${col('owning_unit_id')} OR cls_unit.id = ANY (${col('scope_unit_ids')}))
        AND (${anyCovers(p.memberships)}))))`;
  const internal = sql<SqlBool>`(${col('classification')} = 'internal' AND EXISTS (SELECT 1 FROM org_unit cls_unit
    WHERE cls_unit.id = ${col('owning_unit_id')} AND (${anyCoversWithNeed(p.memberships, col('need_roles'))})))`;
  return sql<SqlBool>`(${isPublic} OR ${scoped} OR ${internal} OR ${named})`;
}

function anyCovers(memberships: readonly Membership[]): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.join(memberships.map(covers), sql` OR `)}`;
}

/** Reach and need from the same membership, as in `canRead`. */
function anyCoversWithNeed(memberships: readonly Membership[], needRoles: RawBuilder<unknown>) {
  const terms = memberships.map(
    (m) => sql`(${covers(m)} AND (cardinality(${needRoles}) = 0 OR ${m.roleCode} = ANY (${needRoles})))`,
  );
  return sql<SqlBool>`${sql.join(terms, sql` OR `)}`;
}

/** `reachCovers` (policy.ts) against the org_unit row `cls_unit`. */
function covers(m: Membership): RawBuilder<SqlBool> {
  if (m.reach === 'unit') return sql<SqlBool>`cls_unit.id = ${m.orgUnitId}::uuid`;
  if (m.reach === 'subtree')
    return sql<SqlBool>`cls_unit.territorial_path LIKE ${prefixPattern(m.territorialPath)}`;
  return sql<SqlBool>`cls_unit.line_path LIKE ${prefixPattern(m.linePath)}`;
}

/** A LIKE pattern matching strings that start with `prefix`, taken literally. */
export function prefixPattern(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

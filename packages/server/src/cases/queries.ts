import type { ListCasesQuery } from '@yiwang/contracts';
import { type ExpressionBuilder, sql } from 'kysely';
import type { Principal } from '../platform/access/principal.ts';
import type { Db } from '../platform/db/database.ts';
import type { Database } from '../platform/db/schema.ts';
import { factsOf } from './facts.ts';
import type { CaseFacts } from './policy.ts';
import type { SummaryRow } from './present.ts';
import type { ProcessRegistry } from './registry.ts';

type Eb = ExpressionBuilder<Database & { c: Database['case_record']; u: Database['org_unit'] }, 'c' | 'u'>;

export function selectSummaries(db: Db) {
  return db
    .selectFrom('case_record as c')
    .innerJoin('org_unit as u', 'u.id', 'c.owning_unit_id')
    .select([
      'c.id',
      'c.tracking_number',
      'c.process_code',
      'c.process_version',
      'c.title',
      'c.state',
      'c.owning_unit_id',
      'u.name_zh as unit_name_zh',
      'u.name_en as unit_name_en',
      'c.received_on',
      'c.due_at',
      'c.due_clock',
      'c.overdue',
      'c.provisional',
      'c.created_at',
      'c.updated_at',
      'c.closed_at',
      'c.version',
      'c.spec',
      'c.applicant_user_id',
    ]);
}

/** process@version:state for every state in which the role may act. */
function actionableKeys(registry: ProcessRegistry, role: string): string[] {
  const keys: string[] = [];
  for (const def of registry.allVersions()) {
    for (const action of Object.values(def.actions)) {
      if (!action.by.roles?.includes(role)) continue;
      for (const state of action.from) keys.push(`${def.code}@${def.version}:${state}`);
    }
  }
  return keys;
}

/**
 * "My cases": open cases in states where one of my roles may act, in a unit that role's reach
 * covers. The same rule as the pure policy, inside SQL, so the count and the pages agree.
 */
function actionableBy(registry: ProcessRegistry, p: Principal) {
  return (eb: Eb) => {
    const ors = p.memberships.flatMap((m) => {
      if (!m.readsBusinessData) return [];
      const keys = actionableKeys(registry, m.roleCode);
      if (keys.length === 0) return [];
      const reach =
        m.reach === 'unit'
          ? eb('c.owning_unit_id', '=', m.orgUnitId)
          : m.reach === 'subtree'
            ? sql<boolean>`starts_with(u.territorial_path, ${m.territorialPath})`
            : sql<boolean>`starts_with(u.line_path, ${m.linePath})`;
      const key = sql<boolean>`(c.process_code || '@' || c.process_version || ':' || c.state) = ANY(${keys})`;
      return [eb.and([reach, key])];
    });
    return ors.length > 0 ? eb.or(ors) : sql<boolean>`false`;
  };
}

function filtered(registry: ProcessRegistry, query: ListCasesQuery) {
  return (eb: Eb) => {
    const conditions = [];
    if (query.system) {
      const codes = registry
        .all()
        .filter((d) => d.system === query.system)
        .map((d) => d.code);
      conditions.push(codes.length > 0 ? eb('c.process_code', 'in', codes) : sql<boolean>`false`);
    }
    if (query.process) conditions.push(eb('c.process_code', '=', query.process));
    if (query.state) conditions.push(eb('c.state', '=', query.state));
    if (query.overdue === 'true') conditions.push(sql<boolean>`c.due_at < now()`);
    if (query.overdue === 'false') conditions.push(sql<boolean>`(c.due_at IS NULL OR c.due_at >= now())`);
    if (query.q) {
      const like = `%${query.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      conditions.push(eb.or([eb('c.tracking_number', 'like', like), eb('c.title', 'like', like)]));
    }
    return eb.and(conditions);
  };
}

export async function staffQueue(db: Db, registry: ProcessRegistry, p: Principal, query: ListCasesQuery) {
  const where = (eb: Eb) => eb.and([actionableBy(registry, p)(eb), filtered(registry, query)(eb)]);
  const [rows, count] = await Promise.all([
    selectSummaries(db)
      .where('c.closed_at', 'is', null)
      .where(where)
      .orderBy(sql`c.due_at ASC NULLS LAST`)
      .orderBy('c.created_at')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    db
      .selectFrom('case_record as c')
      .innerJoin('org_unit as u', 'u.id', 'c.owning_unit_id')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('c.closed_at', 'is', null)
      .where(where)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as SummaryRow[], total: count.n };
}

/** An applicant's own cases, open ones first, newest first. */
export async function applicantCases(db: Db, registry: ProcessRegistry, p: Principal, query: ListCasesQuery) {
  const where = (eb: Eb) => eb.and([eb('c.applicant_user_id', '=', p.userId), filtered(registry, query)(eb)]);
  const [rows, count] = await Promise.all([
    selectSummaries(db)
      .where(where)
      .orderBy(sql`c.closed_at IS NOT NULL`)
      .orderBy('c.created_at', 'desc')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    db
      .selectFrom('case_record as c')
      .innerJoin('org_unit as u', 'u.id', 'c.owning_unit_id')
      .select(sql<number>`count(*)::int`.as('n'))
      .where(where)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as SummaryRow[], total: count.n };
}

/** The facts the policies need, for a page of cases at once. */
/** The facts the policies need, for a page of cases at once. */
export async function factsFor(db: Db, rows: readonly SummaryRow[]) {
  const facts = new Map<string, CaseFacts>();
  if (rows.length === 0) return facts;
  const [units, actors] = await Promise.all([
    db
      .selectFrom('org_unit')
      .select(['id', 'territorial_path', 'line_path'])
      .where('id', 'in', [...new Set(rows.map((r) => r.owning_unit_id))])
      .execute(),
    db
      .selectFrom('case_action')
      .select(['case_id', 'action', 'actor_user_id'])
      .where(
        'case_id',
        'in',
        rows.map((r) => r.id),
      )
      .where('actor_user_id', 'is not', null)
      .execute(),
  ]);
  const unitById = new Map(units.map((u) => [u.id, u]));
  for (const row of rows) {
    const unit = unitById.get(row.owning_unit_id);
    if (!unit) continue;
    facts.set(
      row.id,
      factsOf(
        row,
        unit,
        actors.filter((a) => a.case_id === row.id),
      ),
    );
  }
  return facts;
}

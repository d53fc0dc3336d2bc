import type { ListServicesQuery } from '@yiwang/contracts';
import { type ExpressionBuilder, sql } from 'kysely';
import type { Membership } from '../../../platform/access/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { Tx } from '../../../platform/db/transaction.ts';
import { matchesWords } from '../../../platform/search/query.ts';

type Reader = Db | Tx;

const versionColumns = [
  'v.id',
  'v.service_id',
  'v.version',
  'v.status',
  'v.name_zh',
  'v.name_en',
  'v.category',
  'v.legal_basis',
  'v.conditions',
  'v.materials',
  'v.form_schema',
  'v.ui_schema',
  'v.time_limit',
  'v.committed_days',
  'v.on_the_spot',
  'v.fee',
  'v.division_codes',
  'v.contact',
  'v.themes',
  'v.life_events',
  'v.hearing_rights',
  'v.four_eyes',
  'v.substantive_check',
  'v.created_at',
  'v.updated_at',
  'v.published_at',
  'v.superseded_at',
] as const;

const serviceColumns = [
  's.code',
  's.owning_unit_id',
  's.retired_at',
  'u.code as unit_code',
  'u.name_zh as unit_name_zh',
  'u.name_en as unit_name_en',
] as const;

function versions(db: Reader) {
  return db
    .selectFrom('service_version as v')
    .innerJoin('service as s', 's.id', 'v.service_id')
    .innerJoin('org_unit as u', 'u.id', 's.owning_unit_id')
    .select(versionColumns)
    .select(serviceColumns);
}

export type VersionRow = Awaited<ReturnType<typeof findVersion>> & {};

/** One version of a service; the published one when no number is given. */
export function findVersion(db: Reader, serviceId: string, version?: number) {
  let q = versions(db).where('v.service_id', '=', serviceId);
  q = version === undefined ? q.where('v.status', '=', 'published') : q.where('v.version', '=', version);
  return q.executeTakeFirst();
}

/** A version by its id, whatever its state: what a case that started under it reads. */
export function findVersionById(db: Reader, versionId: string) {
  return versions(db).where('v.id', '=', versionId).executeTakeFirst();
}

export function versionHistory(db: Reader, serviceId: string) {
  return versions(db).where('v.service_id', '=', serviceId).orderBy('v.version', 'desc').execute();
}

export type ServiceRow = Awaited<ReturnType<typeof findService>> & {};

/** A service with where its owning unit sits, for the policy. `forUpdate` serialises its versions. */
export function findService(db: Reader, id: string, forUpdate = false) {
  let q = db
    .selectFrom('service as s')
    .innerJoin('org_unit as u', 'u.id', 's.owning_unit_id')
    .select(['s.id', 's.code', 's.owning_unit_id', 's.retired_at'])
    .select(['u.code as unit_code', 'u.division_code', 'u.territorial_path', 'u.line_path', 'u.retired_on'])
    .where('s.id', '=', id);
  if (forUpdate) q = q.forUpdate('s');
  return q.executeTakeFirst();
}

export function latestVersion(tx: Tx, serviceId: string) {
  return versions(tx)
    .where('v.service_id', '=', serviceId)
    .orderBy('v.version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function findUnitPlace(db: Reader, unitId: string) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'code', 'kind', 'division_code', 'territorial_path', 'line_path', 'retired_on'])
    .where('id', '=', unitId)
    .executeTakeFirst();
}

/** The divisions above a code (a city's services are offered in its districts) and the code itself. */
export type DivisionScope = { selfAndAbove: string[]; belowPrefix: string | null };

function publishedServices(
  db: Db,
  query: ListServicesQuery,
  words: string[],
  scope: DivisionScope | undefined,
) {
  let q = db
    .selectFrom('service_version as v')
    .innerJoin('service as s', 's.id', 'v.service_id')
    .innerJoin('org_unit as u', 'u.id', 's.owning_unit_id')
    .where('v.status', '=', 'published')
    .where('s.retired_at', 'is', null);
  if (query.unitId) q = q.where('s.owning_unit_id', '=', query.unitId);
  if (query.theme) q = q.where(sql<boolean>`v.themes @> ARRAY[${query.theme}]::text[]`);
  if (query.lifeEvent) q = q.where(sql<boolean>`v.life_events @> ARRAY[${query.lifeEvent}]::text[]`);
  if (scope) {
    const below = scope.belowPrefix ? sql`OR d LIKE ${`${scope.belowPrefix}%`}` : sql``;
    q = q.where(
      sql<boolean>`EXISTS (SELECT 1 FROM unnest(v.division_codes) d WHERE d = ANY(${scope.selfAndAbove}::text[]) ${below})`,
    );
  }
  if (words.length > 0) q = q.where(matchesWords('v.search_vector', words));
  return q;
}

export async function listPublishedServices(
  db: Db,
  query: ListServicesQuery,
  words: string[],
  scope: DivisionScope | undefined,
) {
  const base = publishedServices(db, query, words, scope);
  let page = base.select(versionColumns).select(serviceColumns);
  if (words.length > 0) {
    const literal = words.map((w) => `'${w.replaceAll("'", "''").replaceAll('\\', '\\\\')}'`).join(' & ');
    page = page.orderBy(sql`ts_rank(v.search_vector, ${literal}::tsquery)`, 'desc');
  }
  const [rows, count] = await Promise.all([
    page.orderBy('s.code').limit(query.limit).offset(query.offset).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

/** Counts of published services by department, theme and life event, for the portal's filters. */
export async function facetCounts(db: Db) {
  const live = sql`v.status = 'published' AND s.retired_at IS NULL`;
  const [departments, themes, lifeEvents] = await Promise.all([
    sql<{ id: string; code: string; name_zh: string; name_en: string; count: number }>`
      SELECT u.id, u.code, u.name_zh, u.name_en, count(*)::int AS count
      FROM service_version v JOIN service s ON s.id = v.service_id JOIN org_unit u ON u.id = s.owning_unit_id
      WHERE ${live} GROUP BY u.id ORDER BY count DESC, u.code`.execute(db),
    sql<{ value: string; count: number }>`
      SELECT t AS value, count(*)::int AS count
      FROM service_version v JOIN service s ON s.id = v.service_id, unnest(v.themes) t
      WHERE ${live} GROUP BY t ORDER BY count DESC, t`.execute(db),
    sql<{ value: string; count: number }>`
      SELECT e AS value, count(*)::int AS count
      FROM service_version v JOIN service s ON s.id = v.service_id, unnest(v.life_events) e
      WHERE ${live} GROUP BY e ORDER BY count DESC, e`.execute(db),
  ]);
  return { departments: departments.rows, themes: themes.rows, lifeEvents: lifeEvents.rows };
}

/** The units a set of memberships reaches, as a condition on `u` (the owning unit). */
function reachedBy(memberships: Membership[]) {
  return (eb: ExpressionBuilder<Database & { u: Database['org_unit'] }, 'u'>) =>
    eb.or(
      memberships.map((m) => {
        if (m.reach === 'unit') return eb('u.id', '=', m.orgUnitId);
        if (m.reach === 'subtree') return eb('u.territorial_path', 'like', `${m.territorialPath}%`);
        return eb('u.line_path', 'like', `${m.linePath}%`);
      }),
    );
}

/** The services of the units a department administrator reaches, each with its newest version. */
export async function listManagedServices(
  db: Db,
  memberships: Membership[],
  page: { limit: number; offset: number },
) {
  if (memberships.length === 0) return { rows: [], total: 0 };
  const base = db
    .selectFrom('service as s')
    .innerJoin('org_unit as u', 'u.id', 's.owning_unit_id')
    .where(reachedBy(memberships));
  const [rows, count] = await Promise.all([
    base
      .innerJoin('service_version as v', (j) =>
        j
          .onRef('v.service_id', '=', 's.id')
          .on(
            'v.version',
            '=',
            sql<number>`(SELECT max(x.version) FROM service_version x WHERE x.service_id = s.id)`,
          ),
      )
      .select(['s.id', 's.code', 's.retired_at', 'u.id as unit_id', 'u.code as unit_code'])
      .select(['u.name_zh as unit_name_zh', 'u.name_en as unit_name_en'])
      .select(['v.version', 'v.status', 'v.name_zh', 'v.name_en'])
      .select(
        sql<
          number | null
        >`(SELECT p.version FROM service_version p WHERE p.service_id = s.id AND p.status = 'published')`.as(
          'published_version',
        ),
      )
      .orderBy('s.code')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

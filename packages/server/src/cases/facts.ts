import type { Db } from '../platform/db/database.ts';
import type { Tx } from '../platform/db/transaction.ts';
import type { CaseRow } from './engine.ts';
import type { CaseFacts } from './policy.ts';

/** The case row, locked for the action's transaction when `lock` is set. */
export async function findCase(db: Db | Tx, id: string, lock = false): Promise<CaseRow | undefined> {
  let query = db
    .selectFrom('case_record')
    .select([
      'id',
      'process_code',
      'process_version',
      'tracking_number',
      'owning_unit_id',
      'applicant_user_id',
      'title',
      'state',
      'version',
      'received_on',
      'spec',
    ])
    .where('id', '=', id);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

type UnitPaths = { id: string; territorial_path: string; line_path: string };
type ActorRow = { action: string; actor_user_id: string | null };

/** The policies' view of a case, from its row, its unit and who has done what on it. */
export function factsOf(
  row: Pick<CaseRow, 'applicant_user_id' | 'state' | 'spec'>,
  unit: UnitPaths,
  actors: readonly ActorRow[],
): CaseFacts {
  const actorsByAction = new Map<string, Set<string>>();
  for (const a of actors) {
    if (a.actor_user_id === null) continue;
    const set = actorsByAction.get(a.action) ?? new Set<string>();
    set.add(a.actor_user_id);
    actorsByAction.set(a.action, set);
  }
  return {
    owningUnit: { id: unit.id, territorialPath: unit.territorial_path, linePath: unit.line_path },
    applicantUserId: row.applicant_user_id,
    state: row.state,
    actorsByAction,
    flags: row.spec?.flags ?? {},
  };
}

/** Where the case's unit sits and who has done what on it: what the pure policies decide on. */
export async function loadFacts(db: Db | Tx, row: CaseRow): Promise<CaseFacts> {
  const [unit, actors] = await Promise.all([
    db
      .selectFrom('org_unit')
      .select(['id', 'territorial_path', 'line_path'])
      .where('id', '=', row.owning_unit_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('case_action')
      .select(['action', 'actor_user_id'])
      .where('case_id', '=', row.id)
      .where('actor_user_id', 'is not', null)
      .execute(),
  ]);
  return factsOf(row, unit, actors);
}

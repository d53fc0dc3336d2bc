import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import type { Tx } from '../platform/db/transaction.ts';

/**
 * The people holding one of the roles with a reach that covers the unit: who may act on its
 * cases, or who supervises it. Capped, so a province-wide role cannot flood an inbox sweep.
 */
export async function holdersCovering(
  db: Db | Tx,
  unitId: string,
  roles: readonly string[],
  cap = 50,
): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await sql<{ user_id: string }>`
    SELECT DISTINCT m.user_id
      FROM membership m
      JOIN org_unit mu ON mu.id = m.org_unit_id
      JOIN org_unit target ON target.id = ${unitId}
      JOIN app_user u ON u.id = m.user_id AND u.status = 'active'
     WHERE m.revoked_at IS NULL
       AND m.role_code = ANY(${roles as string[]})
       AND ((m.reach = 'unit' AND m.org_unit_id = target.id)
         OR (m.reach = 'subtree' AND starts_with(target.territorial_path, mu.territorial_path))
         OR (m.reach = 'line' AND starts_with(target.line_path, mu.line_path)))
     LIMIT ${cap}`.execute(db);
  return rows.rows.map((r) => r.user_id);
}

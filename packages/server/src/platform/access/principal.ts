import type { Db } from '../db/database.ts';
import type { Officer, Reach, UserKind } from '../db/schema.ts';

export type Membership = {
  orgUnitId: string;
  orgUnitCode: string;
  roleCode: string;
  reach: Reach;
  territorialPath: string;
  linePath: string;
  officer: Officer | null;
  readsBusinessData: boolean;
};

/** The signed-in person as every policy sees them. */
export type Principal = {
  userId: string;
  kind: UserKind;
  displayName: string;
  memberships: Membership[];
};

export async function loadPrincipal(db: Db, userId: string): Promise<Principal | undefined> {
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'kind', 'display_name', 'status'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (user?.status !== 'active') return undefined;
  const rows = await db
    .selectFrom('membership as m')
    .innerJoin('org_unit as u', 'u.id', 'm.org_unit_id')
    .innerJoin('role as r', 'r.code', 'm.role_code')
    .select(['m.org_unit_id', 'u.code', 'm.role_code', 'm.reach', 'u.territorial_path', 'u.line_path'])
    .select(['r.officer', 'r.reads_business_data'])
    .where('m.user_id', '=', userId)
    .where('m.revoked_at', 'is', null)
    .where('u.retired_on', 'is', null)
    .execute();
  return {
    userId: user.id,
    kind: user.kind,
    displayName: user.display_name,
    memberships: rows.map((r) => ({
      orgUnitId: r.org_unit_id,
      orgUnitCode: r.code,
      roleCode: r.role_code,
      reach: r.reach,
      territorialPath: r.territorial_path,
      linePath: r.line_path,
      officer: r.officer,
      readsBusinessData: r.reads_business_data,
    })),
  };
}

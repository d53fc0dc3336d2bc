import { v7 as uuidv7 } from 'uuid';
import { insertAccount } from '../../src/modules/identity/accounts.ts';
import { DEMO_PASSWORD } from '../../src/modules/identity/seed.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import type { Db } from '../../src/platform/db/database.ts';

/** A seal keeper of a unit who has no second factor yet: password alone confirms each seal. */
export async function passwordOnlyKeeper(db: Db, orgUnitId: string, username: string): Promise<string> {
  const id = uuidv7();
  await insertAccount(db, {
    id,
    kind: 'staff',
    username,
    display_name: `用印${username}`,
    password_hash: await hashPassword(DEMO_PASSWORD),
  });
  await db
    .insertInto('membership')
    .values({
      id: uuidv7(),
      user_id: id,
      org_unit_id: orgUnitId,
      role_code: 'seal_keeper',
      reach: 'unit',
      granted_by: null,
      revoked_at: null,
    })
    .execute();
  return id;
}

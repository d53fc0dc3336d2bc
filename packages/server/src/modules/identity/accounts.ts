import type { Insertable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { AppUserTable } from '../../platform/db/schema.ts';
import type { Tx } from '../../platform/db/transaction.ts';

type Required = Pick<Insertable<AppUserTable>, 'id' | 'kind' | 'display_name' | 'password_hash'>;

/** A new account: what is not given stays empty (no personal field is ever filled by default). */
export function insertAccount(db: Db | Tx, account: Required & Partial<Insertable<AppUserTable>>) {
  return db
    .insertInto('app_user')
    .values({
      username: null,
      id_number_enc: null,
      id_number_hash: null,
      id_number_masked: null,
      mobile_enc: null,
      mobile_hash: null,
      mobile_masked: null,
      credit_code: null,
      legal_representative: null,
      locked_until: null,
      totp_secret_enc: null,
      totp_enabled_at: null,
      totp_last_step: null,
      ...account,
    })
    .execute();
}

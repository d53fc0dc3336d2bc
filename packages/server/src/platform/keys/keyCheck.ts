import type { Db } from '../db/database.ts';
import { KeyError, keyCheckValue } from './keys.ts';

const SETTING = 'data_key_check';

/**
 * The first node records the check value of its data-encryption key; every later node must
 * present the same key, so that no two nodes ever write personal information under two keys.
 */
export async function verifyDataKey(db: Db, key: Buffer): Promise<void> {
  const mine = keyCheckValue(key);
  await db
    .insertInto('platform_setting')
    .values({ key: SETTING, value: JSON.stringify({ check: mine }) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db
    .selectFrom('platform_setting')
    .select('value')
    .where('key', '=', SETTING)
    .executeTakeFirstOrThrow();
  const recorded = (row.value as { check: string }).check;
  if (recorded !== mine) {
    throw new KeyError(
      `the data-encryption key differs from the one this database was written with (check value ${mine.slice(0, 8)}…, recorded ${recorded.slice(0, 8)}…): start every node with the same YIWANG_DATA_KEY`,
    );
  }
}

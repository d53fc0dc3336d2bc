import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, pendingMigrations } from '../../src/platform/db/migrate.ts';
import { migrations } from '../../src/platform/db/migrations/index.ts';
import { verifyDataKey } from '../../src/platform/keys/keyCheck.ts';
import { createTestDatabase, type TestDatabase } from '../harness/testDb.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.destroy());

describe('migrations', () => {
  it('are recorded, and a second run applies nothing', async () => {
    expect(await pendingMigrations(t.db)).toEqual([]);
    expect(await migrateToLatest(t.owner)).toEqual([]);
    const rows = await t.db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    expect(rows.map((r) => (r as { name: string }).name)).toEqual(Object.keys(migrations));
  });
});

describe('data-encryption key check', () => {
  it('accepts the key the database was first started with, and refuses another', async () => {
    const key = randomBytes(32);
    await verifyDataKey(t.owner, key);
    await verifyDataKey(t.owner, key);
    await expect(verifyDataKey(t.owner, randomBytes(32))).rejects.toThrow(/data-encryption key differs/);
    const row = await t.db
      .selectFrom('platform_setting')
      .select('value')
      .where('key', '=', 'data_key_check')
      .executeTakeFirst();
    expect(JSON.stringify(row?.value)).not.toContain(key.toString('base64'));
  });
});

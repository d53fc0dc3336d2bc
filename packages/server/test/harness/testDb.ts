import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createDb, type Db } from '../../src/platform/db/database.ts';
import { adminQuery, withDatabase } from './globalSetup.ts';

export type TestDatabase = {
  /** The application's view: the role the server runs under. */
  db: Db;
  /** The owner (a superuser in tests): for setting up, inspecting and tampering. */
  owner: Db;
  url: string;
  name: string;
  destroy(): Promise<void>;
};

/** A fresh, migrated database for one test file, copied from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { adminUrl, template, prefix } = inject('testDb');
  const name = `${prefix}${randomBytes(5).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = withDatabase(adminUrl, name);
  const db = createDb(url, { max: 5, role: 'yiwang_app' });
  const owner = createDb(url, { max: 2 });
  return {
    db,
    owner,
    url,
    name,
    destroy: async () => {
      await db.destroy();
      await owner.destroy();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

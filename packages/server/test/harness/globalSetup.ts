import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb } from '../../src/platform/db/database.ts';
import { EmbeddedPostgres } from '../../src/platform/db/embedded.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { adminUrl: string; template: string; prefix: string };
  }
}

/**
 * One PostgreSQL for the whole run: the machine's server when TEST_DATABASE_URL is given,
 * otherwise an embedded one without durability. Migrations run once, into a template that
 * every test file copies, so files start from a fresh database and can run in parallel.
 */
export default async function setup(project: TestProject) {
  const runId = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const prefix = `yiwang_t_${runId}_`;
  const template = `yiwang_tpl_${runId}`;
  let embedded: EmbeddedPostgres | undefined;
  let scratch: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yiwang-testdb-'));
    embedded = await EmbeddedPostgres.start({
      dir: path.join(scratch, 'postgres'),
      passwordFile: path.join(scratch, 'postgres.password'),
      fast: true,
    });
    adminUrl = embedded.adminUrl;
  }
  await adminQuery(adminUrl, `CREATE DATABASE ${template}`);
  const db = createDb(withDatabase(adminUrl, template), { max: 1 });
  await migrateToLatest(db);
  await db.destroy();
  project.provide('testDb', { adminUrl, template, prefix });

  return async () => {
    await dropDatabases(adminUrl, [prefix, template]);
    await embedded?.stop();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(adminUrl: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

async function dropDatabases(adminUrl: string, prefixes: string[]) {
  const { rows } = await adminQuery(adminUrl, 'SELECT datname FROM pg_database WHERE datname LIKE ANY($1)', [
    prefixes.map((p) => `${p}%`),
  ]);
  for (const { datname } of rows as Array<{ datname: string }>) {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  }
}

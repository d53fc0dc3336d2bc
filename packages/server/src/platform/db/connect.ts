import path from 'node:path';
import { sql } from 'kysely';
import { OperatorError } from '../errors.ts';
import { redactUrl } from '../logger.ts';
import { createDb, type Db } from './database.ts';
import { EmbeddedPostgres } from './embedded.ts';

export class DatabaseUnavailableError extends OperatorError {}

export type Connection = {
  db: Db;
  description: string;
  close(): Promise<void>;
};

const MIN_SERVER_VERSION = 150000;

/** The configured PostgreSQL server, or the embedded one in the data folder when none is given. */
export async function connectDatabase(opts: { databaseUrl?: string; dataDir: string; fast?: boolean }) {
  if (opts.databaseUrl) {
    const db = createDb(opts.databaseUrl);
    const version = await serverVersion(db, redactUrl(opts.databaseUrl));
    return {
      db,
      description: `PostgreSQL ${version} at ${redactUrl(opts.databaseUrl)}`,
      close: () => db.destroy(),
    } satisfies Connection;
  }
  const embedded = await EmbeddedPostgres.start({
    dir: path.join(opts.dataDir, 'postgres'),
    passwordFile: path.join(opts.dataDir, 'keys', 'postgres.password'),
    fast: opts.fast,
  });
  const db = createDb(embedded.url);
  const version = await serverVersion(db, 'the embedded server').catch(async (error: unknown) => {
    await embedded.stop();
    throw error;
  });
  return {
    db,
    description: `embedded PostgreSQL ${version} in ${path.join(opts.dataDir, 'postgres')}`,
    close: async () => {
      await db.destroy();
      await embedded.stop();
    },
  } satisfies Connection;
}

async function serverVersion(db: Db, where: string): Promise<string> {
  let row: { num: number; text: string } | undefined;
  try {
    const result = await sql<{ num: number; text: string }>`
      SELECT current_setting('server_version_num')::int AS num, current_setting('server_version') AS text`.execute(
      db,
    );
    row = result.rows[0];
  } catch (error) {
    await db.destroy();
    throw new DatabaseUnavailableError(`cannot connect to ${where}: ${(error as Error).message}`);
  }
  if (!row || row.num < MIN_SERVER_VERSION) {
    await db.destroy();
    throw new DatabaseUnavailableError(`${where} runs PostgreSQL ${row?.text}; Yiwang needs 15 or newer`);
  }
  return row.text.split(' ')[0] ?? row.text;
}

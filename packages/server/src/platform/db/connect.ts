import path from 'node:path';
import { sql } from 'kysely';
import { OperatorError } from '../errors.ts';
import { redactUrl } from '../logger.ts';
import { createDb } from './database.ts';
import { EmbeddedPostgres } from './embedded.ts';

export class DatabaseUnavailableError extends OperatorError {}

/** A PostgreSQL server the platform may open pools on, under the owner's or a narrower role. */
export type DatabaseServer = {
  url: string;
  description: string;
  stop(): Promise<void>;
};

const MIN_SERVER_VERSION = 150000;

/** The configured PostgreSQL server, or the embedded one in the data folder when none is given. */
export async function openDatabaseServer(opts: {
  databaseUrl?: string;
  dataDir: string;
  fast?: boolean;
}): Promise<DatabaseServer> {
  if (opts.databaseUrl) {
    const where = redactUrl(opts.databaseUrl);
    const version = await serverVersion(opts.databaseUrl, where);
    return { url: opts.databaseUrl, description: `PostgreSQL ${version} at ${where}`, stop: async () => {} };
  }
  const embedded = await EmbeddedPostgres.start({
    dir: path.join(opts.dataDir, 'postgres'),
    passwordFile: path.join(opts.dataDir, 'keys', 'postgres.password'),
    fast: opts.fast,
  });
  try {
    const version = await serverVersion(embedded.url, 'the embedded server');
    const description = `embedded PostgreSQL ${version} in ${path.join(opts.dataDir, 'postgres')}`;
    return { url: embedded.url, description, stop: () => embedded.stop() };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

async function serverVersion(url: string, where: string): Promise<string> {
  const db = createDb(url, { max: 1 });
  try {
    const result = await sql<{ num: number; text: string }>`
      SELECT current_setting('server_version_num')::int AS num, current_setting('server_version') AS text`.execute(
      db,
    );
    const row = result.rows[0];
    if (!row || row.num < MIN_SERVER_VERSION) {
      throw new DatabaseUnavailableError(`${where} runs PostgreSQL ${row?.text}; Yiwang needs 15 or newer`);
    }
    return row.text.split(' ')[0] ?? row.text;
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) throw error;
    throw new DatabaseUnavailableError(`cannot connect to ${where}: ${(error as Error).message}`);
  } finally {
    await db.destroy();
  }
}

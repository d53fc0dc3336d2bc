import { loadConfig } from './config.ts';
import { DataDirLock, prepareDataDir } from './platform/dataDir.ts';
import { openDatabaseServer } from './platform/db/connect.ts';
import { createDb, type Db } from './platform/db/database.ts';
import { OperatorError } from './platform/errors.ts';

export type Flags = Record<string, boolean | string | undefined>;

export type Command = {
  summary: string;
  usage: string;
  options: Record<string, { type: 'boolean' | 'string' }>;
  run: (flags: Flags) => Promise<void>;
};

export class UsageError extends OperatorError {}

/** One-off work on the database as its owner (migrations run under no narrower role). */
export async function withDatabase(work: (owner: Db, url: string) => Promise<void>) {
  const config = loadConfig();
  prepareDataDir(config.dataDir);
  const lock = config.databaseUrl ? undefined : DataDirLock.acquire(config.dataDir);
  try {
    const server = await openDatabaseServer(config);
    const owner = createDb(server.url, { max: 2 });
    try {
      await work(owner, server.url);
    } finally {
      await owner.destroy();
      await server.stop();
    }
  } finally {
    lock?.release();
  }
}

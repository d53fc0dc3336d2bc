import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

// pg returns int8 (counts, sums) as strings and dates as local-time Date objects. Counts here
// stay far below 2^53, and a legal day is a calendar date that must not shift with the server's
// time zone, so both are parsed once, here.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type Db = Kysely<Database>;

/**
 * The database roles the platform works under. The owner runs migrations; the application's
 * role cannot change or remove audit events; only the sequencer's role appends audit leaves.
 */
export type DbRole = 'owner' | 'yiwang_app' | 'yiwang_sequencer';

export function createDb(url: string, options: { max?: number; role?: DbRole } = {}): Db {
  // A request that cannot get a connection in time fails (and says so) instead of hanging.
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 20,
    application_name: 'yiwang',
    connectionTimeoutMillis: 10_000,
  });
  // A dropped idle connection must not take the process down; the pool replaces it.
  pool.on('error', () => undefined);
  const role = options.role ?? 'owner';
  return new Kysely<Database>({
    dialect: new PostgresDialect({
      pool,
      onCreateConnection:
        role === 'owner'
          ? undefined
          : async (connection) => {
              await connection.executeQuery(CompiledQuery.raw(`SET ROLE ${role}`));
            },
    }),
  });
}

import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import { OperatorError } from '../errors.ts';
import type { Db } from './database.ts';
import { migrations } from './migrations/index.ts';

class StaticMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

function migrator(db: Db): Migrator {
  return new Migrator({ db, provider: new StaticMigrations() });
}

export class MigrationError extends OperatorError {}

/** Applies every pending migration, in order, in one transaction, and records each. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`migration ${failed} failed: ${(error as Error).message}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of migrations this code knows but the database has not applied. */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const all = await migrator(db).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}

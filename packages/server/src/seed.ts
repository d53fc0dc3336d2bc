import { seedPortalDemo } from './modules/portal/seed.ts';
import type { Db } from './platform/db/database.ts';

export type SeedReport = { seeded: boolean; articles: number };

/** Demo data for a new installation. Each module's seed is idempotent. */
export async function seedDemo(db: Db): Promise<SeedReport> {
  const articles = await seedPortalDemo(db);
  return { seeded: articles > 0, articles };
}

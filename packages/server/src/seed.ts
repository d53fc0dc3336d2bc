import { buildCaseEngine, defaultCaseSettings, PROCESSES } from './caseEngine.ts';
import { seedServiceCatalogueDemo } from './modules/approval/catalogue/seed.ts';
import { seedLicenceDemo } from './modules/approval/seed.ts';
import { seedDisclosureDemo } from './modules/disclosure/seed.ts';
import { seedDemoAccounts, seedRoles } from './modules/identity/seed.ts';
import { seedDemoDepartments, seedDivisions } from './modules/orgs/seed.ts';
import { indexUnsearchableArticles, seedPortalDemo } from './modules/portal/seed.ts';
import type { CaServices } from './platform/ca/index.ts';
import type { Db } from './platform/db/database.ts';
import type { FileStore } from './platform/files/index.ts';
import type { PlatformServices } from './platform/services.ts';
import { seedSealDemo } from './seedSeals.ts';

export type SeedReport = {
  seeded: boolean;
  units: number;
  accounts: number;
  articles: number;
  cases: number;
};

/** What every installation needs, demo or not: the built-in roles and the division tree. */
export async function seedBase(db: Db): Promise<void> {
  await seedRoles(db);
  await seedDivisions(db);
  await indexUnsearchableArticles(db);
}

/** Demo data for a new installation. Each module's seed is idempotent. */
/** `files`: where the demo licences' documents go; without it they are seeded without documents. */
export async function seedDemo(
  s: PlatformServices,
  files?: FileStore,
  seals?: { ca: CaServices; auditKeySpki?: Buffer },
): Promise<SeedReport> {
  await seedRoles(s.db);
  const units = (await seedDivisions(s.db)) + (await seedDemoDepartments(s.db));
  const accounts = await seedDemoAccounts(s);
  const articles = await seedPortalDemo(s.db);
  const services = await seedServiceCatalogueDemo(s.db);
  const engine = buildCaseEngine(s, defaultCaseSettings, PROCESSES, files);
  const cases = (await seedDisclosureDemo(engine, s.db)) + (await seedLicenceDemo(engine, s.db));
  if (seals) await seedSealDemo(s, seals.ca, seals.auditKeySpki);
  return { seeded: units + accounts + articles + services + cases > 0, units, accounts, articles, cases };
}

import { createServiceSchema } from '@yiwang/contracts';
import type { Db } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { DEMO_SERVICES } from './demo.ts';
import { createService, lockService, publishDraft } from './service.ts';

/**
 * The demo catalogue, published, through the same rules as the administrator's routes. Each
 * service is skipped when its code exists (or its unit does not), so a restart adds nothing.
 */
export async function seedServiceCatalogueDemo(db: Db): Promise<number> {
  const units = new Map(
    (await db.selectFrom('org_unit').select(['id', 'code']).where('kind', '=', 'department').execute()).map(
      (u) => [u.code, u.id],
    ),
  );
  const existing = new Set((await db.selectFrom('service').select('code').execute()).map((s) => s.code));
  let added = 0;
  for (const { unitCode, ...demo } of DEMO_SERVICES) {
    const unitId = units.get(unitCode);
    if (!unitId || existing.has(demo.code)) continue;
    const input = createServiceSchema.parse({ ...demo, unitId });
    await inTransaction(db, {}, async (tx) => {
      const draft = await createService(tx, null, input);
      await publishDraft(tx, await lockService(tx, draft.service_id), draft.version, null);
    });
    added += 1;
  }
  return added;
}

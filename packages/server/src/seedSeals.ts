import { DEMO_PASSWORD } from './modules/identity/seed.ts';
import { readTotpSecret } from './platform/auth/secondFactor.ts';
import { previousTotp } from './platform/auth/totp.ts';
import { loadHierarchy } from './platform/ca/authority.ts';
import { type CaServices, initCa } from './platform/ca/index.ts';
import { issueHolderCertificate } from './platform/ca/issue.ts';
import { affixSeal } from './platform/ca/sealing/affix.ts';
import { confirmSealUse, SEAL_KEEPER_ROLE } from './platform/ca/sealing/authorization.ts';
import { inTransaction } from './platform/db/transaction.ts';
import type { PlatformServices } from './platform/services.ts';

/**
 * The demo's CA: both hierarchies, a seal certificate for every unit that has a seal keeper, and
 * one document sealed the way a keeper would (password and TOTP code), so the public verification
 * page has something to show. The other documents wait in the keeper's queue. Idempotent.
 */
export async function seedSealDemo(
  s: PlatformServices,
  ca: CaServices,
  auditKeySpki?: Buffer,
): Promise<number> {
  if (!(await loadHierarchy(s.db, 'SM2-SM3'))) {
    await initCa(s.db, ca.keys, { caName: ca.settings.name, urls: ca.urls, auditKeySpki });
  }
  const keepers = await s.db
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['m.org_unit_id', 'u.id as user_id', 'u.totp_secret_enc'])
    .where('m.role_code', '=', SEAL_KEEPER_ROLE)
    .where('m.revoked_at', 'is', null)
    .execute();
  let sealed = 0;
  for (const keeper of keepers) {
    if (!(await ca.provider.sealCertificate(keeper.org_unit_id))) {
      await inTransaction(s.db, {}, (tx) =>
        issueHolderCertificate(
          tx,
          ca,
          { profile: 'seal', orgUnitId: keeper.org_unit_id, algorithm: ca.settings.sealAlgorithm },
          null,
        ),
      );
    }
    sealed += await sealOneDemoDocument(s, ca, keeper);
  }
  return sealed;
}

async function sealOneDemoDocument(
  s: PlatformServices,
  ca: CaServices,
  keeper: { org_unit_id: string; user_id: string; totp_secret_enc: Buffer | null },
): Promise<number> {
  const done = await s.db
    .selectFrom('seal_request')
    .select('id')
    .where('org_unit_id', '=', keeper.org_unit_id)
    .where('status', '=', 'sealed')
    .executeTakeFirst();
  const next = await s.db
    .selectFrom('seal_request')
    .select('id')
    .where('org_unit_id', '=', keeper.org_unit_id)
    .where('status', '=', 'pending')
    .where('title', 'in', ['准予行政许可决定书', '受理通知书'])
    .orderBy('requested_at')
    .executeTakeFirst();
  if (done || !next) return 0;
  const code = keeper.totp_secret_enc
    ? await previousTotp(readTotpSecret(s, keeper.totp_secret_enc))
    : undefined;
  return inTransaction(s.db, { userId: keeper.user_id }, async (tx) => {
    const confirmed = await confirmSealUse(
      tx,
      s,
      keeper.user_id,
      { id: next.id, orgUnitId: keeper.org_unit_id },
      { password: DEMO_PASSWORD, code },
    );
    if (!confirmed.ok) throw new Error(`the demo seal keeper could not confirm: ${confirmed.code}`);
    const result = await affixSeal(tx, ca, next.id, keeper.user_id, confirmed.authorization);
    return result.ok ? 1 : 0;
  });
}

import type { Db } from '../db/database.ts';
import type { CaProfile } from '../db/tables/ca.ts';
import type { Tx } from '../db/transaction.ts';
import {
  type CaUrls,
  type CertificateRow,
  certificateById,
  loadHierarchy,
  recordCertificate,
} from './authority.ts';
import { publishCrl } from './crls.ts';
import type { KeyStore } from './keyStore.ts';
import type { SignatureAlgorithm } from './pki/algorithms.ts';
import type { DistinguishedName, RevocationReason } from './pki/x509/index.ts';

/** Certificates the security administrator issues to holders: units' seals, staff, businesses. */
export type HolderProfile = Extract<CaProfile, 'seal' | 'staff' | 'business'>;

/** What the administrator may revoke here; the CA's own certificates change only by ceremony. */
const HOLDER_PROFILES = new Set<string>(['seal', 'staff', 'business', 'platform']);

export type IssueRequest =
  | { profile: 'seal'; orgUnitId: string; algorithm: SignatureAlgorithm }
  | { profile: 'staff' | 'business'; userId: string; algorithm: SignatureAlgorithm };

export type IssueOutcome =
  | { ok: true; certificate: CertificateRow }
  | { ok: false; code: 'ca_not_initialised' | 'holder_not_found' | 'holder_kind_mismatch'; detail: string };

export type CaContext = { db: Db; keys: KeyStore; urls: CaUrls };

/** Generates the holder's key in the key store and issues its certificate under the suite's issuing CA. */
export async function issueHolderCertificate(
  tx: Tx,
  ca: CaContext,
  request: IssueRequest,
  issuedBy: string | null,
  renewalOf: string | null = null,
): Promise<IssueOutcome> {
  const hierarchy = await loadHierarchy(tx, request.algorithm);
  if (!hierarchy) {
    return {
      ok: false,
      code: 'ca_not_initialised',
      detail: `no ${request.algorithm} CA yet: run yiwang ca init`,
    };
  }
  const holder = await holderSubject(tx, request);
  if (!holder.ok) return holder;
  const issuerKey = await ca.keys.signingKey(tx, hierarchy.issuing.key_id);
  const subjectKey = await ca.keys.generate(tx, request.algorithm);
  const certificate = await recordCertificate(tx, ca.urls, {
    profile: request.profile,
    subject: holder.subject,
    subjectKey,
    issuer: hierarchy.issuing,
    issuerKey,
    orgUnitId: request.profile === 'seal' ? request.orgUnitId : null,
    userId: request.profile === 'seal' ? null : request.userId,
    issuedBy,
    renewalOf,
  });
  return { ok: true, certificate };
}

type Holder = { ok: true; subject: DistinguishedName } | Extract<IssueOutcome, { ok: false }>;

async function holderSubject(tx: Tx, request: IssueRequest): Promise<Holder> {
  if (request.profile === 'seal') {
    const unit = await tx
      .selectFrom('org_unit')
      .select(['name_zh', 'code', 'credit_code'])
      .where('id', '=', request.orgUnitId)
      .where('retired_on', 'is', null)
      .executeTakeFirst();
    if (!unit) return { ok: false, code: 'holder_not_found', detail: 'no such organisation unit in service' };
    // The unit's name is what a reader of the seal sees; the credit code (or unit code) makes it unique.
    return {
      ok: true,
      subject: {
        country: 'CN',
        province: '黑龙江省',
        organization: unit.name_zh,
        commonName: `${unit.name_zh}电子印章`,
        serialNumber: unit.credit_code ?? unit.code,
      },
    };
  }
  const user = await tx
    .selectFrom('app_user')
    .select(['kind', 'display_name', 'credit_code', 'username', 'id'])
    .where('id', '=', request.userId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!user) return { ok: false, code: 'holder_not_found', detail: 'no such active account' };
  const wanted = request.profile === 'staff' ? 'staff' : 'business';
  if (user.kind !== wanted) {
    return {
      ok: false,
      code: 'holder_kind_mismatch',
      detail: `a ${request.profile} certificate needs a ${wanted} account`,
    };
  }
  const serialNumber = request.profile === 'business' ? (user.credit_code ?? user.id) : user.id;
  return { ok: true, subject: { country: 'CN', commonName: user.display_name, serialNumber } };
}

export type RevokeOutcome =
  | { ok: true; certificate: CertificateRow }
  | { ok: false; code: 'not_found' | 'already_revoked' | 'not_revocable'; detail: string };

/**
 * Revokes a holder's certificate with a reason and publishes the issuer's next CRL at once, so the
 * revocation is visible to relying parties within the same transaction.
 */
export async function revokeCertificate(
  tx: Tx,
  ca: CaContext,
  id: string,
  reason: RevocationReason,
  revokedBy: string,
  now = new Date(),
): Promise<RevokeOutcome> {
  const row = await tx
    .selectFrom('ca_certificate')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return { ok: false, code: 'not_found', detail: 'no such certificate' };
  if (row.revoked_at)
    return { ok: false, code: 'already_revoked', detail: `revoked on ${row.revoked_at.toISOString()}` };
  if (!HOLDER_PROFILES.has(row.profile)) {
    return {
      ok: false,
      code: 'not_revocable',
      detail: `a ${row.profile} certificate is retired by a ceremony, not revoked here`,
    };
  }
  await tx
    .updateTable('ca_certificate')
    .set({ revoked_at: now, revocation_reason: reason, revoked_by: revokedBy })
    .where('id', '=', id)
    .execute();
  // Holder certificates always have an issuer (the table's CHECK: only a root has none).
  const issuer = (await certificateById(tx, row.issuer_id as string)) as CertificateRow;
  await publishCrl(tx, issuer, await ca.keys.signingKey(tx, issuer.key_id), { now });
  return { ok: true, certificate: (await certificateById(tx, id)) as CertificateRow };
}

/** A new key and certificate for the same holder; the old one stays valid until it expires or is revoked. */
export async function renewCertificate(
  tx: Tx,
  ca: CaContext,
  id: string,
  issuedBy: string,
): Promise<IssueOutcome | { ok: false; code: 'not_found' | 'not_renewable'; detail: string }> {
  const row = await certificateById(tx, id);
  if (!row) return { ok: false, code: 'not_found', detail: 'no such certificate' };
  if (row.profile === 'seal' && row.org_unit_id) {
    return issueHolderCertificate(
      tx,
      ca,
      { profile: 'seal', orgUnitId: row.org_unit_id, algorithm: row.algorithm },
      issuedBy,
      id,
    );
  }
  if ((row.profile === 'staff' || row.profile === 'business') && row.user_id) {
    return issueHolderCertificate(
      tx,
      ca,
      { profile: row.profile, userId: row.user_id, algorithm: row.algorithm },
      issuedBy,
      id,
    );
  }
  return {
    ok: false,
    code: 'not_renewable',
    detail: `a ${row.profile} certificate is renewed by a ceremony`,
  };
}

import type { CertificateStatus, CertificateSummary, RevocationReason } from '@yiwang/contracts';
import type { CertificateRow } from './authority.ts';

export function statusOf(
  row: Pick<CertificateRow, 'revoked_at' | 'not_before' | 'not_after'>,
  now = new Date(),
): CertificateStatus {
  if (row.revoked_at) return 'revoked';
  if (row.not_after <= now) return 'expired';
  if (row.not_before > now) return 'not_yet_valid';
  return 'valid';
}

export function presentCertificate(
  row: CertificateRow & { issuer_subject?: string | null },
): CertificateSummary {
  return {
    id: row.id,
    serial: row.serial_hex,
    profile: row.profile,
    algorithm: row.algorithm,
    subject: row.subject_text,
    issuer: row.issuer_subject ?? null,
    orgUnitId: row.org_unit_id,
    userId: row.user_id,
    notBefore: row.not_before.toISOString(),
    notAfter: row.not_after.toISOString(),
    status: statusOf(row),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revocationReason: (row.revocation_reason as RevocationReason | null) ?? null,
    issuedAt: row.issued_at.toISOString(),
    retainUntil: row.retain_until.toISOString(),
    sha256: row.sha256.toString('hex'),
    downloadUrl: `/api/v1/ca/certificates/${row.serial_hex}.cer`,
  };
}

import type { Db } from '../db/database.ts';
import { type CertificateRow, certificateBySerial } from './authority.ts';
import type { KeyStore } from './keyStore.ts';
import {
  buildOcspResponse,
  certIdMatches,
  ocspErrorResponse,
  parseOcspRequest,
  type RevocationReason,
} from './pki/x509/index.ts';

/** The documented JSON status (docs/ca.md), for relying parties without an OCSP client. */
export async function certificateStatus(db: Db, serialHex: string, now = new Date()) {
  const row = await certificateBySerial(db, serialHex);
  return {
    serial: serialHex.toLowerCase(),
    status: !row ? ('unknown' as const) : row.revoked_at ? ('revoked' as const) : ('good' as const),
    revokedAt: row?.revoked_at?.toISOString() ?? null,
    reason: (row?.revocation_reason ?? null) as RevocationReason | null,
    notAfter: row?.not_after.toISOString() ?? null,
    checkedAt: now.toISOString(),
  };
}

/**
 * An OCSP responder (RFC 6960) for the CAs of this platform: each issuing CA answers for the
 * certificates it issued, signing with its own key (§2.6, no delegated responder needed). Garbage
 * gets malformedRequest; a CA that is not ours gets unauthorized (§2.3), never a guess.
 */
export async function answerOcsp(
  db: Db,
  keys: KeyStore,
  requestDer: Buffer,
  now = new Date(),
): Promise<Buffer> {
  let request: ReturnType<typeof parseOcspRequest>;
  try {
    request = parseOcspRequest(requestDer);
  } catch {
    return ocspErrorResponse('malformedRequest');
  }
  const issuers = (await db
    .selectFrom('ca_certificate as c')
    .innerJoin('ca_key as k', 'k.id', 'c.key_id')
    .selectAll('c')
    .where('c.profile', 'in', ['root', 'issuing_ca'])
    .where('k.store', '=', 'software')
    .execute()) as CertificateRow[];
  const first = request.certIds[0];
  const issuer =
    first &&
    issuers.find((i) => certIdMatches(first, { issuerCertificate: i.der, serialHex: first.serialHex }));
  if (!issuer) return ocspErrorResponse('unauthorized');
  const responses = [];
  for (const certId of request.certIds) {
    if (!certIdMatches(certId, { issuerCertificate: issuer.der, serialHex: certId.serialHex })) {
      return ocspErrorResponse('unauthorized');
    }
    const row = await certificateBySerial(db, certId.serialHex);
    const ours = row && row.issuer_id === issuer.id;
    responses.push({
      certId,
      status: !ours ? ('unknown' as const) : row.revoked_at ? ('revoked' as const) : ('good' as const),
      revokedAt: ours ? (row.revoked_at ?? undefined) : undefined,
      reason: (ours ? (row.revocation_reason ?? undefined) : undefined) as RevocationReason | undefined,
      thisUpdate: now,
      nextUpdate: new Date(now.getTime() + 3_600_000),
    });
  }
  return buildOcspResponse({
    responderCertificate: issuer.der,
    responderKey: await keys.signingKey(db, issuer.key_id),
    producedAt: now,
    nonce: request.nonce,
    responses,
  });
}

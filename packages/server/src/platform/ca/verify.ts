import { createHash } from 'node:crypto';
import type { Verdict, Verification } from '@yiwang/contracts';
import type { Db } from '../db/database.ts';
import { type FileStore, readFile } from '../files/index.ts';
import { type CertificateRow, certificateBySerial } from './authority.ts';
import { type InspectedSignature, inspectPdf } from './pdf/index.ts';
import { algorithmOfSpki } from './pki/algorithms.ts';
import { type DetachedVerification, verifyDetached } from './pki/cms/index.ts';
import { type CertificateInfo, describeCertificate, verifyChain } from './pki/x509/index.ts';
import { normaliseVerificationCode } from './sealing/requests.ts';

/** Gravest first: the verdict is the first of these that any check found. */
const GRAVITY: Verdict[] = [
  'unreadable',
  'unsigned',
  'signature_invalid',
  'content_changed',
  'modified_after_signing',
  'hidden_content',
  'other_ca',
  'certificate_revoked',
  'certificate_expired',
];

/** Which verdict each reason code leads to; reasons not listed are told but change nothing. */
const VERDICT_OF: Record<string, Verdict> = {
  not_pdf: 'unreadable',
  malformed: 'unreadable',
  too_large: 'unreadable',
  unsigned: 'unsigned',
  byte_range_invalid: 'signature_invalid',
  signature_invalid: 'signature_invalid',
  signer_certificate_missing: 'signature_invalid',
  digest_mismatch: 'content_changed',
  incremental_update: 'modified_after_signing',
  hidden_content: 'hidden_content',
  untrusted_issuer: 'other_ca',
  revoked_before_signing: 'certificate_revoked',
  expired_at_signing: 'certificate_expired',
};

const blank = (verdict: Verdict, reasons: string[]): Verification => ({
  verdict,
  reasons,
  signingUnit: null,
  signer: null,
  signedAt: null,
  timeStampAuthority: null,
  algorithm: null,
  certificate: null,
  contentIntact: null,
  document: null,
});

export const unreadable = (reason: string): Verification => blank('unreadable', [reason]);

/** The public verification of a PDF: never throws on what a visitor uploads. */
export async function verifyPdf(db: Db, bytes: Uint8Array): Promise<Verification> {
  const inspection = inspectPdf(bytes);
  if (inspection.kind !== 'signed')
    return blank(VERDICT_OF[inspection.kind] ?? 'unreadable', [inspection.kind]);
  const signature = inspection.signatures.at(-1) as InspectedSignature;
  const reasons = structuralReasons(signature);
  const cms = verifyDetached(signature.cms, signature.signedBytes);
  reasons.push(...cryptographicReasons(cms));
  const result = blank('valid', reasons);
  result.contentIntact = !reasons.some((r) =>
    ['digest_mismatch', 'incremental_update', 'hidden_content', 'byte_range_invalid'].includes(r),
  );
  if (cms.signerCertificate) await describeSigner(db, cms, result);
  result.document = await registered(db, bytes);
  result.verdict = GRAVITY.find((v) => result.reasons.some((r) => VERDICT_OF[r] === v)) ?? 'valid';
  return result;
}

function structuralReasons(s: InspectedSignature): string[] {
  const reasons: string[] = [];
  if (!s.byteRangeValid) reasons.push('byte_range_invalid');
  if (s.appendedAfter > 0)
    reasons.push(s.appendedChanges === 'content' ? 'incremental_update' : 'benign_update');
  if (s.hiddenContent.length > 0) reasons.push('hidden_content');
  return reasons;
}

function cryptographicReasons(cms: DetachedVerification): string[] {
  const reasons: string[] = [];
  if (!cms.signerCertificate) reasons.push('signer_certificate_missing');
  if (!cms.digestOk) reasons.push('digest_mismatch');
  if (!cms.signatureOk || !cms.signingCertificateOk) reasons.push('signature_invalid');
  if (!cms.timestamp) reasons.push('no_time_stamp');
  else if (!cms.timestamp.signatureOk || !cms.timestamp.imprintOk) reasons.push('time_stamp_invalid');
  return reasons;
}

/** Signer, trusted signing time, chain and revocation, then and now. */
async function describeSigner(db: Db, cms: DetachedVerification, result: Verification): Promise<void> {
  let info: CertificateInfo;
  try {
    info = describeCertificate(cms.signerCertificate as Buffer);
  } catch {
    result.reasons.push('signer_certificate_missing');
    return;
  }
  const anchors = await trustAnchors(db);
  const signedAt = await trustedSigningTime(cms, anchors, result);
  result.signer = info.subjectText;
  result.signingUnit = info.subject.organization ?? info.subject.commonName;
  result.algorithm = algorithmOfSpki(info.spki) ?? null;
  result.signedAt = signedAt?.toISOString() ?? null;
  const chain = verifyChain({
    certificate: cms.signerCertificate as Buffer,
    intermediates: cms.certificates,
    trustAnchors: anchors,
    at: signedAt ?? new Date(),
  });
  for (const p of chain.problems) {
    if (p.code === 'untrusted_issuer') result.reasons.push('untrusted_issuer');
    else if (p.code === 'expired' || p.code === 'not_yet_valid') result.reasons.push('expired_at_signing');
    else result.reasons.push('signature_invalid');
  }
  const row = await certificateBySerial(db, info.serialHex);
  if (!row?.der.equals(cms.signerCertificate as Buffer)) return;
  result.certificate = certificateStatus(row, signedAt);
  if (result.certificate.statusAtSigning === 'revoked') result.reasons.push('revoked_before_signing');
  else if (result.certificate.statusNow === 'revoked') result.reasons.push('revoked_after_signing');
}

function certificateStatus(
  row: CertificateRow,
  signedAt: Date | undefined,
): NonNullable<Verification['certificate']> {
  const revoked = row.revoked_at;
  // Without a trusted time, a revoked certificate is taken as revoked when the signature was made.
  const revokedThen = Boolean(revoked && (!signedAt || revoked.getTime() <= signedAt.getTime()));
  const now = new Date();
  const statusNow = revoked ? 'revoked' : row.not_after < now ? 'expired' : 'good';
  return {
    serial: row.serial_hex,
    statusAtSigning: revokedThen ? 'revoked' : 'good',
    statusNow,
    revokedAt: revoked?.toISOString() ?? null,
    reason: (row.revocation_reason as NonNullable<Verification['certificate']>['reason']) ?? null,
    notAfter: row.not_after.toISOString(),
  };
}

/** The time-stamp's time, if its token is sound and its TSA chains to one of our roots. */
async function trustedSigningTime(cms: DetachedVerification, anchors: Buffer[], result: Verification) {
  const ts = cms.timestamp;
  if (!ts?.signatureOk || !ts.imprintOk || !ts.tsaCertificate) return undefined;
  const chain = verifyChain({
    certificate: ts.tsaCertificate,
    intermediates: cms.certificates,
    trustAnchors: anchors,
    at: ts.genTime,
  });
  if (!chain.ok) {
    result.reasons.push('time_stamp_untrusted');
    return undefined;
  }
  result.timeStampAuthority = describeCertificate(ts.tsaCertificate).subjectText;
  return ts.genTime;
}

async function trustAnchors(db: Db): Promise<Buffer[]> {
  const roots = await db.selectFrom('ca_certificate').select('der').where('profile', '=', 'root').execute();
  return roots.map((r) => r.der);
}

async function registered(db: Db, bytes: Uint8Array): Promise<Verification['document']> {
  const sha256 = createHash('sha256').update(bytes).digest();
  const row = await db
    .selectFrom('sealed_document')
    .select(['title', 'document_number', 'verification_code', 'sha256'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row ? documentOf(row) : null;
}

const documentOf = (row: {
  title: string;
  document_number: string;
  verification_code: string;
  sha256: Buffer;
}) => ({
  title: row.title,
  documentNumber: row.document_number,
  verificationCode: row.verification_code,
  sha256: row.sha256.toString('hex'),
});

/** Verification by the code printed on a document: the registered copy is checked as an upload would be. */
export async function verifyByCode(db: Db, files: FileStore, code: string): Promise<Verification> {
  const row = await db
    .selectFrom('sealed_document')
    .select(['file_id', 'title', 'document_number', 'verification_code', 'sha256'])
    .where('verification_code', '=', normaliseVerificationCode(code))
    .executeTakeFirst();
  if (!row) return blank('unknown_code', ['unknown_code']);
  const { bytes } = await readFile(db, files, row.file_id);
  const result = await verifyPdf(db, bytes);
  if (!createHash('sha256').update(bytes).digest().equals(row.sha256)) {
    result.reasons.push('register_mismatch');
    result.verdict = 'content_changed';
    result.contentIntact = false;
  }
  result.document = documentOf(row);
  return result;
}

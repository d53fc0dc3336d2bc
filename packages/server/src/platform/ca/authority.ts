import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/database.ts';
import type { CaCertificateTable, CaProfile } from '../db/tables/ca.ts';
import type { Tx } from '../db/transaction.ts';
import type { KeyStore } from './keyStore.ts';
import type { SignatureAlgorithm, SigningKey } from './pki/algorithms.ts';
import {
  type CertificateProfile,
  type DistinguishedName,
  describeCertificate,
  formatName,
  issueCertificate,
} from './pki/x509/index.ts';

export type CertificateRow = Omit<CaCertificateTable, 'issued_at' | 'retain_until'> & {
  issued_at: Date;
  retain_until: Date;
};

/** One suite's chain of trust: the root, the issuing CA under it, and the time-stamp unit. */
export type Hierarchy = {
  algorithm: SignatureAlgorithm;
  root: CertificateRow;
  issuing: CertificateRow;
  tsa: CertificateRow;
};

/** How long each kind of certificate lives, in days. */
export const VALIDITY_DAYS: Record<CaProfile, number> = {
  root: 20 * 365,
  issuing_ca: 10 * 365,
  tsa: 5 * 365,
  ocsp: 2 * 365,
  platform: 5 * 365,
  seal: 3 * 365,
  staff: 2 * 365,
  business: 2 * 365,
};

/** Where relying parties fetch revocation data and issuer certificates; fixed in every certificate. */
export type CaUrls = { base: string };

export const crlUrl = (urls: CaUrls, issuerSerial: string) =>
  `${urls.base}/api/v1/ca/crl/${issuerSerial}.crl`;
export const ocspUrl = (urls: CaUrls) => `${urls.base}/api/v1/ca/ocsp`;
export const certificateUrl = (urls: CaUrls, serial: string) =>
  `${urls.base}/api/v1/ca/certificates/${serial}.cer`;

/** 16 random bytes, high bit clear so the INTEGER is positive (RFC 5280 §4.1.2.2: at most 20 octets). */
export function newSerial(): Buffer {
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01;
  return serial;
}

export type IssueInput = {
  profile: CertificateProfile;
  subject: DistinguishedName;
  subjectKey: { id: string; spki: Uint8Array };
  issuer: CertificateRow | 'self';
  issuerKey: SigningKey;
  validityDays?: number;
  orgUnitId?: string | null;
  userId?: string | null;
  issuedBy?: string | null;
  renewalOf?: string | null;
  now?: Date;
};

/** Signs a certificate and records it; the record is the certificate's register entry forever. */
export async function recordCertificate(tx: Tx, urls: CaUrls, input: IssueInput): Promise<CertificateRow> {
  const now = input.now ?? new Date();
  const notBefore = new Date(now.getTime() - 60_000);
  const notAfter = new Date(
    now.getTime() + (input.validityDays ?? VALIDITY_DAYS[input.profile]) * 86_400_000,
  );
  const issuer = input.issuer === 'self' ? 'self' : input.issuer;
  const der = await issueCertificate({
    profile: input.profile,
    subject: input.subject,
    subjectSpki: input.subjectKey.spki,
    serial: newSerial(),
    notBefore,
    notAfter,
    issuer: issuer === 'self' ? 'self' : { certificate: issuer.der },
    issuerKey: input.issuerKey,
    ...(issuer === 'self' || input.profile === 'root'
      ? {}
      : {
          crlUrl: crlUrl(urls, issuer.serial_hex),
          ocspUrl: input.profile === 'issuing_ca' ? undefined : ocspUrl(urls),
          caIssuersUrl: certificateUrl(urls, issuer.serial_hex),
        }),
  });
  const info = describeCertificate(der);
  const row = {
    id: uuidv7(),
    serial_hex: info.serialHex,
    profile: input.profile,
    algorithm: info.algorithm ?? input.issuerKey.algorithm,
    issuer_id: issuer === 'self' ? null : issuer.id,
    key_id: input.subjectKey.id,
    subject_text: info.subjectText,
    org_unit_id: input.orgUnitId ?? null,
    user_id: input.userId ?? null,
    not_before: info.notBefore,
    not_after: info.notAfter,
    der,
    sha256: createHash('sha256').update(der).digest(),
    renewal_of: input.renewalOf ?? null,
    issued_by: input.issuedBy ?? null,
    revoked_at: null,
    revocation_reason: null,
    revoked_by: null,
  };
  await tx.insertInto('ca_certificate').values(row).execute();
  return (await tx
    .selectFrom('ca_certificate')
    .selectAll()
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow()) as CertificateRow;
}

/** The current hierarchy of a suite: the newest unrevoked root, issuing CA and TSA. */
export async function loadHierarchy(
  db: Db | Tx,
  algorithm: SignatureAlgorithm,
): Promise<Hierarchy | undefined> {
  const newest = (profile: CaProfile) =>
    db
      .selectFrom('ca_certificate')
      .selectAll()
      .where('algorithm', '=', algorithm)
      .where('profile', '=', profile)
      .where('revoked_at', 'is', null)
      .orderBy('not_after', 'desc')
      .executeTakeFirst() as Promise<CertificateRow | undefined>;
  const [root, issuing, tsa] = await Promise.all([newest('root'), newest('issuing_ca'), newest('tsa')]);
  if (!root || !issuing || !tsa) return undefined;
  return { algorithm, root, issuing, tsa };
}

export async function certificateById(db: Db | Tx, id: string): Promise<CertificateRow | undefined> {
  return (await db.selectFrom('ca_certificate').selectAll().where('id', '=', id).executeTakeFirst()) as
    | CertificateRow
    | undefined;
}

export async function certificateBySerial(
  db: Db | Tx,
  serialHex: string,
): Promise<CertificateRow | undefined> {
  return (await db
    .selectFrom('ca_certificate')
    .selectAll()
    .where('serial_hex', '=', serialHex.toLowerCase())
    .executeTakeFirst()) as CertificateRow | undefined;
}

/** The subject of a CA certificate of this installation, e.g. 黑龙江省电子政务认证中心 根CA (SM2). */
export function caSubject(caName: string, role: string, algorithm: SignatureAlgorithm): DistinguishedName {
  const suite = algorithm === 'SM2-SM3' ? 'SM2' : 'ECC';
  return { country: 'CN', organization: caName, commonName: `${caName} ${role} (${suite})` };
}

export { formatName, type KeyStore };

/**
 * The CA's certificate for a key held outside it (the audit checkpoint key), with its issuers up to
 * the root, leaf first; empty when the CA has not certified that key.
 */
export async function externalKeyChain(db: Db | Tx, spki: Buffer): Promise<CertificateRow[]> {
  const leaf = (await db
    .selectFrom('ca_certificate as c')
    .innerJoin('ca_key as k', 'k.id', 'c.key_id')
    .selectAll('c')
    .where('k.store', '=', 'external')
    .where('k.spki', '=', spki)
    .where('c.revoked_at', 'is', null)
    .orderBy('c.issued_at', 'desc')
    .executeTakeFirst()) as CertificateRow | undefined;
  return leaf ? [leaf, ...(await issuersOf(db, leaf))] : [];
}

/** The issuers of a certificate up to its root, nearest first. */
export async function issuersOf(db: Db | Tx, certificate: CertificateRow): Promise<CertificateRow[]> {
  const chain: CertificateRow[] = [];
  for (let next = certificate.issuer_id; next; ) {
    const issuer = await certificateById(db, next);
    if (!issuer) break;
    chain.push(issuer);
    next = issuer.issuer_id;
  }
  return chain;
}

import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';
import { type CertificateRow, issuersOf } from '../authority.ts';
import type { KeyStore } from '../keyStore.ts';
import { embedSignature } from '../pdf/index.ts';
import { digest, type SignatureAlgorithm, SUITES } from '../pki/algorithms.ts';
import { signDetached } from '../pki/cms/index.ts';
import { issueTimeStamp } from '../timestamps.ts';
import { type FreshAuthorization, isFresh } from './authorization.ts';

export type SealedPdf = { pdf: Buffer; certificate: CertificateRow; timestampSerial: number; signedAt: Date };

export class SealRefusedError extends Error {
  constructor(
    readonly code:
      | 'no_seal_certificate'
      | 'authorization_not_fresh'
      | 'wrong_unit'
      | 'time_stamp_unavailable',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Who holds the seals and signs with them (国务院令第716号第9条: the platform may later use the
 * national e-seal system or a licensed CA instead). The platform asks only two things of it.
 */
export interface SealProvider {
  /** The certificate a unit's documents would be sealed with now, if it has one. */
  sealCertificate(orgUnitId: string, db?: Db | Tx): Promise<CertificateRow | undefined>;
  /** Signs a PDF that carries a signature placeholder with the unit's seal (PAdES B-T). */
  sealPdf(input: {
    orgUnitId: string;
    keeperUserId: string;
    requestId: string;
    authorization: FreshAuthorization;
    pdf: Buffer;
    /** The caller's transaction: the time-stamp's log entry stands or falls with the seal. */
    tx?: Tx;
  }): Promise<SealedPdf>;
}

/** The platform's own CA as seal provider: its seal certificates, its key store, its TSA. */
export class InternalSealProvider implements SealProvider {
  constructor(
    private readonly db: Db,
    private readonly keys: KeyStore,
    private readonly preferred: SignatureAlgorithm = 'SM2-SM3',
  ) {}

  async sealCertificate(orgUnitId: string, db: Db | Tx = this.db): Promise<CertificateRow | undefined> {
    const rows = (await db
      .selectFrom('ca_certificate')
      .selectAll()
      .where('org_unit_id', '=', orgUnitId)
      .where('profile', '=', 'seal')
      .where('revoked_at', 'is', null)
      .where('not_before', '<=', new Date())
      .where('not_after', '>', new Date())
      .orderBy('issued_at', 'desc')
      .execute()) as CertificateRow[];
    return rows.find((r) => r.algorithm === this.preferred) ?? rows[0];
  }

  async sealPdf(input: Parameters<SealProvider['sealPdf']>[0]): Promise<SealedPdf> {
    const use = { userId: input.keeperUserId, requestId: input.requestId, orgUnitId: input.orgUnitId };
    if (!isFresh(input.authorization, use)) {
      throw new SealRefusedError('authorization_not_fresh', 'the seal keeper must confirm again');
    }
    const db = input.tx ?? this.db;
    const certificate = await this.sealCertificate(input.orgUnitId, db);
    if (!certificate)
      throw new SealRefusedError('no_seal_certificate', 'the unit has no valid seal certificate');
    // A seal signs for its own unit only (电子签名法第13条第1款第1项: the data belong to the signer alone).
    if (certificate.org_unit_id !== input.orgUnitId)
      throw new SealRefusedError('wrong_unit', 'not this unit’s seal');
    const chain = await issuersOf(db, certificate);
    const key = await this.keys.signingKey(db, certificate.key_id);
    let stamp: { serial: number; genTime: Date } | undefined;
    const pdf = await embedSignature(input.pdf, (content) =>
      signDetached({
        key,
        certificate: certificate.der,
        chain: chain.map((c) => c.der),
        content,
        timestamp: async (signatureValue) => {
          const made = await this.stamp(db, certificate.algorithm, signatureValue);
          stamp = made;
          return made.token;
        },
      }),
    );
    if (!stamp) throw new SealRefusedError('time_stamp_unavailable', 'no time-stamp was made');
    return { pdf, certificate, timestampSerial: stamp.serial, signedAt: stamp.genTime };
  }

  private async stamp(db: Db | Tx, algorithm: SignatureAlgorithm, signatureValue: Buffer) {
    const made = await issueTimeStamp(db, this.keys, {
      imprintAlgorithmOid: SUITES[algorithm].digestOid,
      imprint: digest(algorithm, signatureValue),
      algorithm,
    });
    if (!made) throw new SealRefusedError('time_stamp_unavailable', `no ${algorithm} time-stamp unit`);
    return made;
  }
}

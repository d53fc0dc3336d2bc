import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Tx } from '../db/transaction.ts';
import { type CertificateRow, loadHierarchy } from './authority.ts';
import type { KeyStore } from './keyStore.ts';
import { OID, type SignatureAlgorithm } from './pki/algorithms.ts';
import { issueTimeStampToken } from './pki/cms/index.ts';

/**
 * The TSA policy (RFC 3161 §2.4.2): an OID under 2.25 (ITU-T X.667, a UUID as an integer), which
 * needs no registration; the policy it names is docs/ca.md §Time-stamping.
 */
export const TSA_POLICY_OID = '2.25.304931387687258550375706274370462527170';

export type TimeStampInput = {
  imprintAlgorithmOid: string;
  imprint: Buffer;
  nonce?: bigint | Buffer;
  certReq?: boolean;
  /** The suite to sign with; by default the one whose digest the imprint uses (SM3 → SM2). */
  algorithm?: SignatureAlgorithm;
};

export type TimeStamp = { token: Buffer; serial: number; genTime: Date; tsa: CertificateRow };

/**
 * Issues a time-stamp token and logs it. Each token has its own serial from a sequence, so two
 * tokens never share one (RFC 3161 §2.4.2), whichever node issued them.
 */
export async function issueTimeStamp(
  db: Db | Tx,
  keys: KeyStore,
  input: TimeStampInput,
): Promise<TimeStamp | undefined> {
  const algorithm =
    input.algorithm ?? (input.imprintAlgorithmOid === OID.sm3 ? 'SM2-SM3' : 'ECDSA-P256-SHA256');
  const hierarchy = await loadHierarchy(db, algorithm);
  if (!hierarchy) return undefined;
  const { tsa } = hierarchy;
  const { serial } = await sql<{ serial: number }>`SELECT nextval('ca_timestamp_serial')::int8 AS serial`
    .execute(db)
    .then((r) => r.rows[0] as { serial: number });
  const genTime = new Date();
  const token = await issueTimeStampToken({
    tsaCertificate: tsa.der,
    tsaKey: await keys.signingKey(db, tsa.key_id),
    imprintAlgorithmOid: input.imprintAlgorithmOid,
    imprint: input.imprint,
    serial: BigInt(serial),
    genTime,
    policyOid: TSA_POLICY_OID,
    nonce: input.nonce,
    includeCertificate: input.certReq ?? true,
    accuracySeconds: 1,
  });
  await db
    .insertInto('ca_timestamp')
    .values({
      serial,
      certificate_id: tsa.id,
      imprint_algorithm: input.imprintAlgorithmOid,
      imprint: input.imprint,
      gen_time: genTime,
    })
    .execute();
  return { token, serial, genTime, tsa };
}

import path from 'node:path';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/database.ts';
import type { Tx } from '../db/transaction.ts';
import { OperatorError } from '../errors.ts';
import {
  type CaUrls,
  type CertificateRow,
  caSubject,
  type Hierarchy,
  recordCertificate,
} from './authority.ts';
import { publishCrl } from './crls.ts';
import { generateOfflineKey, type KeyStore } from './keyStore.ts';
import {
  algorithmOfSpki,
  SIGNATURE_ALGORITHMS,
  type SignatureAlgorithm,
  type SigningKey,
} from './pki/algorithms.ts';

export class CaAlreadyInitialisedError extends OperatorError {}

export type InitOptions = {
  caName: string;
  urls: CaUrls;
  algorithms?: readonly SignatureAlgorithm[];
  /** Keep each root key in a passphrase-sealed file in this folder, not in the database. */
  offlineRoot?: { dir: string; passphrase: string };
  /** The audit checkpoint signing key (SPKI DER, ECDSA P-256), certified by the ECDSA issuing CA. */
  auditKeySpki?: Buffer;
  now?: Date;
};

/**
 * `yiwang ca init`: for each suite (SM2 first, ECDSA for interoperability) a root, an issuing CA
 * under it, a time-stamp unit certificate, and the first CRL of each CA. Refuses to run twice:
 * a second root would make every certificate so far look foreign to those who trust the first.
 */
export async function initCa(db: Db, keys: KeyStore, o: InitOptions): Promise<Hierarchy[]> {
  const algorithms = o.algorithms ?? SIGNATURE_ALGORITHMS;
  return db.transaction().execute(async (tx) => {
    // One init at a time, across processes.
    await sql`SELECT pg_advisory_xact_lock(hashtext('ca.init'))`.execute(tx);
    const made: Hierarchy[] = [];
    for (const algorithm of algorithms) {
      // Any root of the suite, even with its issuing CA gone, means the CA exists: never a second root.
      const existing = await tx
        .selectFrom('ca_certificate')
        .select(['serial_hex', 'subject_text'])
        .where('algorithm', '=', algorithm)
        .where('profile', '=', 'root')
        .executeTakeFirst();
      if (existing) {
        throw new CaAlreadyInitialisedError(
          `the CA is already set up: ${algorithm} root ${existing.serial_hex} (${existing.subject_text})`,
        );
      }
      made.push(await initSuite(tx, keys, algorithm, o));
    }
    return made;
  });
}

async function initSuite(
  tx: Tx,
  keys: KeyStore,
  algorithm: SignatureAlgorithm,
  o: InitOptions,
): Promise<Hierarchy> {
  const { rootKey, rootKeyRef } = await makeRootKey(tx, keys, algorithm, o);
  const root = await recordCertificate(tx, o.urls, {
    profile: 'root',
    subject: caSubject(o.caName, '根CA', algorithm),
    subjectKey: rootKeyRef,
    issuer: 'self',
    issuerKey: rootKey,
    now: o.now,
  });
  const issuingKeyRef = await keys.generate(tx, algorithm);
  const issuing = await recordCertificate(tx, o.urls, {
    profile: 'issuing_ca',
    subject: caSubject(o.caName, '签发CA', algorithm),
    subjectKey: issuingKeyRef,
    issuer: root,
    issuerKey: rootKey,
    now: o.now,
  });
  const issuingKey = await keys.signingKey(tx, issuingKeyRef.id);
  const tsa = await issueUnder(tx, keys, o, issuing, issuingKey, 'tsa', '时间戳服务');
  // The root's CRL is signed now, while its key is at hand; an offline root re-signs it yearly.
  await publishCrl(tx, root, rootKey, { validityDays: 365, now: o.now });
  await publishCrl(tx, issuing, issuingKey, { now: o.now });
  if (o.auditKeySpki && algorithmOfSpki(o.auditKeySpki) === algorithm) {
    await certifyPlatformKey(tx, o, issuing, issuingKey, o.auditKeySpki);
  }
  return { algorithm, root, issuing, tsa };
}

/**
 * The audit log's checkpoint key stays where it is (a key file every node shares); the CA vouches
 * for it with a platform certificate, so an outside auditor can tie each checkpoint to this CA.
 */
export async function certifyPlatformKey(
  tx: Tx,
  o: Pick<InitOptions, 'caName' | 'urls' | 'now'>,
  issuing: CertificateRow,
  issuingKey: SigningKey,
  spki: Buffer,
): Promise<CertificateRow> {
  const id = uuidv7();
  await tx
    .insertInto('ca_key')
    .values({ id, algorithm: issuing.algorithm, store: 'external', sealed_private: null, spki })
    .execute();
  return recordCertificate(tx, o.urls, {
    profile: 'platform',
    subject: caSubject(o.caName, '审计日志签名', issuing.algorithm),
    subjectKey: { id, spki },
    issuer: issuing,
    issuerKey: issuingKey,
    now: o.now,
  });
}

async function issueUnder(
  tx: Tx,
  keys: KeyStore,
  o: InitOptions,
  issuing: CertificateRow,
  issuingKey: SigningKey,
  profile: 'tsa',
  role: string,
): Promise<CertificateRow> {
  const keyRef = await keys.generate(tx, issuing.algorithm);
  return recordCertificate(tx, o.urls, {
    profile,
    subject: caSubject(o.caName, role, issuing.algorithm),
    subjectKey: keyRef,
    issuer: issuing,
    issuerKey: issuingKey,
    now: o.now,
  });
}

async function makeRootKey(tx: Tx, keys: KeyStore, algorithm: SignatureAlgorithm, o: InitOptions) {
  if (o.offlineRoot) {
    const file = path.join(o.offlineRoot.dir, `root-${algorithm}.key`);
    const made = await generateOfflineKey(tx, algorithm, file, o.offlineRoot.passphrase);
    return { rootKey: made.key, rootKeyRef: { id: made.id, spki: made.spki } };
  }
  const ref = await keys.generate(tx, algorithm);
  return { rootKey: await keys.signingKey(tx, ref.id), rootKeyRef: ref };
}

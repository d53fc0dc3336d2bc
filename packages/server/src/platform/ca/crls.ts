import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Tx } from '../db/transaction.ts';
import { type CertificateRow, certificateBySerial } from './authority.ts';
import type { KeyStore } from './keyStore.ts';
import type { SigningKey } from './pki/algorithms.ts';
import { buildCrl, type RevocationReason } from './pki/x509/index.ts';

/** An issuing CA's CRL lives a week and is re-signed daily, so a stale copy is never far behind. */
export const CRL_VALIDITY_DAYS = 7;
export const CRL_REFRESH_AFTER_MS = 86_400_000;

/**
 * Signs the next CRL of issuer: every certificate it issued that is revoked, with its reason
 * (RFC 5280 §5). Numbers grow by one per issuer (cRLNumber); all CRLs are kept.
 */
export async function publishCrl(
  tx: Tx,
  issuer: CertificateRow,
  issuerKey: SigningKey,
  o: { validityDays?: number; now?: Date } = {},
): Promise<{ number: number; der: Buffer }> {
  const now = o.now ?? new Date();
  // Two revocations at once (or two nodes refreshing) take turns: CRL numbers never collide.
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`ca.crl:${issuer.id}`}))`.execute(tx);
  const last = await tx
    .selectFrom('ca_crl')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('issuer_id', '=', issuer.id)
    .executeTakeFirst();
  const number = Number(last?.n ?? 0) + 1;
  const revoked = await tx
    .selectFrom('ca_certificate')
    .select(['serial_hex', 'revoked_at', 'revocation_reason'])
    .where('issuer_id', '=', issuer.id)
    .where('revoked_at', 'is not', null)
    .orderBy('revoked_at')
    .execute();
  const nextUpdate = new Date(now.getTime() + (o.validityDays ?? CRL_VALIDITY_DAYS) * 86_400_000);
  const der = await buildCrl({
    issuerCertificate: issuer.der,
    issuerKey,
    number,
    thisUpdate: now,
    nextUpdate,
    entries: revoked.map((r) => ({
      serialHex: r.serial_hex,
      revokedAt: r.revoked_at as Date,
      reason: (r.revocation_reason ?? 'unspecified') as RevocationReason,
    })),
  });
  await tx
    .insertInto('ca_crl')
    .values({ issuer_id: issuer.id, number, this_update: now, next_update: nextUpdate, der })
    .execute();
  return { number, der };
}

/** The newest CRL of the CA with this serial, or undefined for an unknown CA. */
export async function latestCrl(db: Db, issuerSerial: string) {
  const issuer = await certificateBySerial(db, issuerSerial);
  if (!issuer || (issuer.profile !== 'root' && issuer.profile !== 'issuing_ca')) return undefined;
  return db
    .selectFrom('ca_crl')
    .select(['number', 'this_update', 'next_update', 'der'])
    .where('issuer_id', '=', issuer.id)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * The daily re-signing: each CA whose newest CRL is older than a day gets a fresh one. A root kept
 * offline is skipped (its CRL is re-signed at the yearly ceremony); returns how many were signed.
 */
export async function refreshCrls(db: Db, keys: KeyStore, now = new Date()): Promise<number> {
  const stale = await db
    .selectFrom('ca_certificate as c')
    .innerJoin('ca_key as k', 'k.id', 'c.key_id')
    .selectAll('c')
    .where('c.profile', 'in', ['root', 'issuing_ca'])
    .where('c.revoked_at', 'is', null)
    .where('k.store', '=', 'software')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('ca_crl')
            .select('number')
            .whereRef('ca_crl.issuer_id', '=', 'c.id')
            .where('ca_crl.this_update', '>', new Date(now.getTime() - CRL_REFRESH_AFTER_MS)),
        ),
      ),
    )
    .execute();
  for (const issuer of stale as CertificateRow[]) {
    const key = await keys.signingKey(db, issuer.key_id);
    await db
      .transaction()
      .execute((tx) =>
        publishCrl(tx, issuer, key, { now, validityDays: issuer.profile === 'root' ? 365 : undefined }),
      );
  }
  return stale.length;
}

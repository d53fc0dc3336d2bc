import type { CaOverview, CertificateList, CertificateListQuery } from '@yiwang/contracts';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { type CertificateRow, loadHierarchy } from './authority.ts';
import { SIGNATURE_ALGORITHMS } from './pki/algorithms.ts';
import { presentCertificate } from './present.ts';

/** Certificates with their issuer's subject, filtered as the administrator asks, newest first. */
export async function listCertificates(db: Db, q: CertificateListQuery): Promise<CertificateList> {
  let query = db.selectFrom('ca_certificate as c').leftJoin('ca_certificate as i', 'i.id', 'c.issuer_id');
  if (q.profile) query = query.where('c.profile', '=', q.profile);
  if (q.q) query = query.where('c.subject_text', 'ilike', `%${q.q.replace(/[%_\\]/g, '\\$&')}%`);
  if (q.status === 'revoked') query = query.where('c.revoked_at', 'is not', null);
  if (q.status === 'expired')
    query = query.where('c.revoked_at', 'is', null).where('c.not_after', '<=', sql<Date>`now()`);
  if (q.status === 'valid') {
    query = query
      .where('c.revoked_at', 'is', null)
      .where('c.not_after', '>', sql<Date>`now()`)
      .where('c.not_before', '<=', sql<Date>`now()`);
  }
  if (q.status === 'not_yet_valid')
    query = query.where('c.revoked_at', 'is', null).where('c.not_before', '>', sql<Date>`now()`);
  const [rows, count] = await Promise.all([
    query
      .selectAll('c')
      .select('i.subject_text as issuer_subject')
      .orderBy('c.issued_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((row) => presentCertificate(row as CertificateRow & { issuer_subject: string | null })),
    total: count.n,
  };
}

export async function caOverview(db: Db, crlUrlOf: (serial: string) => string): Promise<CaOverview> {
  const hierarchies: CaOverview['hierarchies'] = [];
  for (const algorithm of SIGNATURE_ALGORITHMS) {
    const h = await loadHierarchy(db, algorithm);
    if (!h) continue;
    const crl = await db
      .selectFrom('ca_crl')
      .select(['number', 'next_update'])
      .where('issuer_id', '=', h.issuing.id)
      .orderBy('number', 'desc')
      .executeTakeFirst();
    hierarchies.push({
      algorithm,
      root: presentCertificate(h.root),
      issuing: presentCertificate({ ...h.issuing, issuer_subject: h.root.subject_text }),
      tsa: presentCertificate({ ...h.tsa, issuer_subject: h.issuing.subject_text }),
      crlNumber: crl?.number ?? null,
      crlNextUpdate: crl?.next_update.toISOString() ?? null,
      crlUrl: crlUrlOf(h.issuing.serial_hex),
    });
  }
  const counts = await db
    .selectFrom('ca_certificate')
    .select([
      sql<number>`count(*) FILTER (WHERE revoked_at IS NULL AND not_after > now())::int`.as('valid'),
      sql<number>`count(*) FILTER (WHERE revoked_at IS NOT NULL)::int`.as('revoked'),
      sql<number>`count(*) FILTER (WHERE revoked_at IS NULL AND not_after <= now())::int`.as('expired'),
    ])
    .executeTakeFirstOrThrow();
  return { hierarchies, counts };
}

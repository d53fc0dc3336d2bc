import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Principal } from '../../access/principal.ts';
import type { Db } from '../../db/database.ts';
import type { SealRender } from '../../db/tables/ca.ts';
import type { Tx } from '../../db/transaction.ts';
import { SEAL_KEEPER_ROLE } from './authorization.ts';

export type SealRequestInput = {
  orgUnitId: string;
  fileId: string;
  caseId: string | null;
  title: string;
  documentNumber: string;
  render: SealRender;
  draft: Buffer;
};

/**
 * Puts an issued document in its unit's seal queue (待用印). The draft is already the file of the
 * case; once sealed, the same file holds the sealed copy.
 */
export async function requestSeal(tx: Tx, input: SealRequestInput): Promise<string> {
  const id = uuidv7();
  await tx
    .insertInto('seal_request')
    .values({
      id,
      org_unit_id: input.orgUnitId,
      file_id: input.fileId,
      case_id: input.caseId,
      title: input.title,
      document_number: input.documentNumber,
      render: JSON.stringify(input.render),
      draft_sha256: createHash('sha256').update(input.draft).digest(),
    })
    .execute();
  return id;
}

/** The seal requests of the units whose seal this person keeps, oldest first (first come, first sealed). */
export async function listSealRequests(db: Db, principal: Principal, status: 'pending' | 'sealed') {
  const units = principal.memberships.filter((m) => m.roleCode === SEAL_KEEPER_ROLE).map((m) => m.orgUnitId);
  if (units.length === 0) return [];
  return db
    .selectFrom('seal_request as r')
    .innerJoin('org_unit as u', 'u.id', 'r.org_unit_id')
    .leftJoin('sealed_document as d', 'd.id', 'r.sealed_document_id')
    .select(['r.id', 'r.org_unit_id', 'u.name_zh as unit_name', 'r.case_id', 'r.title', 'r.document_number'])
    .select(['r.requested_at', 'r.status', 'd.verification_code'])
    .where('r.org_unit_id', 'in', units)
    .where('r.status', '=', status)
    .orderBy('r.requested_at', status === 'pending' ? 'asc' : 'desc')
    .limit(200)
    .execute();
}

export function loadSealRequest(tx: Tx | Db, id: string, forUpdate = false) {
  const query = tx.selectFrom('seal_request').selectAll().where('id', '=', id);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

// Crockford's base32 without I, L, O, U: nothing to misread on paper.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 80 random bits as XXXX-XXXX-XXXX-XXXX: printed on the document, typed on the verification page. */
export function newVerificationCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => ALPHABET[b % 32]).join('');
  return chars.match(/.{4}/g)?.join('-') ?? chars;
}

/** A code as typed: case and hyphens do not matter. */
export function normaliseVerificationCode(code: string): string {
  const plain = code.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return plain.match(/.{1,4}/g)?.join('-') ?? plain;
}

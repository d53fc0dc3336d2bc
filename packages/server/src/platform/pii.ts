import { maskMobile, maskResidentId } from '@yiwang/standards';
import { recordEvent } from './audit/record.ts';
import type { FieldCipher } from './crypto/index.ts';
import type { Tx } from './db/transaction.ts';
import { NotFoundProblem } from './http/problems.ts';

/** Personal fields as stored: the ciphertext, a keyed hash for lookups, a masked copy to show. */
export type StoredPersonalField = { enc: Buffer; hash: Buffer; masked: string };

export function protectIdNumber(cipher: FieldCipher, idNumber: string): StoredPersonalField {
  return {
    enc: cipher.encrypt(idNumber, 'app_user.id_number'),
    hash: cipher.lookupHash(idNumber, 'app_user.id_number'),
    masked: maskResidentId(idNumber),
  };
}

export function protectMobile(cipher: FieldCipher, mobile: string): StoredPersonalField {
  return {
    enc: cipher.encrypt(mobile, 'app_user.mobile'),
    hash: cipher.lookupHash(mobile, 'app_user.mobile'),
    masked: maskMobile(mobile),
  };
}

/**
 * Showing a personal field in clear is a separate act, recorded in the same transaction with
 * the field's name and never its value (PIPL arts. 33–37; DESIGN §10).
 */
export async function revealPersonalField(
  tx: Tx,
  cipher: FieldCipher,
  userId: string,
  field: 'idNumber' | 'mobile',
): Promise<string> {
  const column = field === 'idNumber' ? 'id_number_enc' : 'mobile_enc';
  const row = await tx.selectFrom('app_user').select(column).where('id', '=', userId).executeTakeFirst();
  const enc = row?.[column];
  if (!enc) throw new NotFoundProblem(`no ${field} on record`);
  await recordEvent(tx, {
    action: 'pii.reveal',
    outcome: 'success',
    targetType: 'app_user',
    targetId: userId,
    details: { field },
  });
  return cipher.decrypt(enc, field === 'idNumber' ? 'app_user.id_number' : 'app_user.mobile');
}

import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { FieldCipher } from '../platform/crypto/index.ts';
import type { Db } from '../platform/db/database.ts';

// Crockford's base32: no I, L, O or U, so a code read out over the phone is not misheard.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 10 characters of 5 bits: 50 bits of randomness, beyond guessing at a rate-limited endpoint. */
export const LOOKUP_CODE_LENGTH = 10;
const LOOKUP_CONTEXT = 'case_record.lookup';

/**
 * The next readable tracking number of a division's day, e.g. 230100-20261128-000123. It is taken
 * in its own short statement rather than in the creating transaction, so that concurrent creates
 * do not queue behind one counter row until commit; a rolled-back create leaves a gap, never a
 * duplicate (the column is unique).
 */
export async function nextTrackingNumber(db: Db, divisionCode: string, day: string): Promise<string> {
  const row = await sql<{ last_value: number }>`
    INSERT INTO tracking_counter (division_code, day, last_value) VALUES (${divisionCode}, ${day}, 1)
    ON CONFLICT (division_code, day) DO UPDATE SET last_value = tracking_counter.last_value + 1
    RETURNING last_value`.execute(db);
  const value = row.rows[0]?.last_value ?? 1;
  return `${divisionCode}-${day.replaceAll('-', '')}-${String(value).padStart(6, '0')}`;
}

export function newLookupCode(): string {
  let code = '';
  for (let i = 0; i < LOOKUP_CODE_LENGTH; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/**
 * Only a keyed hash of the code is kept: a copy of the database does not let anyone follow a
 * case, and the tracking number in the hash ties the code to its case.
 */
export function lookupHashOf(cipher: FieldCipher, trackingNumber: string, code: string): Buffer {
  return cipher.lookupHash(`${trackingNumber}:${code}`, LOOKUP_CONTEXT);
}

export function lookupHashesOf(cipher: FieldCipher, trackingNumber: string, code: string): Buffer[] {
  return cipher.lookupHashes(`${trackingNumber}:${code}`, LOOKUP_CONTEXT);
}

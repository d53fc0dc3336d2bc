import type { FieldCipher } from '../crypto/index.ts';
import type { Db } from '../db/database.ts';
import type { NotificationChannel } from '../db/tables/notify.ts';
import type { Tx } from '../db/transaction.ts';

const EMAIL_CONTEXT = 'app_user.email';
const MOBILE_CONTEXT = 'app_user.mobile';

/** Deliberately plain: one @, no spaces, a dotted domain; the mail server has the final word. */
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;

export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/** `zhangsan@example.cn` → `z***@example.cn`: enough for the owner to recognise it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

/** An e-mail address as stored: ciphertext bound to its column, and a masked copy to show. */
export function protectEmail(cipher: FieldCipher, email: string): { enc: Buffer; masked: string } {
  return { enc: cipher.encrypt(email, EMAIL_CONTEXT), masked: maskEmail(email) };
}

/** Sets or (with null) removes a person's e-mail address; the caller has checked who may. */
export async function setUserEmail(
  tx: Tx,
  cipher: FieldCipher,
  userId: string,
  email: string | null,
): Promise<void> {
  const normalised = email?.trim() ?? null;
  if (normalised !== null && !isEmailAddress(normalised)) throw new RangeError('not an e-mail address');
  const stored = normalised ? protectEmail(cipher, normalised) : null;
  await tx
    .updateTable('app_user')
    .set({ email_enc: stored?.enc ?? null, email_masked: stored?.masked ?? null })
    .where('id', '=', userId)
    .execute();
}

/** The external channels a person can be reached on now, without decrypting anything. */
export async function reachableChannels(tx: Tx, userId: string): Promise<NotificationChannel[] | undefined> {
  const row = await tx
    .selectFrom('app_user')
    .select(['mobile_enc', 'email_enc'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row) return undefined;
  const channels: NotificationChannel[] = [];
  if (row.email_enc) channels.push('email');
  if (row.mobile_enc) channels.push('sms');
  return channels;
}

export type Destination = { to: string } | { skip: string };

/**
 * The address a delivery goes to, decrypted at the moment of sending so that it never sits in
 * the outbox, and so that a number changed since the notification was written is the one used.
 */
export async function destinationFor(
  db: Db,
  cipher: FieldCipher,
  userId: string,
  channel: NotificationChannel,
): Promise<Destination> {
  const user = await db
    .selectFrom('app_user')
    .select(['status', 'mobile_enc', 'email_enc'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) return { skip: 'recipient not found' };
  if (user.status !== 'active') return { skip: 'recipient account disabled' };
  const enc = channel === 'sms' ? user.mobile_enc : user.email_enc;
  if (!enc) return { skip: channel === 'sms' ? 'recipient has no mobile number' : 'recipient has no e-mail' };
  return { to: cipher.decrypt(enc, channel === 'sms' ? MOBILE_CONTEXT : EMAIL_CONTEXT) };
}

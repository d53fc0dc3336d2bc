import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { SecuritySettings } from '../../config.ts';
import { recordEvent } from '../audit/record.ts';
import type { Tx } from '../db/transaction.ts';
import { ConflictProblem, ValidationProblem } from '../http/problems.ts';
import type { PlatformServices } from '../services.ts';
import { checkTotp, newTotpSecret, totpEnrolment } from './totp.ts';

const TOTP_CONTEXT = 'app_user.totp_secret';
const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

const hashRecoveryCode = (code: string) => createHash('sha256').update(code.toUpperCase()).digest();

function newRecoveryCode(): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** Starts enrolment: a new secret, kept encrypted and unused until a code from it is confirmed. */
export async function startTotpEnrolment(tx: Tx, s: PlatformServices, userId: string, label: string) {
  const user = await tx
    .selectFrom('app_user')
    .select('totp_enabled_at')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (user.totp_enabled_at)
    throw new ConflictProblem('second_factor_enabled', 'a second factor is already enrolled');
  const secret = newTotpSecret();
  await tx
    .updateTable('app_user')
    .set({ totp_secret_enc: s.cipher.encrypt(secret, TOTP_CONTEXT) })
    .where('id', '=', userId)
    .execute();
  return totpEnrolment(secret, label);
}

/** Confirms enrolment with a code from the app, and hands out ten one-time recovery codes. */
export async function confirmTotpEnrolment(tx: Tx, s: PlatformServices, userId: string, code: string) {
  const user = await tx
    .selectFrom('app_user')
    .select(['totp_secret_enc', 'totp_enabled_at'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (user.totp_enabled_at)
    throw new ConflictProblem('second_factor_enabled', 'a second factor is already enrolled');
  if (!user.totp_secret_enc) throw new ConflictProblem('enrolment_not_started', 'start the enrolment first');
  const check = await checkTotp(s.cipher.decrypt(user.totp_secret_enc, TOTP_CONTEXT), code, null);
  if (!check.valid) throw wrongCode();
  await tx
    .updateTable('app_user')
    .set({ totp_enabled_at: new Date(), totp_last_step: check.step })
    .where('id', '=', userId)
    .execute();
  const codes = Array.from({ length: 10 }, newRecoveryCode);
  await tx.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
  await tx
    .insertInto('recovery_code')
    .values(
      codes.map((c) => ({ id: uuidv7(), user_id: userId, code_hash: hashRecoveryCode(c), used_at: null })),
    )
    .execute();
  return codes;
}

/**
 * The second sign-in step. A wrong code counts towards the same lockout as a wrong password,
 * so six digits cannot be guessed; each attempt is audited.
 */
export async function passSecondFactor(
  tx: Tx,
  s: PlatformServices,
  userId: string,
  code: string,
): Promise<boolean> {
  const user = await tx
    .selectFrom('app_user')
    .select(['failed_logins', 'locked_until'])
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const locked = Boolean(user.locked_until && user.locked_until.getTime() > Date.now());
  const ok = !locked && (await checkSecondFactor(tx, s, userId, code));
  await recordEvent(tx, {
    action: 'auth.second_factor',
    outcome: ok ? 'success' : 'failure',
    targetType: 'app_user',
    targetId: userId,
    details: {
      method: code.includes('-') ? 'recovery_code' : 'totp',
      ...(locked ? { reason: 'locked' } : {}),
    },
  });
  if (!ok && !locked) await countFailedAttempt(tx, userId, user.failed_logins, s.security);
  if (ok) await tx.updateTable('app_user').set({ failed_logins: 0 }).where('id', '=', userId).execute();
  return ok;
}

export async function countFailedAttempt(
  tx: Tx,
  userId: string,
  failedBefore: number,
  security: SecuritySettings,
) {
  const failures = failedBefore + 1;
  const lock = failures >= security.lockout.maxFailures;
  await tx
    .updateTable('app_user')
    .set({
      failed_logins: lock ? 0 : failures,
      locked_until: lock ? new Date(Date.now() + security.lockout.lockMinutes * 60_000) : null,
    })
    .where('id', '=', userId)
    .execute();
}

async function checkSecondFactor(
  tx: Tx,
  s: PlatformServices,
  userId: string,
  code: string,
): Promise<boolean> {
  if (code.includes('-')) {
    const used = await tx
      .updateTable('recovery_code')
      .set({ used_at: new Date() })
      .where('user_id', '=', userId)
      .where('code_hash', '=', hashRecoveryCode(code))
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(used.numUpdatedRows) === 1;
  }
  const user = await tx
    .selectFrom('app_user')
    .select(['totp_secret_enc', 'totp_last_step'])
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (!user.totp_secret_enc) return false;
  const check = await checkTotp(
    s.cipher.decrypt(user.totp_secret_enc, TOTP_CONTEXT),
    code,
    user.totp_last_step,
  );
  if (!check.valid) return false;
  await tx.updateTable('app_user').set({ totp_last_step: check.step }).where('id', '=', userId).execute();
  return true;
}

export function wrongCode() {
  return new ValidationProblem([
    { field: 'body.code', code: 'wrong_code', message: 'the code is wrong or was already used' },
  ]);
}

/** The TOTP secret of a demo account, for the start-up banner in demo mode only. */
export function readTotpSecret(s: PlatformServices, enc: Buffer): string {
  return s.cipher.decrypt(enc, TOTP_CONTEXT);
}

export function encryptTotpSecret(s: PlatformServices, secret: string): Buffer {
  return s.cipher.encrypt(secret, TOTP_CONTEXT);
}

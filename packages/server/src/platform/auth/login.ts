import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { SecuritySettings } from '../../config.ts';
import { recordEvent } from '../audit/record.ts';
import type { Db } from '../db/database.ts';
import type { AppUserTable, SessionStage } from '../db/schema.ts';
import { type ActorContext, inTransaction } from '../db/transaction.ts';
import { decoyHash, passwordExpired, verifyPassword } from './passwords.ts';
import { countFailedAttempt } from './secondFactor.ts';

/** Looks people up by a keyed hash of their ID or mobile number; the clear value is never stored. */
export type LookupHasher = { lookupHash(value: string, context: string): Buffer };

export type PasswordCheck =
  | { ok: true; userId: string; stage: SessionStage }
  | { ok: false; reason: 'invalid_credentials' | 'too_many_attempts' };

export type Candidate = Pick<
  Selectable<AppUserTable>,
  | 'id'
  | 'kind'
  | 'password_hash'
  | 'failed_logins'
  | 'locked_until'
  | 'totp_enabled_at'
  | 'status'
  | 'must_change_password'
  | 'password_changed_at'
>;

/**
 * The password step of signing in. Every failure answers alike, whether the account is
 * unknown, the password wrong or the account locked, and takes as long; each is audited.
 */
export async function checkPassword(
  db: Db,
  hasher: LookupHasher,
  security: SecuritySettings,
  input: { identifier: string; password: string },
  actor: ActorContext,
): Promise<PasswordCheck> {
  if (await tooManyAttempts(db, actor.clientIp ?? 'unknown', security.lockout.attemptsPerMinute)) {
    await inTransaction(db, actor, (tx) =>
      recordEvent(tx, { action: 'auth.login', outcome: 'denied', details: { reason: 'rate_limited' } }),
    );
    return { ok: false, reason: 'too_many_attempts' };
  }
  const user = await findByIdentifier(db, hasher, input.identifier.trim());
  const passwordOk = await verifyPassword(user?.password_hash ?? (await decoyHash()), input.password);
  const locked = Boolean(user?.locked_until && user.locked_until.getTime() > Date.now());
  return inTransaction(db, { ...actor, userId: user?.id ?? null }, async (tx) => {
    if (user?.status !== 'active' || locked || !passwordOk) {
      if (user && !locked && !passwordOk) await countFailedAttempt(tx, user.id, user.failed_logins, security);
      await recordEvent(tx, {
        action: 'auth.login',
        outcome: 'failure',
        targetType: user ? 'app_user' : undefined,
        targetId: user?.id,
        details: {
          reason: !user
            ? 'unknown_identifier'
            : locked
              ? 'locked'
              : user.status !== 'active'
                ? 'disabled'
                : 'wrong_password',
        },
      });
      return { ok: false, reason: 'invalid_credentials' };
    }
    await tx
      .updateTable('app_user')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', user.id)
      .execute();
    await recordEvent(tx, {
      action: 'auth.password',
      outcome: 'success',
      targetType: 'app_user',
      targetId: user.id,
    });
    return { ok: true, userId: user.id, stage: nextStage(user, security) };
  });
}

/** What a person must still do after the password: a second factor, then a fresh password. */
export function nextStage(user: Candidate, security: SecuritySettings): SessionStage {
  const needsSecondFactor = user.kind === 'staff' || security.citizenSecondFactor === 'required';
  if (user.totp_enabled_at) return 'second_factor';
  if (needsSecondFactor) return 'enrol_second_factor';
  return afterSecondFactor(user, security);
}

export function afterSecondFactor(user: Candidate, security: SecuritySettings): SessionStage {
  const expired = passwordExpired(user.password_changed_at, security.password);
  return user.must_change_password || expired ? 'password_change' : 'complete';
}

export function findByIdentifier(
  db: Db,
  hasher: LookupHasher,
  identifier: string,
): Promise<Candidate | undefined> {
  const upper = identifier.toUpperCase();
  return db
    .selectFrom('app_user')
    .select(['id', 'kind', 'password_hash', 'failed_logins', 'locked_until', 'totp_enabled_at', 'status'])
    .select(['must_change_password', 'password_changed_at'])
    .where((eb) =>
      eb.or([
        eb('username', '=', identifier),
        eb('credit_code', '=', upper),
        eb('id_number_hash', '=', hasher.lookupHash(upper, 'app_user.id_number')),
      ]),
    )
    .executeTakeFirst();
}

/** Counted in the database, so the limit holds however many server processes there are. */
async function tooManyAttempts(db: Db, clientIp: string, perMinute: number): Promise<boolean> {
  const key = createHash('sha256').update(`login:${clientIp}`).digest();
  await db.insertInto('login_attempt').values({ key_hash: key }).execute();
  const { n } = await db
    .selectFrom('login_attempt')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('key_hash', '=', key)
    .where('attempted_at', '>', sql<Date>`now() - interval '1 minute'`)
    .executeTakeFirstOrThrow();
  if (Math.random() < 0.01) {
    await db
      .deleteFrom('login_attempt')
      .where('attempted_at', '<', sql<Date>`now() - interval '10 minutes'`)
      .execute();
  }
  return n > perMinute;
}

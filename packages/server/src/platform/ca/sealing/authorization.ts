import type { Principal } from '../../access/principal.ts';
import { recordEvent } from '../../audit/record.ts';
import { verifyPassword } from '../../auth/passwords.ts';
import { countFailedAttempt, passSecondFactor } from '../../auth/secondFactor.ts';
import type { Tx } from '../../db/transaction.ts';
import type { PlatformServices } from '../../services.ts';

export const SEAL_KEEPER_ROLE = 'seal_keeper';

/** How long a confirmation counts as fresh: one seal, within two minutes (电子签名法第13条第1款第2项). */
export const FRESH_FOR_MS = 120_000;

const brand: unique symbol = Symbol('FreshAuthorization');

/**
 * Proof that the seal keeper confirmed, just now, with their own password (and second factor when
 * they have one), that this seal may be used for this document. Only `confirmSealUse` makes one,
 * so the signing code cannot be reached with a session alone.
 */
export type FreshAuthorization = {
  readonly [brand]: true;
  userId: string;
  requestId: string;
  /** The unit whose seal was authorized: the seal of another unit is not covered. */
  orgUnitId: string;
  at: Date;
  method: 'password' | 'password+totp';
};

/** The seal keeper of exactly this unit: a seal is the unit's own, not its parent's or child's. */
export function keepsSealOf(principal: Principal | undefined, orgUnitId: string): boolean {
  return Boolean(
    principal?.memberships.some((m) => m.roleCode === SEAL_KEEPER_ROLE && m.orgUnitId === orgUnitId),
  );
}

export type Confirmation = { password: string; code?: string };

export type ConfirmOutcome =
  | { ok: true; authorization: FreshAuthorization }
  | {
      ok: false;
      field: 'body.password' | 'body.code';
      code: 'wrong_password' | 'code_required' | 'wrong_code' | 'locked';
    };

/**
 * Checks the seal keeper's password (and TOTP code, if enrolled) again, now. Failures count towards
 * the account's lockout like a failed sign-in, and every attempt is audited.
 */
export async function confirmSealUse(
  tx: Tx,
  s: PlatformServices,
  userId: string,
  request: { id: string; orgUnitId: string },
  confirmation: Confirmation,
): Promise<ConfirmOutcome> {
  const requestId = request.id;
  const user = await tx
    .selectFrom('app_user')
    .select(['password_hash', 'failed_logins', 'locked_until', 'totp_enabled_at'])
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const refuse = async (outcome: Extract<ConfirmOutcome, { ok: false }>) => {
    await recordEvent(tx, {
      action: 'seal.authorize',
      outcome: 'failure',
      targetType: 'seal_request',
      targetId: requestId,
      details: { reason: outcome.code },
    });
    return outcome;
  };
  if (user.locked_until && user.locked_until.getTime() > Date.now()) {
    return refuse({ ok: false, field: 'body.password', code: 'locked' });
  }
  if (!(await verifyPassword(user.password_hash, confirmation.password))) {
    await countFailedAttempt(tx, userId, user.failed_logins, s.security);
    return refuse({ ok: false, field: 'body.password', code: 'wrong_password' });
  }
  if (user.totp_enabled_at) {
    if (!confirmation.code) return refuse({ ok: false, field: 'body.code', code: 'code_required' });
    if (!(await passSecondFactor(tx, s, userId, confirmation.code))) {
      return refuse({ ok: false, field: 'body.code', code: 'wrong_code' });
    }
  }
  const method = user.totp_enabled_at ? 'password+totp' : 'password';
  await recordEvent(tx, {
    action: 'seal.authorize',
    outcome: 'success',
    targetType: 'seal_request',
    targetId: requestId,
    details: { method },
  });
  return {
    ok: true,
    authorization: { [brand]: true, userId, requestId, orgUnitId: request.orgUnitId, at: new Date(), method },
  };
}

/** Whether an authorization covers this keeper, this request, this unit's seal, now. */
export function isFresh(
  a: FreshAuthorization,
  use: { userId: string; requestId: string; orgUnitId: string },
  now = Date.now(),
): boolean {
  return (
    a.userId === use.userId &&
    a.requestId === use.requestId &&
    a.orgUnitId === use.orgUnitId &&
    now - a.at.getTime() <= FRESH_FOR_MS
  );
}

import type { Me } from '@yiwang/contracts';
import { afterSecondFactor } from '../../platform/auth/login.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import type { LoadedSession } from '../../platform/auth/sessions.ts';
import type { Db } from '../../platform/db/database.ts';
import type { SessionStage } from '../../platform/db/schema.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { ValidationProblem } from '../../platform/http/problems.ts';
import type { PlatformServices } from '../../platform/services.ts';
import { passwordErrors, throwIfAny } from './fields.ts';

export async function describeMe(db: Db, session: LoadedSession): Promise<Me> {
  const u = await db
    .selectFrom('app_user')
    .select(['id', 'kind', 'display_name', 'verification_level', 'totp_enabled_at', 'must_change_password'])
    .select(['id_number_masked', 'mobile_masked'])
    .where('id', '=', session.userId)
    .executeTakeFirstOrThrow();
  const memberships = await db
    .selectFrom('membership as m')
    .innerJoin('org_unit as o', 'o.id', 'm.org_unit_id')
    .select(['m.id', 'm.org_unit_id', 'o.code', 'o.name_zh', 'o.name_en', 'm.role_code', 'm.reach'])
    .where('m.user_id', '=', u.id)
    .where('m.revoked_at', 'is', null)
    .orderBy('o.code')
    .execute();
  return {
    userId: u.id,
    kind: u.kind,
    displayName: u.display_name,
    stage: session.stage,
    csrfToken: session.csrfToken,
    verificationLevel: u.verification_level,
    secondFactorEnabled: Boolean(u.totp_enabled_at),
    mustChangePassword: u.must_change_password,
    idNumberMasked: u.id_number_masked,
    mobileMasked: u.mobile_masked,
    memberships: memberships.map((m) => ({
      id: m.id,
      orgUnitId: m.org_unit_id,
      orgUnitCode: m.code,
      orgUnitName: { zh: m.name_zh, en: m.name_en },
      roleCode: m.role_code,
      reach: m.reach,
    })),
  };
}

/** A new password must meet the policy and differ from the old; other sessions end with it. */
export async function changePassword(
  tx: Tx,
  s: PlatformServices,
  userId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await tx
    .selectFrom('app_user')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new ValidationProblem([
      { field: 'body.currentPassword', code: 'wrong_password', message: 'the current password is wrong' },
    ]);
  }
  const errors = passwordErrors('body.newPassword', input.newPassword, s.security);
  if (input.newPassword === input.currentPassword) {
    errors.push({
      field: 'body.newPassword',
      code: 'password.unchanged',
      message: 'choose a password you have not used now',
    });
  }
  throwIfAny(errors);
  await tx
    .updateTable('app_user')
    .set({
      password_hash: await hashPassword(input.newPassword),
      password_changed_at: new Date(),
      must_change_password: false,
    })
    .where('id', '=', userId)
    .execute();
}

/** The stage after the second factor is enrolled or passed: a password change may still be due. */
export async function stageAfterSecondFactor(
  tx: Tx,
  s: PlatformServices,
  userId: string,
): Promise<SessionStage> {
  const user = await tx
    .selectFrom('app_user')
    .select(['id', 'kind', 'password_hash', 'failed_logins', 'locked_until', 'totp_enabled_at', 'status'])
    .select(['must_change_password', 'password_changed_at'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return afterSecondFactor(user, s.security);
}

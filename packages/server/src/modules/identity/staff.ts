import { randomInt } from 'node:crypto';
import type { CreateStaff, FieldError, GrantMembership } from '@yiwang/contracts';
import { v7 as uuidv7 } from 'uuid';
import { separationConflict } from '../../platform/access/policy.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { ConflictProblem, NotFoundProblem, ValidationProblem } from '../../platform/http/problems.ts';
import { protectMobile } from '../../platform/pii.ts';
import type { PlatformServices } from '../../platform/services.ts';
import { insertAccount } from './accounts.ts';
import { checkedMobile, throwIfAny } from './fields.ts';

const PASSWORD_SETS = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '!@#$%&*?'];

/** A one-time initial password that meets any policy: it must be changed at first sign-in. */
export function initialPassword(length = 14): string {
  const chars = PASSWORD_SETS.map((set) => set[randomInt(set.length)]);
  const all = PASSWORD_SETS.join('');
  while (chars.length < length) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

export async function createStaff(tx: Tx, s: PlatformServices, input: CreateStaff) {
  const errors: FieldError[] = [];
  const mobile = input.mobile ? checkedMobile(input.mobile, 'body.mobile', errors) : undefined;
  throwIfAny(errors);
  const taken = await tx
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', input.username)
    .executeTakeFirst();
  if (taken) throw new ConflictProblem('username_taken', `the user name ${input.username} is taken`);
  const password = initialPassword();
  const phone = mobile ? protectMobile(s.cipher, mobile) : undefined;
  const userId = uuidv7();
  await insertAccount(tx, {
    id: userId,
    kind: 'staff',
    username: input.username,
    display_name: input.displayName,
    mobile_enc: phone?.enc ?? null,
    mobile_hash: phone?.hash ?? null,
    mobile_masked: phone?.masked ?? null,
    password_hash: await hashPassword(password),
    must_change_password: true,
  });
  return { userId, initialPassword: password };
}

/** A role in a unit with a reach; three-officer separation is checked here, in the service. */
export async function grantMembership(tx: Tx, userId: string, input: GrantMembership, grantedBy: string) {
  const user = await tx
    .selectFrom('app_user')
    .select('kind')
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  if (!user) throw new NotFoundProblem(`no user ${userId}`);
  if (user.kind !== 'staff') throw new ConflictProblem('not_staff', 'only staff accounts hold roles');
  const role = await tx
    .selectFrom('role')
    .select(['code', 'officer'])
    .where('code', '=', input.roleCode)
    .executeTakeFirst();
  if (!role)
    throw new ValidationProblem([{ field: 'body.roleCode', code: 'unknown_role', message: 'no such role' }]);
  const unit = await tx
    .selectFrom('org_unit')
    .select(['id', 'retired_on'])
    .where('id', '=', input.orgUnitId)
    .executeTakeFirst();
  if (!unit || unit.retired_on)
    throw new ValidationProblem([
      { field: 'body.orgUnitId', code: 'unknown_unit', message: 'no such active unit' },
    ]);
  const held = await tx
    .selectFrom('membership as m')
    .innerJoin('role as r', 'r.code', 'm.role_code')
    .select(['m.role_code as roleCode', 'r.officer'])
    .where('m.user_id', '=', userId)
    .where('m.revoked_at', 'is', null)
    .execute();
  const conflict = separationConflict(held, { roleCode: role.code, officer: role.officer });
  if (conflict) {
    throw new ConflictProblem(
      conflict,
      'system administrator, security administrator and security auditor are each held alone',
    );
  }
  const id = uuidv7();
  const inserted = await tx
    .insertInto('membership')
    .values({
      id,
      user_id: userId,
      org_unit_id: unit.id,
      role_code: role.code,
      reach: input.reach,
      granted_by: grantedBy,
      revoked_at: null,
    })
    .onConflict((oc) =>
      oc.columns(['user_id', 'org_unit_id', 'role_code']).where('revoked_at', 'is', null).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  if (!inserted)
    throw new ConflictProblem('membership_exists', 'the user already holds this role in this unit');
  return id;
}

export async function revokeMembership(tx: Tx, userId: string, membershipId: string) {
  const result = await tx
    .updateTable('membership')
    .set({ revoked_at: new Date() })
    .where('id', '=', membershipId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new NotFoundProblem('no such active membership');
}

export async function listUsers(db: Db, q: { q?: string; kind?: 'staff' | 'citizen' | 'business' }) {
  let query = db
    .selectFrom('app_user')
    .select(['id', 'kind', 'username', 'display_name', 'id_number_masked', 'mobile_masked', 'credit_code'])
    .select(['verification_level', 'status', 'locked_until'])
    .orderBy('kind')
    .orderBy('display_name')
    .limit(100);
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.q) {
    const pattern = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('display_name', 'like', pattern),
        eb('username', 'like', pattern),
        eb('credit_code', 'like', pattern),
      ]),
    );
  }
  const users = await query.execute();
  const memberships = users.length
    ? await db
        .selectFrom('membership as m')
        .innerJoin('org_unit as o', 'o.id', 'm.org_unit_id')
        .select([
          'm.id',
          'm.user_id',
          'm.org_unit_id',
          'o.code',
          'o.name_zh',
          'o.name_en',
          'm.role_code',
          'm.reach',
        ])
        .where(
          'm.user_id',
          'in',
          users.map((u) => u.id),
        )
        .where('m.revoked_at', 'is', null)
        .execute()
    : [];
  return users.map((u) => ({
    id: u.id,
    kind: u.kind,
    username: u.username,
    displayName: u.display_name,
    idNumberMasked: u.id_number_masked,
    mobileMasked: u.mobile_masked,
    creditCode: u.credit_code,
    verificationLevel: u.verification_level,
    status: u.status,
    locked: Boolean(u.locked_until && u.locked_until.getTime() > Date.now()),
    memberships: memberships
      .filter((m) => m.user_id === u.id)
      .map((m) => ({
        id: m.id,
        orgUnitId: m.org_unit_id,
        orgUnitCode: m.code,
        orgUnitName: { zh: m.name_zh, en: m.name_en },
        roleCode: m.role_code,
        reach: m.reach,
      })),
  }));
}

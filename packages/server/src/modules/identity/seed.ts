import { createHash } from 'node:crypto';
import { creditCodeCheckChar, organizationCodeCheckChar, residentIdCheckChar } from '@yiwang/standards';
import { v7 as uuidv7 } from 'uuid';
import { loadPrincipal, type Principal } from '../../platform/access/principal.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { encryptTotpSecret, readTotpSecret } from '../../platform/auth/secondFactor.ts';
import { newTotpSecret } from '../../platform/auth/totp.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Reach } from '../../platform/db/schema.ts';
import { protectIdNumber, protectMobile } from '../../platform/pii.ts';
import type { PlatformServices } from '../../platform/services.ts';
import { insertAccount } from './accounts.ts';
import { BUILTIN_ROLES } from './roles.ts';

/** Demo accounts share one password, printed at start in demo mode only. */
export const DEMO_PASSWORD = 'Yiwang@2026';

type DemoStaff = { username: string; name: string; unit: string; role: string; reach: Reach };

// One account per built-in role, in the units where that role lives.
const DEMO_STAFF: DemoStaff[] = [
  { username: 'clerk', name: '王晓红', unit: '230100-SCJG', role: 'clerk', reach: 'unit' },
  { username: 'reviewer', name: '李建国', unit: '230100-SCJG', role: 'reviewer', reach: 'unit' },
  { username: 'approver', name: '张伟', unit: '230100-SCJG', role: 'approver', reach: 'unit' },
  { username: 'head', name: '刘志强', unit: '230100-SCJG', role: 'agency_head', reach: 'unit' },
  { username: 'sealkeeper', name: '黄敏', unit: '230100-SCJG', role: 'seal_keeper', reach: 'unit' },
  { username: 'deptadmin', name: '陈静', unit: '230000-SCJG', role: 'dept_admin', reach: 'line' },
  { username: 'petition', name: '赵敏', unit: '230000-XF', role: 'petition_officer', reach: 'line' },
  { username: 'publisher', name: '孙丽', unit: '230000-ZWFW', role: 'publisher', reach: 'unit' },
  { username: 'secrecy', name: '周平', unit: '230000-ZWFW', role: 'confidentiality_reviewer', reach: 'unit' },
  { username: 'steward', name: '吴磊', unit: '230000-ZWFW', role: 'data_steward', reach: 'unit' },
  { username: 'statistician', name: '郑洁', unit: '230000-TJ', role: 'statistician', reach: 'line' },
  { username: 'emergency', name: '冯刚', unit: '230000-YJ', role: 'emergency_officer', reach: 'line' },
  { username: 'supervisor', name: '何云', unit: '230000', role: 'supervisor', reach: 'subtree' },
  { username: 'auditor', name: '高峰', unit: '230000-SJ', role: 'auditor', reach: 'line' },
  { username: 'sysadmin', name: '马超', unit: '230000-ZWFW', role: 'system_admin', reach: 'unit' },
  { username: 'secadmin', name: '林青', unit: '230000-ZWFW', role: 'security_admin', reach: 'unit' },
  { username: 'secauditor', name: '罗兰', unit: '230000-ZWFW', role: 'security_auditor', reach: 'unit' },
];

export type DemoAccount = { login: string; kind: string; role: string; totpSecret: string | null };

export async function seedRoles(db: Db): Promise<void> {
  await db
    .insertInto('role')
    .values(
      BUILTIN_ROLES.map((r) => ({
        code: r.code,
        name_zh: r.zh,
        name_en: r.en,
        officer: r.officer ?? null,
        reads_business_data: !r.officer,
        builtin: true,
      })),
    )
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

/** A valid ID number for the demo citizen: 道里区, born 1990-01-01. Demo data only. */
export function demoIdNumber(): string {
  const body = '23010219900101123';
  return `${body}${residentIdCheckChar(body)}`;
}

export function demoBusinessCreditCode(): string {
  const digest = createHash('sha256').update('demo business').digest();
  const body8 = [...digest.subarray(0, 8)].map((b) => String(b % 10)).join('');
  const body17 = `91230102${body8}${organizationCodeCheckChar(body8)}`;
  return `${body17}${creditCodeCheckChar(body17)}`;
}

export async function seedDemoAccounts(s: PlatformServices): Promise<number> {
  const existing = await s.db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', 'secadmin')
    .executeTakeFirst();
  if (existing) return 0;
  const password = await hashPassword(DEMO_PASSWORD);
  const units = new Map(
    (await s.db.selectFrom('org_unit').select(['id', 'code']).execute()).map((u) => [u.code, u.id]),
  );
  for (const staff of DEMO_STAFF) {
    const userId = uuidv7();
    await insertAccount(s.db, {
      id: userId,
      kind: 'staff',
      username: staff.username,
      display_name: staff.name,
      password_hash: password,
      totp_secret_enc: encryptTotpSecret(s, newTotpSecret()),
      totp_enabled_at: new Date(),
    });
    const unitId = units.get(staff.unit);
    if (!unitId) throw new Error(`demo unit ${staff.unit} is missing`);
    await s.db
      .insertInto('membership')
      .values({
        id: uuidv7(),
        user_id: userId,
        org_unit_id: unitId,
        role_code: staff.role,
        reach: staff.reach,
        granted_by: null,
        revoked_at: null,
      })
      .execute();
  }
  const id = protectIdNumber(s.cipher, demoIdNumber());
  const phone = protectMobile(s.cipher, '13800138000');
  await insertAccount(s.db, {
    id: uuidv7(),
    kind: 'citizen',
    display_name: '张三',
    password_hash: password,
    id_number_enc: id.enc,
    id_number_hash: id.hash,
    id_number_masked: id.masked,
    mobile_enc: phone.enc,
    mobile_hash: phone.hash,
    mobile_masked: phone.masked,
  });
  await insertAccount(s.db, {
    id: uuidv7(),
    kind: 'business',
    display_name: '哈尔滨市道里区示例食品有限公司',
    credit_code: demoBusinessCreditCode(),
    legal_representative: '李四',
    password_hash: password,
    mobile_enc: phone.enc,
    mobile_hash: phone.hash,
    mobile_masked: phone.masked,
  });
  return DEMO_STAFF.length + 2;
}

/** The demo sign-ins for the start-up banner: demo mode only, never in production. */
export async function listDemoAccounts(s: PlatformServices): Promise<DemoAccount[]> {
  const staff = await s.db
    .selectFrom('app_user as u')
    .innerJoin('membership as m', 'm.user_id', 'u.id')
    .select(['u.username', 'u.totp_secret_enc', 'm.role_code'])
    .where(
      'u.username',
      'in',
      DEMO_STAFF.map((d) => d.username),
    )
    .orderBy('u.username')
    .execute();
  const accounts: DemoAccount[] = staff.map((u) => ({
    login: u.username as string,
    kind: 'staff',
    role: u.role_code,
    totpSecret: u.totp_secret_enc ? readTotpSecret(s, u.totp_secret_enc) : null,
  }));
  accounts.push({ login: demoIdNumber(), kind: 'citizen', role: '-', totpSecret: null });
  accounts.push({ login: demoBusinessCreditCode(), kind: 'business', role: '-', totpSecret: null });
  return accounts;
}

/** A demo account as a principal, by user name or (the first of) its kind: what the demo seeds act as. */
export async function demoPrincipal(
  db: Db,
  who: { username?: string; kind?: 'citizen' | 'business' },
): Promise<Principal> {
  let q = db.selectFrom('app_user').select('id');
  q = who.username ? q.where('username', '=', who.username) : q.where('kind', '=', who.kind ?? 'citizen');
  const principal = await loadPrincipal(db, (await q.orderBy('created_at').executeTakeFirstOrThrow()).id);
  if (!principal) throw new Error('a demo account is disabled');
  return principal;
}

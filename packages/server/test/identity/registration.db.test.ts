import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIdNumber } from '../../src/modules/identity/seed.ts';
import type { PlatformServices } from '../../src/platform/services.ts';
import { as, type DemoWorld, demoWorld, sessionFor, signedIn } from '../harness/people.ts';
import { createTestApp } from '../harness/testApp.ts';
import type { TestDatabase } from '../harness/testDb.ts';

let t: TestDatabase;
let s: PlatformServices;
let app: FastifyInstance;

let world: DemoWorld;

beforeAll(async () => {
  world = await demoWorld();
  ({ t, s, app } = world);
});
afterAll(() => world.close());

const users = async () =>
  (await t.db.selectFrom('app_user').select(t.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
const citizen = {
  realName: '李小明',
  idNumber: '11010519491231002X',
  mobile: '+86 139-0000-1234',
  password: 'Citizen-2026',
};

describe('citizen registration', () => {
  it('stores the ID and mobile numbers encrypted, with a keyed hash and a masked copy', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/register/citizen', payload: citizen });
    expect(res.statusCode).toBe(201);
    expect(res.json().verificationLevel).toBe('self_declared');
    const row = await t.owner
      .selectFrom('app_user')
      .selectAll()
      .where('id', '=', res.json().userId)
      .executeTakeFirstOrThrow();
    expect(row.id_number_masked).toBe('110105********002X');
    expect(row.mobile_masked).toBe('139****1234');
    const stored = Buffer.concat([
      row.id_number_enc as Buffer,
      row.id_number_hash as Buffer,
      row.mobile_enc as Buffer,
    ]);
    expect(stored.includes(Buffer.from('11010519491231002X'))).toBe(false);
    expect(stored.includes(Buffer.from('13900001234'))).toBe(false);
    const audit = await t.owner
      .selectFrom('audit_event')
      .select('details')
      .where('target_id', '=', row.id)
      .execute();
    expect(JSON.stringify(audit)).not.toMatch(/11010519491231002X|13900001234|李小明/);
  });

  it('signs the citizen in with the ID number, lower-case x included', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { identifier: '11010519491231002x', password: citizen.password },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().stage).toBe('complete');
  });

  it('keeps one account per ID number', async () => {
    const before = await users();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/register/citizen',
      payload: { ...citizen, mobile: '13900005678' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('already_registered');
    expect(await users()).toBe(before);
  });

  it('says which rule a wrong ID number breaks, in Chinese and English, and writes nothing', async () => {
    const before = await users();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/register/citizen',
      payload: {
        ...citizen,
        idNumber: '110105194912310021',
        mobile: '12345678901',
        password: 'alllowercase',
      },
    });
    expect(res.statusCode).toBe(400);
    const byField = Object.fromEntries(res.json().errors.map((e: { field: string }) => [e.field, e]));
    expect(byField['body.idNumber'].code).toBe('invalid_id_number');
    expect(byField['body.idNumber'].params.reasons).toContainEqual(
      expect.objectContaining({
        code: 'id.check_digit',
        zh: expect.stringMatching(/[\u4e00-\u9fff]/),
        en: expect.stringMatching(/check/i),
      }),
    );
    expect(byField['body.mobile'].code).toBe('invalid_mobile');
    expect(byField['body.password'].code).toBe('password.too_few_classes');
    expect(await users()).toBe(before);
  });
});

describe('business registration', () => {
  it('accepts a valid unified social credit code and refuses a wrong check character', async () => {
    const ok = await app.inject({
      method: 'POST',
      url: '/api/v1/register/business',
      payload: {
        name: '福州示例公司',
        creditCode: '91350100M000100Y43',
        legalRepresentative: '王五',
        contactMobile: '13700001111',
        password: 'Business-2026',
      },
    });
    expect(ok.statusCode).toBe(201);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/register/business',
      payload: {
        name: '错误公司',
        creditCode: '91350100M000100Y44',
        legalRepresentative: '王五',
        contactMobile: '13700001111',
        password: 'Business-2026',
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'body.creditCode', code: 'invalid_credit_code' });
    expect(bad.json().errors[0].params.reasons[0].code).toBe('uscc.check_digit');
  });
});

describe('personal data: masked everywhere, unmasked only as an audited act', () => {
  it('lets window staff unmask an ID number and records the reading, not the value', async () => {
    const clerk = await signedIn(s, 'clerk');
    const target = await t.db
      .selectFrom('app_user')
      .select('id')
      .where('kind', '=', 'citizen')
      .where('display_name', '=', '张三')
      .executeTakeFirstOrThrow();
    const res = await as(app, clerk)({ url: `/api/v1/users/${target.id}/personal?field=idNumber` });
    expect(res.statusCode).toBe(200);
    expect(res.json().value).toBe(demoIdNumber());
    const event = await t.owner
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'pii.reveal')
      .where('target_id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(event.actor_user_id).toBe(clerk.userId);
    expect(event.details).toEqual({ field: 'idNumber' });
  });

  it('refuses the officers and the citizen, and audits each refusal', async () => {
    const target = await t.db
      .selectFrom('app_user')
      .select('id')
      .where('display_name', '=', '张三')
      .executeTakeFirstOrThrow();
    for (const username of ['secadmin', 'sysadmin', 'secauditor']) {
      const res = await as(
        app,
        await signedIn(s, username),
      )({ url: `/api/v1/users/${target.id}/personal?field=mobile` });
      expect(res.statusCode).toBe(403);
    }
    const denials = await t.owner
      .selectFrom('audit_event')
      .select('outcome')
      .where('action', '=', 'access.denied')
      .where('target_id', '=', 'GET /api/v1/users/:id/personal')
      .execute();
    expect(denials.length).toBeGreaterThanOrEqual(3);
  });
});

describe('privilege escalation by editing a request', () => {
  it('refuses a citizen who posts to the admin API with someone else’s id', async () => {
    const row = await t.db
      .selectFrom('app_user')
      .select('id')
      .where('display_name', '=', '张三')
      .executeTakeFirstOrThrow();
    const citizenCaller = await sessionFor(s, row.id);
    const clerkId = (
      await t.db.selectFrom('app_user').select('id').where('username', '=', 'clerk').executeTakeFirstOrThrow()
    ).id;
    const unit = await t.db
      .selectFrom('org_unit')
      .select('id')
      .where('code', '=', '230000')
      .executeTakeFirstOrThrow();
    const res = await as(
      app,
      citizenCaller,
    )({
      method: 'POST',
      url: `/api/v1/admin/users/${clerkId}/memberships`,
      payload: { orgUnitId: unit.id, roleCode: 'security_admin', reach: 'subtree' },
    });
    expect(res.statusCode).toBe(403);
    const memberships = await t.db
      .selectFrom('membership')
      .select('role_code')
      .where('user_id', '=', clerkId)
      .where('revoked_at', 'is', null)
      .execute();
    expect(memberships.map((m) => m.role_code)).toEqual(['clerk']);
  });

  it('keeps the three officers apart: no one holds two, and an officer holds nothing else', async () => {
    const admin = await signedIn(s, 'secadmin');
    const secadminId = admin.userId;
    const unit = await t.db
      .selectFrom('org_unit')
      .select('id')
      .where('code', '=', '230000-ZWFW')
      .executeTakeFirstOrThrow();
    const grant = (userId: string, roleCode: string) =>
      as(
        app,
        admin,
      )({
        method: 'POST',
        url: `/api/v1/admin/users/${userId}/memberships`,
        payload: { orgUnitId: unit.id, roleCode },
      });
    const self = await grant(secadminId, 'security_auditor');
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('officer_roles_exclusive');
    const clerkId = (
      await t.db.selectFrom('app_user').select('id').where('username', '=', 'clerk').executeTakeFirstOrThrow()
    ).id;
    expect((await grant(clerkId, 'system_admin')).statusCode).toBe(409);
    expect((await grant(clerkId, 'reviewer')).statusCode).toBe(201);
  });
});

describe('real-name verification through a provider', () => {
  it('raises the account to provider_verified when the provider confirms, and refuses a mismatch', async () => {
    // Stands in for an external real-name service (not our database): matches one name only.
    const provider = {
      name: 'test_provider',
      check: async (p: { realName: string }) =>
        (p.realName === '王核验' ? 'verified' : 'not_matched') as 'verified' | 'not_matched',
    };
    const withProvider = await createTestApp(t.db, { services: { ...s, realName: provider } });
    const ok = await withProvider.inject({
      method: 'POST',
      url: '/api/v1/register/citizen',
      payload: {
        realName: '王核验',
        idNumber: '230103198506124152',
        mobile: '13500001111',
        password: 'Verified-2026',
      },
    });
    const mismatch = await withProvider.inject({
      method: 'POST',
      url: '/api/v1/register/citizen',
      payload: {
        realName: '冒名者',
        idNumber: '230103198506124179',
        mobile: '13500002222',
        password: 'Verified-2026',
      },
    });
    await withProvider.close();
    expect(ok.statusCode).toBe(201);
    expect(ok.json().verificationLevel).toBe('provider_verified');
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors[0]).toMatchObject({
      field: 'body.realName',
      code: 'real_name_not_matched',
    });
  });

  it('verifies nothing online when built in: window staff raise the account after seeing documents', async () => {
    const row = await t.db
      .selectFrom('app_user')
      .select(['id', 'verification_level'])
      .where('display_name', '=', '张三')
      .executeTakeFirstOrThrow();
    expect(row.verification_level).toBe('self_declared');
    const clerk = await signedIn(s, 'clerk');
    expect((await as(app, clerk)({ method: 'POST', url: `/api/v1/users/${row.id}/verify` })).statusCode).toBe(
      204,
    );
    const after = await t.db
      .selectFrom('app_user')
      .select('verification_level')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(after.verification_level).toBe('staff_checked');
  });
});

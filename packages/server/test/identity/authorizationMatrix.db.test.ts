import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_ROLES } from '../../src/modules/identity/roles.ts';
import { generateOpenApi } from '../../src/openapi.ts';
import type { PlatformServices } from '../../src/platform/services.ts';
import { as, type Caller, seedPeople, sessionFor } from '../harness/people.ts';
import { createTestApp, testServices } from '../harness/testApp.ts';
import { createTestDatabase, type TestDatabase } from '../harness/testDb.ts';

/**
 * Every endpoint against every kind of caller: each built-in role, a citizen, a business and
 * nobody. "Allowed" means the policy let the request through (any status but 401 and 403);
 * "denied" means 401 or 403. A new endpoint fails this test until it is added here.
 */
type Who = 'anyone' | 'signed_in' | string[];
type Row = {
  method: 'GET' | 'POST';
  route: string;
  allowed: Who;
  url: (f: Fixture, caller: string) => string;
  body?: (f: Fixture, caller: string) => object;
};
type Fixture = Record<string, string>;

const SECADMIN = ['security_admin'];
const AUDITOR = ['security_auditor'];
const rows: Row[] = [
  {
    method: 'GET',
    route: '/api/v1/portal/articles.csv',
    allowed: 'anyone',
    url: () => '/api/v1/portal/articles.csv',
  },
  {
    method: 'GET',
    route: '/api/v1/portal/articles',
    allowed: 'anyone',
    url: () => '/api/v1/portal/articles',
  },
  {
    method: 'POST',
    route: '/api/v1/portal/site-feedback',
    allowed: 'anyone',
    url: () => '/api/v1/portal/site-feedback',
    body: () => ({ page: '/', category: 'other', description: '矩阵测试反馈' }),
  },
  { method: 'GET', route: '/api/v1/orgs/units', allowed: 'anyone', url: () => '/api/v1/orgs/units' },
  {
    method: 'GET',
    route: '/api/v1/orgs/units/{id}',
    allowed: 'anyone',
    url: (f) => `/api/v1/orgs/units/${f.unit}`,
  },
  {
    method: 'POST',
    route: '/api/v1/orgs/units',
    allowed: SECADMIN,
    url: () => '/api/v1/orgs/units',
    body: (_f, c) => ({
      code: `230102-M${c.length}${c
        .slice(0, 3)
        .toUpperCase()
        .replace(/[^A-Z]/g, 'X')}`,
      nameZh: `矩阵${c}`,
      nameEn: `Matrix ${c}`,
      divisionCode: '230102',
      establishedOn: '2026-01-01',
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/orgs/units/{id}/rename',
    allowed: SECADMIN,
    url: (f) => `/api/v1/orgs/units/${f.unit}/rename`,
    body: (_f, c) => ({
      nameZh: `改名${c}`,
      nameEn: `Renamed ${c}`,
      effectiveOn: '2026-01-01',
      reason: '矩阵测试',
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/orgs/units/{id}/retire',
    allowed: SECADMIN,
    url: (f) => `/api/v1/orgs/units/${f.leaf}/retire`,
    body: () => ({ effectiveOn: '2026-01-01', reason: '矩阵测试' }),
  },
  {
    method: 'POST',
    route: '/api/v1/orgs/units/{id}/merge',
    allowed: SECADMIN,
    url: (f) => `/api/v1/orgs/units/${f.leaf2}/merge`,
    body: (f) => ({ intoId: f.unit, effectiveOn: '2026-01-01', reason: '矩阵测试' }),
  },
  {
    method: 'POST',
    route: '/api/v1/auth/login',
    allowed: 'anyone',
    url: () => '/api/v1/auth/login',
    body: () => ({ identifier: 'nobody', password: 'x' }),
  },
  {
    method: 'POST',
    route: '/api/v1/auth/second-factor',
    allowed: 'signed_in',
    url: () => '/api/v1/auth/second-factor',
    body: () => ({ code: '000000' }),
  },
  {
    method: 'POST',
    route: '/api/v1/auth/second-factor/enrolment',
    allowed: 'signed_in',
    url: () => '/api/v1/auth/second-factor/enrolment',
  },
  {
    method: 'POST',
    route: '/api/v1/auth/second-factor/enrolment/confirm',
    allowed: 'signed_in',
    url: () => '/api/v1/auth/second-factor/enrolment/confirm',
    body: () => ({ code: '000000' }),
  },
  {
    method: 'POST',
    route: '/api/v1/auth/password',
    allowed: 'signed_in',
    url: () => '/api/v1/auth/password',
    body: () => ({ currentPassword: 'wrong', newPassword: 'x' }),
  },
  { method: 'POST', route: '/api/v1/auth/logout', allowed: 'anyone', url: () => '/api/v1/auth/logout' },
  { method: 'GET', route: '/api/v1/me', allowed: 'signed_in', url: () => '/api/v1/me' },
  { method: 'GET', route: '/api/v1/me/sessions', allowed: 'signed_in', url: () => '/api/v1/me/sessions' },
  {
    method: 'POST',
    route: '/api/v1/me/sessions/end-all',
    allowed: 'signed_in',
    url: () => '/api/v1/me/sessions/end-all',
  },
  {
    method: 'POST',
    route: '/api/v1/register/citizen',
    allowed: 'anyone',
    url: () => '/api/v1/register/citizen',
    body: () => ({ realName: '测试', idNumber: '1', mobile: '1', password: 'x' }),
  },
  {
    method: 'POST',
    route: '/api/v1/register/business',
    allowed: 'anyone',
    url: () => '/api/v1/register/business',
    body: () => ({
      name: '测试',
      creditCode: '1',
      legalRepresentative: '测试',
      contactMobile: '1',
      password: 'x',
    }),
  },
  { method: 'GET', route: '/api/v1/admin/users', allowed: SECADMIN, url: () => '/api/v1/admin/users' },
  {
    method: 'POST',
    route: '/api/v1/admin/users',
    allowed: SECADMIN,
    url: () => '/api/v1/admin/users',
    body: (_f, c) => ({ username: `m.${c.replace(/_/g, '.')}`, displayName: '矩阵用户' }),
  },
  {
    method: 'POST',
    route: '/api/v1/admin/users/{id}/memberships',
    allowed: SECADMIN,
    url: (f) => `/api/v1/admin/users/${f.plainUser}/memberships`,
    body: (f) => ({ orgUnitId: f.unit, roleCode: 'reviewer' }),
  },
  {
    method: 'POST',
    route: '/api/v1/admin/users/{id}/memberships/{membershipId}/revoke',
    allowed: SECADMIN,
    url: (f) => `/api/v1/admin/users/${f.plainUser}/memberships/${f.membership}/revoke`,
  },
  {
    method: 'POST',
    route: '/api/v1/admin/users/{id}/unlock',
    allowed: SECADMIN,
    url: (f) => `/api/v1/admin/users/${f.plainUser}/unlock`,
  },
  { method: 'GET', route: '/api/v1/admin/roles', allowed: SECADMIN, url: () => '/api/v1/admin/roles' },
  {
    method: 'POST',
    route: '/api/v1/admin/roles',
    allowed: SECADMIN,
    url: () => '/api/v1/admin/roles',
    body: (_f, c) => ({ code: `matrix_${c}`.slice(0, 40), nameZh: '矩阵角色', nameEn: 'Matrix role' }),
  },
  {
    method: 'POST',
    route: '/api/v1/users/{id}/verify',
    allowed: ['clerk'],
    url: (f) => `/api/v1/users/${f.citizen}/verify`,
  },
  { method: 'GET', route: '/api/v1/audit/status', allowed: AUDITOR, url: () => '/api/v1/audit/status' },
  {
    method: 'GET',
    route: '/api/v1/audit/events',
    allowed: AUDITOR,
    url: () => '/api/v1/audit/events?limit=5',
  },
  {
    method: 'GET',
    route: '/api/v1/audit/events.csv',
    allowed: AUDITOR,
    url: () => '/api/v1/audit/events.csv?limit=5',
  },
  {
    method: 'GET',
    route: '/api/v1/audit/events/{id}/proof',
    allowed: AUDITOR,
    url: (f) => `/api/v1/audit/events/${f.citizen}/proof`,
  },
  {
    method: 'GET',
    route: '/api/v1/audit/consistency',
    allowed: AUDITOR,
    url: () => '/api/v1/audit/consistency?from=1&to=2',
  },
  {
    method: 'GET',
    route: '/api/v1/users/{id}/personal',
    allowed: ['clerk', 'petition_officer'],
    url: (f) => `/api/v1/users/${f.citizen}/personal?field=mobile`,
  },
];

let t: TestDatabase;
let s: PlatformServices;
let app: FastifyInstance;
const fixture: Fixture = {};
const holders = new Map<string, string | undefined>();

/** Fresh sessions for every row: signing out and ending sessions are rows of the matrix too. */
async function callers(): Promise<Map<string, Caller | undefined>> {
  const map = new Map<string, Caller | undefined>();
  for (const [name, userId] of holders) map.set(name, userId ? await sessionFor(s, userId) : undefined);
  return map;
}

beforeAll(async () => {
  t = await createTestDatabase();
  s = testServices(t.db);
  await seedPeople(s);
  app = await createTestApp(t.db, { services: s });
  const unit = async (code: string) =>
    (await t.db.selectFrom('org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  fixture.unit = await unit('230103-XF');
  fixture.leaf = await unit('230103-SCJG');
  fixture.leaf2 = await unit('230102-XF');
  const user = async (where: (q: ReturnType<typeof base>) => ReturnType<typeof base>) =>
    (await where(base()).executeTakeFirstOrThrow()).id;
  const base = () => t.db.selectFrom('app_user').select('id');
  fixture.citizen = await user((q) => q.where('kind', '=', 'citizen'));
  fixture.plainUser = await user((q) => q.where('username', '=', 'reviewer'));
  fixture.membership = (
    await t.db
      .selectFrom('membership')
      .select('id')
      .where('user_id', '=', fixture.plainUser)
      .executeTakeFirstOrThrow()
  ).id;
  for (const role of BUILTIN_ROLES) {
    const holder = await t.db
      .selectFrom('membership')
      .select('user_id')
      .where('role_code', '=', role.code)
      .executeTakeFirstOrThrow();
    holders.set(role.code, holder.user_id);
  }
  holders.set('citizen', fixture.citizen);
  holders.set('business', await user((q) => q.where('kind', '=', 'business')));
  holders.set('anonymous', undefined);
});
afterAll(async () => {
  await app.close();
  await t.destroy();
});

function expectedAllowed(row: Row, caller: string): boolean {
  if (row.allowed === 'anyone') return true;
  if (row.allowed === 'signed_in') return caller !== 'anonymous';
  return row.allowed.includes(caller);
}

describe('authorization matrix', () => {
  it('lists every endpoint of the API', async () => {
    const doc = (await generateOpenApi()) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(rows.map((r) => `${r.method} ${r.route}`).sort());
  });

  for (const row of rows) {
    it(`${row.method} ${row.route}`, async () => {
      const verdicts: string[] = [];
      for (const [name, caller] of await callers()) {
        const res = await as(
          app,
          caller,
        )({
          method: row.method,
          url: row.url(fixture, name),
          ...(row.body ? { payload: row.body(fixture, name) } : {}),
        });
        // A wrong password is a 401 too, but it is the credentials' verdict, not the policy's.
        const denied =
          res.statusCode === 403 || (res.statusCode === 401 && res.json().code === 'unauthenticated');
        const allowed = !denied;
        if (allowed !== expectedAllowed(row, name))
          verdicts.push(`${name}: got ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
      expect(verdicts).toEqual([]);
    });
  }
});

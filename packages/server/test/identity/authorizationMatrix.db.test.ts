import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_ROLES } from '../../src/modules/identity/roles.ts';
import { generateOpenApi } from '../../src/openapi.ts';
import type { PlatformServices } from '../../src/platform/services.ts';
import { as, type Caller, seedPeople, sessionFor } from '../harness/people.ts';
import { createTestApp, testServices } from '../harness/testApp.ts';
import { createTestDatabase, type TestDatabase } from '../harness/testDb.ts';

import { groups } from './matrix/index.ts';
import type { Fixture, Row } from './matrix/types.ts';

/**
 * Every endpoint against every kind of caller: each built-in role, a citizen, a business and
 * nobody. "Allowed" means the policy let the request through (any status but 401 and 403);
 * "denied" means 401 or 403. A new endpoint fails this test until a row for it is added under
 * ./matrix/.
 */
const rows: Row[] = groups.flatMap((g) => g.rows);

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
  for (const group of groups) await group.setup?.({ t, services: s, app, fixture });
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
          ...(row.headers ? { headers: row.headers(fixture, name) } : {}),
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

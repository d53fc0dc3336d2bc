import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformServices } from '../../src/platform/services.ts';
import { as, type Caller, type DemoWorld, demoWorld, signedIn } from '../harness/people.ts';
import type { TestDatabase } from '../harness/testDb.ts';

let t: TestDatabase;
let s: PlatformServices;
let app: FastifyInstance;
let admin: Caller;

let world: DemoWorld;

beforeAll(async () => {
  world = await demoWorld();
  ({ t, s, app } = world);
  admin = await signedIn(s, 'secadmin');
});
afterAll(() => world.close());

const unitByCode = (code: string) =>
  t.db.selectFrom('org_unit').selectAll().where('code', '=', code).executeTakeFirstOrThrow();

describe('the territorial tree (块, GB/T 2260)', () => {
  it('holds the province, 13 prefecture-level and 121 county-level divisions', async () => {
    const rows = await t.db
      .selectFrom('org_unit')
      .select(['code', 'territorial_parent_id'])
      .where('kind', '=', 'division')
      .execute();
    expect(rows).toHaveLength(135);
    const root = await app.inject({ url: '/api/v1/orgs/units' });
    expect(root.json().items.map((u: { code: string }) => u.code)).toEqual(['230000']);
    const province = root.json().items[0];
    const children = await app.inject({ url: `/api/v1/orgs/units?parentId=${province.id}` });
    const divisions = children.json().items.filter((u: { kind: string }) => u.kind === 'division');
    expect(divisions).toHaveLength(13);
    expect(divisions.map((d: { name: { zh: string } }) => d.name.zh)).toContain('大兴安岭地区');
  });

  it('places a city bureau in its city and on the line of the provincial department', async () => {
    const bureau = await unitByCode('230100-GA');
    const res = await app.inject({ url: `/api/v1/orgs/units/${bureau.id}` });
    expect(res.statusCode).toBe(200);
    const detail = res.json();
    expect(detail.unit.name.zh).toBe('哈尔滨市公安局');
    expect(detail.territorialAncestors.map((a: { code: string }) => a.code)).toEqual(['230000', '230100']);
    expect(detail.lineAncestors.map((a: { name: { zh: string } }) => a.name.zh)).toEqual(['黑龙江省公安厅']);
    expect(detail.unit.creditCode).toMatch(/^11230100[0-9A-Z]{10}$/);
  });

  it('finds units by a part of their name', async () => {
    const res = await app.inject({ url: `/api/v1/orgs/units?q=${encodeURIComponent('信访')}` });
    expect(res.json().items.map((u: { name: { zh: string } }) => u.name.zh)).toContain('黑龙江省信访局');
  });
});

describe('changing units (security administrator)', () => {
  it('adds a department on a line, renames it keeping its old name, and merges another into it', async () => {
    const line = await unitByCode('230100-SCJG');
    const add = await as(
      app,
      admin,
    )({
      method: 'POST',
      url: '/api/v1/orgs/units',
      payload: {
        code: '230102-ZSCQ',
        nameZh: '道里区知识产权局',
        nameEn: 'Daoli IP Office',
        divisionCode: '230102',
        lineParentId: line.id,
        establishedOn: '2026-01-01',
      },
    });
    expect(add.statusCode).toBe(201);
    const id = add.json().id;
    const rename = await as(
      app,
      admin,
    )({
      method: 'POST',
      url: `/api/v1/orgs/units/${id}/rename`,
      payload: {
        nameZh: '道里区市场监督管理局知识产权分局',
        nameEn: 'Daoli IP Sub-office',
        effectiveOn: '2026-06-01',
        reason: '机构改革',
      },
    });
    expect(rename.statusCode).toBe(200);
    const detail = (await app.inject({ url: `/api/v1/orgs/units/${id}` })).json();
    expect(detail.nameHistory).toEqual([
      {
        name: { zh: '道里区知识产权局', en: 'Daoli IP Office' },
        validFrom: '2026-01-01',
        validTo: '2026-06-01',
        reason: '机构改革',
      },
    ]);

    const target = await unitByCode('230102-SCJG');
    const merge = await as(
      app,
      admin,
    )({
      method: 'POST',
      url: `/api/v1/orgs/units/${id}/merge`,
      payload: { intoId: target.id, effectiveOn: '2026-09-01', reason: '合并' },
    });
    expect(merge.statusCode).toBe(200);
    expect(merge.json()).toMatchObject({ retiredOn: '2026-09-01', successorId: target.id });
    const again = await as(
      app,
      admin,
    )({
      method: 'POST',
      url: `/api/v1/orgs/units/${id}/rename`,
      payload: { nameZh: '再改名', nameEn: 'Again', effectiveOn: '2026-10-01', reason: '再试一次' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('unit_retired');
    expect(
      await t.db.selectFrom('org_unit').select('id').where('id', '=', id).executeTakeFirst(),
    ).toBeDefined();
  });

  it('moves the units of a merged city bureau under its successor, paths and all', async () => {
    const from = await unitByCode('230200-DA');
    const into = await unitByCode('230200-TJ');
    const res = await as(
      app,
      admin,
    )({
      method: 'POST',
      url: `/api/v1/orgs/units/${from.id}/merge`,
      payload: { intoId: into.id, effectiveOn: '2026-09-01', reason: '合并' },
    });
    expect(res.statusCode).toBe(200);
    const province = await unitByCode('230000-DA');
    expect((await app.inject({ url: `/api/v1/orgs/units/${province.id}` })).json().unit.childCount).toBe(0);
  });

  it('refuses a retirement that would orphan units, and a unit that is not a division', async () => {
    const city = await unitByCode('230100-GA');
    const res = await as(
      app,
      admin,
    )({
      method: 'POST',
      url: `/api/v1/orgs/units/${city.id}/retire`,
      payload: { effectiveOn: '2026-09-01', reason: '撤销' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('unit_has_children');
    const bad = await as(
      app,
      admin,
    )({
      method: 'POST',
      url: '/api/v1/orgs/units',
      payload: {
        code: '999999-X1',
        nameZh: '不存在',
        nameEn: 'None',
        divisionCode: '999999',
        establishedOn: '2026-01-01',
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'body.divisionCode', code: 'unknown_division' });
  });

  it('refuses anyone but the security administrator', async () => {
    const unit = await unitByCode('230100-XF');
    for (const username of ['sysadmin', 'deptadmin', 'secauditor']) {
      const res = await as(
        app,
        await signedIn(s, username),
      )({
        method: 'POST',
        url: `/api/v1/orgs/units/${unit.id}/rename`,
        payload: { nameZh: '改名', nameEn: 'Renamed', effectiveOn: '2026-01-01', reason: '再试一次' },
      });
      expect(res.statusCode).toBe(403);
    }
    const anonymous = await app.inject({
      method: 'POST',
      url: `/api/v1/orgs/units/${unit.id}/rename`,
      payload: { nameZh: '改名', nameEn: 'Renamed', effectiveOn: '2026-01-01', reason: '再试一次' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await unitByCode('230100-XF')).name_zh).toBe('哈尔滨市信访局');
  });
});

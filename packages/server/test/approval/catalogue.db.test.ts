import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedServiceCatalogueDemo } from '../../src/modules/approval/catalogue/seed.ts';
import { insertAccount } from '../../src/modules/identity/accounts.ts';
import { as, type Caller, type DemoWorld, demoWorld, sessionFor, signedIn } from '../harness/people.ts';

/**
 * The service catalogue (事项清单) and its guides: versions, the rules a version keeps before it
 * is stored, and who may write it. The demo seed has published five services.
 */
let w: DemoWorld;
let admin: Caller;
let clerk: Caller;
let scjg: string;
let zwfw: string;

const unitId = async (code: string) =>
  (await w.t.db.selectFrom('org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  w = await demoWorld();
  admin = await signedIn(w.s, 'deptadmin');
  clerk = await signedIn(w.s, 'clerk');
  scjg = await unitId('230100-SCJG');
  zwfw = await unitId('230100-ZWFW');
});
afterAll(() => w.close());

let serial = 100;
/** A valid new service of 哈尔滨市市场监督管理局, with a fresh code. */
function newService(overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    code: `230100-SCJG-XK-${serial}`,
    unitId: scjg,
    name: { zh: `测试许可事项${serial}`, en: `Test licence ${serial}` },
    legalBasis: '《中华人民共和国行政许可法》第十二条',
    conditions: '符合法定条件',
    materials: [
      {
        slot: 'application_form',
        name: { zh: '申请书', en: 'Application' },
        required: true,
        formats: ['application/pdf'],
      },
    ],
    formSchema: {
      type: 'object',
      required: ['applicant'],
      properties: { applicant: { type: 'string', title: '申请人', maxLength: 50 } },
    },
    contact: '测试窗口',
    ...overrides,
  };
}

const call = (who: Caller | undefined) => as(w.app, who);
const create = (body: object, who: Caller = admin) =>
  call(who)({ method: 'POST', url: '/api/v1/services', payload: body });
const publish = (id: string, version: number, who: Caller = admin) =>
  call(who)({ method: 'POST', url: `/api/v1/services/${id}/versions/${version}/publish` });
const draftFrom = (id: string, who: Caller = admin) =>
  call(who)({ method: 'POST', url: `/api/v1/services/${id}/versions` });
const edit = (id: string, version: number, body: object, who: Caller = admin) =>
  call(who)({ method: 'PUT', url: `/api/v1/services/${id}/versions/${version}`, payload: body });
const guide = (id: string, query = '') => w.app.inject({ url: `/api/v1/services/${id}${query}` });
const contentOf = (body: Record<string, unknown>) => {
  const { code: _code, unitId: _unit, ...content } = body;
  return content;
};

describe('versions: a published version is never changed', () => {
  it('a new service starts as a draft that the portal does not show', async () => {
    const body = newService();
    const res = await create(body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ version: 1, status: 'draft', code: body.code, publishedAt: null });
    expect((await guide(res.json().serviceId)).statusCode).toBe(404);
    const list = await w.app.inject({ url: `/api/v1/services?unitId=${scjg}&limit=50` });
    expect(list.json().items.map((s: { code: string }) => s.code)).not.toContain(body.code);
  });

  it('publishing a draft supersedes the version published before, which stays as it was', async () => {
    const body = newService();
    const id = (await create(body)).json().serviceId;
    expect((await publish(id, 1)).json()).toMatchObject({ status: 'published', version: 1 });
    const v2 = await draftFrom(id);
    expect(v2.statusCode).toBe(201);
    expect(v2.json()).toMatchObject({ version: 2, status: 'draft', name: body.name });
    const renamed = { ...contentOf(body), name: { zh: '改名后的事项', en: 'Renamed' }, committedDays: 5 };
    expect((await edit(id, 2, renamed)).statusCode).toBe(200);
    // Until the draft is published, the portal shows version 1.
    expect((await guide(id)).json()).toMatchObject({ version: 1, name: body.name });
    const published = await publish(id, 2);
    expect(published.json()).toMatchObject({ version: 2, status: 'published', name: { zh: '改名后的事项' } });
    const current = (await guide(id)).json();
    expect(current).toMatchObject({ version: 2, committedDays: 5 });
    const first = (await guide(id, '?version=1')).json();
    expect(first).toMatchObject({ version: 1, status: 'superseded', name: body.name, committedDays: null });
    expect(first.supersededAt).not.toBeNull();
    const statuses = await w.t.db
      .selectFrom('service_version')
      .select(['version', 'status'])
      .where('service_id', '=', id)
      .orderBy('version')
      .execute();
    expect(statuses).toEqual([
      { version: 1, status: 'superseded' },
      { version: 2, status: 'published' },
    ]);
  });

  it('editing a published version is a 409 version_published, and the database refuses it too', async () => {
    const body = newService();
    const id = (await create(body)).json().serviceId;
    await publish(id, 1);
    const res = await edit(id, 1, { ...contentOf(body), conditions: '偷偷修改' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('version_published');
    expect((await publish(id, 1)).json().code).toBe('version_published');
    // Even a direct write by the application's database role is refused by the trigger.
    await expect(
      w.t.db
        .updateTable('service_version')
        .set({ conditions: '偷偷修改' })
        .where('service_id', '=', id)
        .execute(),
    ).rejects.toThrow(/never changed/);
    await expect(w.t.db.deleteFrom('service_version').where('service_id', '=', id).execute()).rejects.toThrow(
      /never changed/,
    );
    expect((await guide(id)).json().conditions).toBe('符合法定条件');
  });

  it('one draft at a time: a second new draft is a 409 draft_exists', async () => {
    const id = (await create(newService())).json().serviceId;
    await publish(id, 1);
    expect((await draftFrom(id)).statusCode).toBe(201);
    const again = await draftFrom(id);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('draft_exists');
  });

  it('the history lists every version, drafts included, for the administrator', async () => {
    const id = (await create(newService())).json().serviceId;
    await publish(id, 1);
    await draftFrom(id);
    const res = await call(admin)({ url: `/api/v1/services/${id}/versions` });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, 'draft'],
      [1, 'published'],
    ]);
    const mine = await call(admin)({ url: '/api/v1/services/managed?limit=200' });
    const row = mine.json().items.find((s: { id: string }) => s.id === id);
    expect(row).toMatchObject({ latest: { version: 2, status: 'draft' }, publishedVersion: 1 });
  });

  it('every write is in the audit trail with its actor', async () => {
    const id = (await create(newService())).json().serviceId;
    await publish(id, 1);
    const events = await w.t.db
      .selectFrom('audit_event')
      .select(['action', 'actor_user_id'])
      .where('target_type', 'in', ['service', 'service_version'])
      .where('actor_user_id', '=', admin.userId)
      .execute();
    const actions = events.map((e) => e.action);
    expect(actions).toContain('service.insert');
    expect(actions).toContain('service_version.insert');
    expect(actions).toContain('service_version.update');
  });
});

describe('the rules a version keeps', () => {
  it('the committed limit (承诺时限) may not exceed the legal limit', async () => {
    const res = await create(newService({ committedDays: 21 }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({
        field: 'body.committedDays',
        code: 'exceeds_legal_limit',
        params: { maximum: 20 },
      }),
    ]);
    const short = await create(
      newService({ timeLimit: { limit: 10, basis: '某部门规章第十条' }, committedDays: 11 }),
    );
    expect(short.json().errors[0]).toMatchObject({ field: 'body.committedDays', params: { maximum: 10 } });
    // Joint handling (第26条): 45 working days, so 30 is within it.
    const joint = await create(newService({ timeLimit: { joint: true }, committedDays: 30 }));
    expect(joint.statusCode).toBe(201);
    expect(joint.json().timeLimit).toMatchObject({ limit: 45, extendBy: 15, joint: true });
    expect(joint.json().timeLimit.basis).toContain('第二十六条');
    const zero = await create(newService({ committedDays: 0 }));
    expect(zero.json().errors[0]).toMatchObject({
      field: 'body.committedDays',
      code: 'zero_needs_on_the_spot',
    });
  });

  it('the time limit is 20 working days under 行政许可法第42条 unless a basis for another is named', async () => {
    const res = await create(newService());
    expect(res.json().timeLimit).toEqual({
      limit: 20,
      unit: 'working_days',
      basis: '《中华人民共和国行政许可法》第四十二条第一款',
      extendBy: 10,
      joint: false,
    });
    const unbased = await create(newService({ timeLimit: { limit: 15 } }));
    expect(unbased.json().errors[0]).toMatchObject({ field: 'body.timeLimit.basis', code: 'required' });
  });

  it('行政许可法第58条: no fee unless the law that sets it is named', async () => {
    const res = await create(newService({ fee: { amountYuan: 50 } }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'body.fee.basis', code: 'fee_needs_legal_basis' }),
    ]);
    const blank = await create(newService({ fee: { amountYuan: 50, basis: '  ' } }));
    expect(blank.json().errors[0].field).toBe('body.fee.basis');
    const based = await create(newService({ fee: { amountYuan: 50, basis: '《某某条例》第二十条' } }));
    expect(based.statusCode).toBe(201);
    expect(based.json().fee).toEqual({ charged: true, amountYuan: 50, basis: '《某某条例》第二十条' });
    const free = await create(newService());
    expect(free.json().fee.charged).toBe(false);
    expect(free.json().fee.basis).toMatch(/^不收费。.*第五十八条/);
    // The database keeps the rule as well.
    await expect(
      sql`UPDATE service_version SET fee = '{"amount_yuan": 5, "basis": ""}' WHERE id = ${free.json().id}`.execute(
        w.t.db,
      ),
    ).rejects.toThrow(/check constraint/);
  });

  it.each([
    ['an unknown type', { type: 'object', properties: { a: { type: 'strin' } } }, 'invalid_json_schema'],
    [
      'a required field that is not a property',
      { type: 'object', required: ['b'], properties: { a: { type: 'integer' } } },
      'invalid_json_schema',
    ],
    [
      'an unknown format',
      { type: 'object', properties: { a: { type: 'string', format: 'nope', maxLength: 9 } } },
      'invalid_json_schema',
    ],
    [
      'a remote reference',
      { type: 'object', properties: { a: { $ref: 'https://example.com/s.json' } } },
      'invalid_json_schema',
    ],
    [
      'an unknown keyword',
      { type: 'object', properties: { a: { type: 'integer', enumNames: ['x'] } } },
      'invalid_json_schema',
    ],
    ['a schema that is not an object', { type: 'array', items: { type: 'integer' } }, 'not_an_object_schema'],
    ['a form without properties', { type: 'object', properties: {} }, 'no_properties'],
    [
      'free text without maxLength',
      { type: 'object', properties: { a: { type: 'string' } } },
      'max_length_missing',
    ],
    [
      'more than 50 properties',
      {
        type: 'object',
        properties: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`f${i}`, { type: 'integer' }])),
      },
      'too_many_properties',
    ],
    [
      'another draft of JSON Schema',
      {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: { a: { type: 'integer' } },
      },
      'unsupported_draft',
    ],
  ])('a form schema with %s is refused at body.formSchema', async (_what, formSchema, code) => {
    const res = await create(newService({ formSchema }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(expect.objectContaining({ field: 'body.formSchema', code }));
  });

  it('places, codes and slots: each broken rule names its field', async () => {
    const elsewhere = await create(newService({ divisionCodes: ['230100', '230203'] }));
    expect(elsewhere.json().errors).toEqual([
      expect.objectContaining({ field: 'body.divisionCodes.1', code: 'outside_unit_territory' }),
    ]);
    const unknown = await create(newService({ divisionCodes: ['239999'] }));
    expect(unknown.json().errors[0]).toMatchObject({
      field: 'body.divisionCodes.0',
      code: 'unknown_division',
    });
    const code = await create(newService({ code: '230100-GA-XK-001' }));
    expect(code.json().errors[0]).toMatchObject({ field: 'body.code', code: 'code_not_of_unit' });
    const m = newService().materials[0];
    const twice = await create(newService({ materials: [m, m] }));
    expect(twice.json().errors[0]).toMatchObject({ field: 'body.materials.1.slot', code: 'duplicate_slot' });
    const format = await create(newService({ materials: [{ ...m, formats: ['text/html'] }] }));
    expect(format.json().errors[0].field).toBe('body.materials.0.formats.0');
    const extra = await create({ ...newService(), secret: true });
    expect(extra.json().errors[0]).toMatchObject({ field: 'body.secret', code: 'unknown_field' });
    const division = await create(newService({ unitId: await unitId('230100') }));
    expect(division.json().errors[0]).toMatchObject({ field: 'body.unitId', code: 'not_a_department' });
    const dup = newService();
    expect((await create(dup)).statusCode).toBe(201);
    const taken = await create(dup);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('service_code_taken');
  });

  it('where offered defaults to the owning unit’s division', async () => {
    const res = await create(newService());
    expect(res.json().divisions).toEqual([{ code: '230100', name: '哈尔滨市' }]);
  });
});

describe('the portal’s guides (办事指南)', () => {
  const food = async () =>
    (
      await w.t.db
        .selectFrom('service')
        .select('id')
        .where('code', '=', '230100-SCJG-XK-001')
        .executeTakeFirstOrThrow()
    ).id;

  it('the demo catalogue holds five published services, and seeding again adds none', async () => {
    const res = await w.app.inject({ url: '/api/v1/services?division=230100&limit=50' });
    const codes = res.json().items.map((s: { code: string }) => s.code);
    for (const code of [
      '230100-SCJG-XK-001',
      '230100-SCJG-DJ-001',
      '230100-SCJG-XK-002',
      '230100-ZWFW-XK-001',
      '230100-ZWFW-XK-002',
    ]) {
      expect(codes).toContain(code);
    }
    expect(await seedServiceCatalogueDemo(w.t.db)).toBe(0);
    // The seed's versions have no author; the tests' have theirs.
    const count = await w.t.db
      .selectFrom('service_version')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('created_by', 'is', null)
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(5);
  });

  it('a guide publishes what 行政许可法第30条 asks for', async () => {
    const g = (await guide(await food())).json();
    expect(g).toMatchObject({
      name: { zh: '食品经营许可' },
      status: 'published',
      category: '行政许可',
      owningUnit: { code: '230100-SCJG', name: { zh: '哈尔滨市市场监督管理局' } },
      timeLimit: { limit: 10, unit: 'working_days', extendBy: 5 },
      committedDays: 5,
      onTheSpot: false,
      fee: { charged: false, amountYuan: null },
      divisions: [{ code: '230100', name: '哈尔滨市' }],
      substantiveCheck: true,
    });
    expect(g.legalBasis).toContain('食品安全法》第三十五条');
    expect(g.timeLimit.basis).toContain('食品经营许可和备案管理办法');
    expect(g.conditions.length).toBeGreaterThan(50);
    expect(g.contact).toMatch(/12345/);
    expect(g.materials.length).toBeGreaterThanOrEqual(3);
    expect(g.materials[0]).toMatchObject({
      slot: 'application_form',
      required: true,
      formats: ['application/pdf', 'application/ofd'],
    });
    expect(g.materials[0].sampleText).toBeTruthy();
    const fields = Object.keys(g.formSchema.properties);
    expect(fields.length).toBeGreaterThanOrEqual(3);
    expect(fields.length).toBeLessThanOrEqual(8);
    expect(g.formSchema.properties.mainBusiness.enum).toContain('餐饮服务经营者');
    const registration = (await w.app.inject({ url: '/api/v1/services?q=个体工商户' })).json().items[0];
    expect(registration).toMatchObject({ code: '230100-SCJG-DJ-001', onTheSpot: true, committedDays: 1 });
  });

  it('Chinese search finds 食品 in 食品经营许可, with the hit highlighted', async () => {
    const res = await w.app.inject({ url: `/api/v1/services?q=${encodeURIComponent('食品')}` });
    expect(res.statusCode).toBe(200);
    const item = res.json().items.find((s: { code: string }) => s.code === '230100-SCJG-XK-001');
    expect(item).toBeDefined();
    expect(item.highlight.name).toEqual([
      { text: '食品', hit: true },
      { text: '经营许可', hit: false },
    ]);
    const none = await w.app.inject({ url: `/api/v1/services?q=${encodeURIComponent('核电站')}` });
    expect(none.json()).toEqual({ items: [], total: 0 });
    const byUnit = await w.app.inject({ url: `/api/v1/services?q=${encodeURIComponent('施工许可')}` });
    expect(byUnit.json().items[0].code).toBe('230100-ZWFW-XK-001');
  });

  it('the public list shows only published services, never drafts', async () => {
    const draftOnly = newService({ name: { zh: '只有草稿的食品事项', en: 'Draft only' } });
    await create(draftOnly);
    const res = await w.app.inject({ url: `/api/v1/services?q=${encodeURIComponent('食品')}&limit=50` });
    const codes = res.json().items.map((s: { code: string }) => s.code);
    expect(codes).not.toContain(draftOnly.code);
    const ids = await w.t.db
      .selectFrom('service_version')
      .select('status')
      .where('name_zh', '=', '只有草稿的食品事项')
      .execute();
    expect(ids).toEqual([{ status: 'draft' }]);
    const all = (await w.app.inject({ url: '/api/v1/services?limit=50' })).json();
    expect(all.items.every((s: { publishedAt: string | null }) => s.publishedAt !== null)).toBe(true);
    const published = await w.t.db
      .selectFrom('service_version')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow();
    expect(all.total).toBe(published.n);
  });

  it('filters by department, theme, life event and place; pages carry the total', async () => {
    const list = async (query: string) => (await w.app.inject({ url: `/api/v1/services?${query}` })).json();
    const zw = await list(`unitId=${zwfw}`);
    expect(zw.items.map((s: { code: string }) => s.code).sort()).toEqual([
      '230100-ZWFW-XK-001',
      '230100-ZWFW-XK-002',
    ]);
    const building = await list(`lifeEvent=${encodeURIComponent('建设工程')}`);
    expect(building.items.map((s: { code: string }) => s.code)).toEqual(['230100-ZWFW-XK-001']);
    const transport = await list(`theme=${encodeURIComponent('交通运输')}`);
    expect(transport.items.map((s: { code: string }) => s.code)).toEqual(['230100-ZWFW-XK-002']);
    // A district sees its city's services; another city does not.
    expect((await list('division=230102&q=%E9%A3%9F%E5%93%81')).total).toBeGreaterThan(0);
    expect((await list('division=230200')).total).toBe(0);
    const page = await list(`lifeEvent=${encodeURIComponent('开办企业')}&limit=2&offset=0`);
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(4);
    const bad = await w.app.inject({ url: '/api/v1/services?limit=500' });
    expect(bad.json().errors[0].field).toBe('querystring.limit');
  });

  it('facets count published services by department, theme and life event', async () => {
    const res = await w.app.inject({ url: '/api/v1/services/facets' });
    expect(res.statusCode).toBe(200);
    const f = res.json();
    expect(f.departments).toContainEqual(
      expect.objectContaining({
        code: '230100-ZWFW',
        count: 2,
        name: expect.objectContaining({ zh: '哈尔滨市政务服务管理办公室' }),
      }),
    );
    expect(f.lifeEvents).toContainEqual({ value: '建设工程', count: 1 });
    expect(f.themes).toContainEqual({ value: '交通运输', count: 1 });
  });

  it('a draft or an unknown service is a 404 on the portal', async () => {
    const id = (await create(newService())).json().serviceId;
    expect((await guide(id, '?version=1')).statusCode).toBe(404);
    expect((await guide(uuidv7())).statusCode).toBe(404);
  });
});

describe('who may write the catalogue', () => {
  it('a department administrator of another line is refused 403, and the refusal is audited', async () => {
    // 省公安厅's department administrator, whose line reach covers the police, not market regulation.
    const userId = uuidv7();
    await insertAccount(w.t.db, {
      id: userId,
      kind: 'staff',
      username: 'ga-admin',
      display_name: '公安管理员',
      password_hash: 'x',
    });
    await w.t.db
      .insertInto('membership')
      .values({
        id: uuidv7(),
        user_id: userId,
        org_unit_id: await unitId('230000-GA'),
        role_code: 'dept_admin',
        reach: 'line',
        granted_by: null,
        revoked_at: null,
      })
      .execute();
    const other = await sessionFor(w.s, userId);
    const body = newService();
    const id = (await create(body)).json().serviceId;
    const refusals = [
      await edit(id, 1, contentOf(body), other),
      await publish(id, 1, other),
      await draftFrom(id, other),
      await call(other)({ url: `/api/v1/services/${id}/versions` }),
      await create(newService(), other),
    ];
    expect(refusals.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403]);
    expect((await guide(id)).statusCode).toBe(404);
    const denials = await w.t.db
      .selectFrom('audit_event')
      .select(['target_id', 'outcome'])
      .where('action', '=', 'access.denied')
      .where('actor_user_id', '=', userId)
      .execute();
    expect(denials.map((d) => d.target_id).sort()).toEqual(
      [
        'GET /api/v1/services/:id/versions',
        'POST /api/v1/services',
        'POST /api/v1/services/:id/versions',
        'POST /api/v1/services/:id/versions/:version/publish',
        'PUT /api/v1/services/:id/versions/:version',
      ].sort(),
    );
    expect(denials.every((d) => d.outcome === 'denied')).toBe(true);
    // The police administrator may still write the police's services.
    const police = await create(
      newService({ code: '230100-GA-XK-001', unitId: await unitId('230100-GA') }),
      other,
    );
    expect(police.statusCode).toBe(201);
  });

  it('staff without the role are refused, and nobody signed out gets past 401', async () => {
    expect((await create(newService(), clerk)).statusCode).toBe(403);
    const anonymous = await w.app.inject({ method: 'POST', url: '/api/v1/services', payload: newService() });
    expect(anonymous.statusCode).toBe(401);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cachedApplicationForms,
  validateApplicationForm,
} from '../../src/modules/approval/catalogue/formSchema.ts';
import { findVersion, findVersionById } from '../../src/modules/approval/catalogue/queries.ts';
import { seedServiceCatalogueDemo } from '../../src/modules/approval/catalogue/seed.ts';
import { seedDemoDepartments, seedDivisions } from '../../src/modules/orgs/seed.ts';
import { createTestDatabase, type TestDatabase } from '../harness/testDb.ts';

/**
 * What the case engine calls when an application is submitted: the data checked against the
 * published form of the service version the case starts under, each error at body.form.<path>.
 */
let t: TestDatabase;
let food: NonNullable<Awaited<ReturnType<typeof findVersion>>>;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDivisions(t.db);
  await seedDemoDepartments(t.db);
  expect(await seedServiceCatalogueDemo(t.db)).toBe(5);
  const service = await t.db
    .selectFrom('service')
    .select('id')
    .where('code', '=', '230100-SCJG-XK-001')
    .executeTakeFirstOrThrow();
  food = (await findVersion(t.db, service.id)) as typeof food;
});
afterAll(() => t.destroy());

const valid = {
  operatorName: '哈尔滨市道里区示例食品有限公司',
  creditCode: '91230102MA1B2C3D4E',
  legalRepresentative: '李四',
  premisesAddress: '哈尔滨市道里区示例街1号',
  mainBusiness: '餐饮服务经营者',
  items: ['热食类食品制售'],
  premisesArea: 120,
};

describe('validateApplicationForm', () => {
  it('accepts a complete application', () => {
    expect(validateApplicationForm(food.form_schema, valid, food.id)).toEqual([]);
  });

  it('names every field at fault with a stable code', () => {
    const errors = validateApplicationForm(
      food.form_schema,
      {
        operatorName: 'x'.repeat(101),
        creditCode: 'not-a-code',
        mainBusiness: '夜市摊位',
        items: ['热食类食品制售', '烟花爆竹'],
        premisesArea: 0,
        premisesAddress: 42,
        colour: 'red',
      },
      food.id,
    );
    const byField = Object.fromEntries(errors.map((e) => [e.field, e.code]));
    expect(byField).toEqual({
      'body.form.colour': 'unknown_field',
      'body.form.legalRepresentative': 'required',
      'body.form.operatorName': 'maxLength',
      'body.form.creditCode': 'pattern',
      'body.form.mainBusiness': 'enum',
      'body.form.items.1': 'enum',
      'body.form.premisesArea': 'minimum',
      'body.form.premisesAddress': 'type',
    });
    expect(errors.find((e) => e.field === 'body.form.operatorName')?.params).toEqual({ maximum: 100 });
    expect(errors.find((e) => e.field === 'body.form.premisesArea')?.params).toEqual({ minimum: 1 });
  });

  it('reports formats, nested paths and choices written as oneOf of consts', () => {
    const schema = {
      type: 'object',
      required: ['start', 'kind'],
      properties: {
        start: { type: 'string', format: 'date' },
        kind: {
          type: 'string',
          oneOf: [
            { const: 'a', title: '甲' },
            { const: 'b', title: '乙' },
          ],
        },
        site: {
          type: 'object',
          required: ['city'],
          properties: { city: { type: 'string', maxLength: 20 } },
        },
      },
    };
    const errors = validateApplicationForm(schema, { start: '2026-02-30', kind: 'c', site: {} });
    expect(errors).toEqual([
      expect.objectContaining({ field: 'body.form.start', code: 'format', params: { format: 'date' } }),
      expect.objectContaining({ field: 'body.form.kind', code: 'enum', params: { values: ['a', 'b'] } }),
      expect.objectContaining({ field: 'body.form.site.city', code: 'required' }),
    ]);
    expect(validateApplicationForm(schema, 'text')).toEqual([
      expect.objectContaining({ field: 'body.form', code: 'type' }),
    ]);
  });

  it('compiles a version’s form once and reuses it', () => {
    validateApplicationForm(food.form_schema, valid, food.id);
    const before = cachedApplicationForms();
    for (let i = 0; i < 5; i++) validateApplicationForm(food.form_schema, valid, food.id);
    expect(cachedApplicationForms()).toBe(before);
  });

  it('a version is read by its id, whatever its state: what a case that started under it reads', async () => {
    const row = await findVersionById(t.db, food.id);
    expect(row).toMatchObject({ id: food.id, status: 'published', code: '230100-SCJG-XK-001' });
  });

  it('every demo form compiles and accepts nothing empty', async () => {
    const rows = await t.db.selectFrom('service_version').select(['id', 'form_schema']).execute();
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      const errors = validateApplicationForm(row.form_schema, {}, row.id);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((e) => e.code === 'required')).toBe(true);
    }
  });
});

import type { RJSFSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { createValidator, schemaErrors } from './schemaValidator.ts';
import { serverFieldErrors } from './serverErrors.ts';

/** The shape of the demo 食品经营许可 form, and a nested object and a date besides. */
const schema: RJSFSchema = {
  type: 'object',
  required: ['operatorName', 'creditCode', 'mainBusiness', 'items'],
  properties: {
    operatorName: { type: 'string', title: '经营者名称', maxLength: 5 },
    creditCode: {
      type: 'string',
      pattern: '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$',
      maxLength: 18,
    },
    mainBusiness: { type: 'string', enum: ['食品销售经营者', '餐饮服务经营者'] },
    items: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', enum: ['热食', '冷食'] },
    },
    premisesArea: { type: 'number', minimum: 1, maximum: 100 },
    employees: { type: 'integer', minimum: 1 },
    plannedStart: { type: 'string', format: 'date' },
    open: { type: 'boolean' },
    contact: { $ref: '#/definitions/contact' },
  },
  definitions: {
    contact: {
      type: 'object',
      required: ['phone'],
      properties: { phone: { type: 'string', maxLength: 20 } },
    },
  },
};

const valid = {
  operatorName: '红肠小馆',
  creditCode: '91230102MA1B2C3D4E',
  mainBusiness: '餐饮服务经营者',
  items: ['热食'],
};

const codes = (data: unknown) => schemaErrors(schema, data).map((e) => `${e.property} ${e.name}`);

describe('the CSP-safe form validator', () => {
  it('accepts a form that fits the schema', () => {
    expect(codes(valid)).toEqual([]);
    expect(
      codes({ ...valid, premisesArea: 12.5, employees: 3, plannedStart: '2026-12-01', open: true }),
    ).toEqual([]);
  });

  it('names each broken rule at its field', () => {
    expect(codes({})).toEqual([
      '.operatorName required',
      '.creditCode required',
      '.mainBusiness required',
      '.items required',
    ]);
    expect(
      codes({
        ...valid,
        operatorName: '哈尔滨市道里区',
        creditCode: '12345',
        mainBusiness: '其他',
        items: [],
        premisesArea: 0,
        employees: 1.5,
        plannedStart: '2026-13-01',
      }),
    ).toEqual([
      '.operatorName maxLength',
      '.creditCode pattern',
      '.mainBusiness enum',
      '.items minItems',
      '.premisesArea minimum',
      '.employees integer',
      '.plannedStart date',
    ]);
    expect(codes({ ...valid, items: ['热食', '热食', '面点'] })).toEqual([
      '.items uniqueItems',
      '.items.2 enum',
    ]);
  });

  it('counts characters as people do, and follows local references', () => {
    expect(codes({ ...valid, operatorName: '𠀀𠀀𠀀𠀀𠀀' })).toEqual([]);
    expect(codes({ ...valid, contact: {} })).toEqual(['.contact.phone required']);
  });

  it('gives rjsf errors in words and an error schema by field', () => {
    const validator = createValidator((e) => `msg:${e.name}`);
    const { errors, errorSchema } = validator.validateFormData({ ...valid, creditCode: 'x' }, schema);
    expect(errors.map((e) => e.message)).toEqual(['msg:pattern']);
    expect(errorSchema).toEqual({ creditCode: { __errors: ['msg:pattern'] } });
    expect(validator.isValid(schema, valid, schema)).toBe(true);
    expect(validator.isValid(schema, {}, schema)).toBe(false);
  });
});

describe('the server’s field errors on the form', () => {
  it('puts body.form.<path> errors on their fields and returns the rest', () => {
    const { schema: errors, others } = serverFieldErrors(
      [
        { field: 'body.form.creditCode', code: 'pattern', message: 'x' },
        { field: 'body.form.contact.phone', code: 'maxLength', message: 'x', params: { maximum: 20 } },
        { field: 'body.serviceId', code: 'service_not_offered', message: 'x' },
      ],
      (code, params) => `${code}${params?.maximum ?? ''}`,
    );
    expect(errors).toEqual({
      creditCode: { __errors: ['pattern'] },
      contact: { phone: { __errors: ['maxLength20'] } },
    });
    expect(others.map((e) => e.field)).toEqual(['body.serviceId']);
  });
});

import type {
  CustomValidator,
  ErrorTransformer,
  RJSFSchema,
  RJSFValidationError,
  UiSchema,
  ValidationData,
  ValidatorType,
} from '@rjsf/utils';
import {
  createErrorHandler,
  getDefaultFormState,
  toErrorSchema,
  unwrapErrorHandler,
  validationDataMerge,
} from '@rjsf/utils';

/**
 * A JSON Schema (draft-07) checker for @rjsf that compiles nothing. The usual validator
 * (@rjsf/validator-ajv8) turns each schema into code with `new Function`, which the platform's
 * Content-Security-Policy (`script-src 'self'`, no 'unsafe-eval') forbids, rightly. This one walks
 * the schema instead. It covers what service forms use: types, required, enum/const, string
 * lengths, patterns and date formats, number bounds, arrays of choices, nested objects, local
 * `$ref`s and oneOf/anyOf choices. The server checks every application again with ajv, so a
 * keyword left out here is still enforced there.
 */
export type SchemaError = { name: string; property: string; params: Record<string, unknown> };
type Schema = Record<string, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(expected: unknown, v: unknown): boolean {
  const types = Array.isArray(expected) ? expected : [expected];
  const actual = typeOf(v);
  return types.some((t) => t === actual || (t === 'number' && actual === 'integer'));
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const formats: Record<string, (v: string) => boolean> = {
  date: (v) => DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)),
  'date-time': (v) => !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}T/.test(v),
  email: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
};

function resolve(schema: Schema, root: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) node = isObject(node) ? node[part] : undefined;
  return isObject(node) ? resolve(node, root) : schema;
}

/** Characters as people count them (and as ajv does): a character outside the BMP is one. */
const length = (s: string) => [...s].length;

function checkString(s: Schema, v: string, at: string, out: SchemaError[]) {
  const fail = (name: string, params: Record<string, unknown> = {}) =>
    out.push({ name, property: at, params });
  if (typeof s.maxLength === 'number' && length(v) > s.maxLength) fail('maxLength', { limit: s.maxLength });
  if (typeof s.minLength === 'number' && length(v) < s.minLength) fail('minLength', { limit: s.minLength });
  if (typeof s.pattern === 'string') {
    try {
      if (!new RegExp(s.pattern, 'u').test(v)) fail('pattern', { pattern: s.pattern });
    } catch {
      // A pattern the browser cannot read is left to the server.
    }
  }
  const format = typeof s.format === 'string' ? formats[s.format] : undefined;
  if (format && !format(v)) fail(s.format === 'date' ? 'date' : 'format', { format: s.format });
}

function checkNumber(s: Schema, v: number, at: string, out: SchemaError[]) {
  const fail = (name: string, limit: unknown) => out.push({ name, property: at, params: { limit } });
  if (typeof s.minimum === 'number' && v < s.minimum) fail('minimum', s.minimum);
  if (typeof s.maximum === 'number' && v > s.maximum) fail('maximum', s.maximum);
  if (typeof s.exclusiveMinimum === 'number' && v <= s.exclusiveMinimum)
    fail('exclusiveMinimum', s.exclusiveMinimum);
  if (typeof s.exclusiveMaximum === 'number' && v >= s.exclusiveMaximum)
    fail('exclusiveMaximum', s.exclusiveMaximum);
}

function checkArray(s: Schema, v: unknown[], at: string, root: Schema, out: SchemaError[]) {
  const fail = (name: string, params: Record<string, unknown>) => out.push({ name, property: at, params });
  if (typeof s.minItems === 'number' && v.length < s.minItems) fail('minItems', { limit: s.minItems });
  if (typeof s.maxItems === 'number' && v.length > s.maxItems) fail('maxItems', { limit: s.maxItems });
  if (s.uniqueItems === true && new Set(v.map((i) => JSON.stringify(i))).size !== v.length)
    fail('uniqueItems', {});
  if (isObject(s.items)) {
    const items = s.items;
    v.forEach((item, i) => {
      check(items, item, `${at}.${i}`, root, out);
    });
  }
}

function checkObject(s: Schema, v: Record<string, unknown>, at: string, root: Schema, out: SchemaError[]) {
  const properties = isObject(s.properties) ? s.properties : {};
  for (const name of Array.isArray(s.required) ? (s.required as string[]) : []) {
    const value = v[name];
    if (value === undefined || value === null || value === '')
      out.push({ name: 'required', property: `${at}.${name}`, params: { missingProperty: name } });
  }
  for (const [name, value] of Object.entries(v)) {
    if (value === undefined) continue;
    const child = properties[name];
    if (isObject(child)) check(child, value, `${at}.${name}`, root, out);
    else if (s.additionalProperties === false)
      out.push({ name: 'unknown_field', property: `${at}.${name}`, params: {} });
  }
}

/** Appends every way `v` breaks `schema` to `out`, each at its dotted property path. */
export function check(schema: Schema, v: unknown, at: string, root: Schema, out: SchemaError[]): void {
  const s = resolve(schema, root);
  if (s.type !== undefined && !typeMatches(s.type, v)) {
    const wanted = Array.isArray(s.type) ? s.type[0] : s.type;
    out.push({
      name: wanted === 'integer' || wanted === 'number' ? wanted : 'type',
      property: at,
      params: { type: s.type },
    });
    return;
  }
  if (Array.isArray(s.enum) && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(v)))
    out.push({ name: 'enum', property: at, params: { allowedValues: s.enum } });
  if ('const' in s && JSON.stringify(s.const) !== JSON.stringify(v))
    out.push({ name: 'enum', property: at, params: { allowedValues: [s.const] } });
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = s[key];
    if (!Array.isArray(branches)) continue;
    const fits = branches.filter((b) => isObject(b) && isValidAgainst(b, v, root)).length;
    if (key === 'oneOf' ? fits !== 1 : fits === 0)
      out.push({ name: 'enum', property: at, params: { allowedValues: [] } });
  }
  if (Array.isArray(s.allOf)) for (const b of s.allOf) if (isObject(b)) check(b, v, at, root, out);
  if (typeof v === 'string') checkString(s, v, at, out);
  else if (typeof v === 'number') checkNumber(s, v, at, out);
  else if (Array.isArray(v)) checkArray(s, v, at, root, out);
  else if (isObject(v)) checkObject(s, v, at, root, out);
}

function isValidAgainst(schema: Schema, v: unknown, root: Schema): boolean {
  const out: SchemaError[] = [];
  check(schema, v, '', root, out);
  return out.length === 0;
}

/** Every error of `data` against `schema`, with paths like `.creditCode` or `.items.0`. */
export function schemaErrors(schema: Schema, data: unknown): SchemaError[] {
  const out: SchemaError[] = [];
  check(schema, data ?? {}, '', schema, out);
  return out;
}

/** The rjsf validator over `schemaErrors`; `message` words each error in the reader's language. */
export function createValidator(message: (e: SchemaError) => string): ValidatorType {
  const validator: ValidatorType = {
    validateFormData(
      formData: unknown,
      schema: RJSFSchema,
      customValidate?: CustomValidator,
      transformErrors?: ErrorTransformer,
      uiSchema?: UiSchema,
    ): ValidationData<unknown> {
      let errors: RJSFValidationError[] = schemaErrors(schema as Schema, formData).map((e) => ({
        name: e.name,
        property: e.property,
        params: e.params,
        message: message(e),
        stack: `${e.property} ${message(e)}`.trim(),
      }));
      if (transformErrors) errors = transformErrors(errors, uiSchema);
      const errorSchema = toErrorSchema(errors);
      if (!customValidate) return { errors, errorSchema };
      const full = getDefaultFormState(validator, schema, formData, schema, true);
      const handler = customValidate(full, createErrorHandler(full), uiSchema, errorSchema);
      return validationDataMerge({ errors, errorSchema }, unwrapErrorHandler(handler));
    },
    isValid: (schema, formData, rootSchema) =>
      isValidAgainst(schema as Schema, formData, rootSchema as Schema),
    rawValidation: (schema, formData) => ({ errors: schemaErrors(schema as Schema, formData) as never[] }),
  };
  return validator;
}

import type { FieldError } from '@yiwang/contracts';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * A service's application form is a JSON Schema (draft-07, what @rjsf/antd renders and its ajv8
 * validator checks). It is checked when a version is saved, so a published form always compiles,
 * and applications are checked against it with the same engine as the browser.
 */
export type FormSchema = Record<string, unknown>;

export const FORM_LIMITS = {
  properties: 50,
  depth: 4,
  schemaBytes: 64 * 1024,
  uiSchemaBytes: 32 * 1024,
  maxLength: 10_000,
  patternLength: 500,
} as const;

const DRAFT_07 = new Set([
  'http://json-schema.org/draft-07/schema#',
  'http://json-schema.org/draft-07/schema',
]);
/** Formats whose values are short by nature: such strings need no maxLength. */
const BOUNDED_FORMATS = new Set(['date', 'time', 'date-time', 'email', 'uuid', 'ipv4', 'ipv6']);

// ajv-formats is CommonJS: its plugin is module.exports and, for typed importers, `default`.
const addFormats = addFormatsModule.default;

/**
 * A fresh engine per schema: compiled code is not shared between forms (no `$id` collisions, and
 * a dropped form frees its code). Strict: an unknown keyword or format, or a required field
 * that is not a property, is a mistake in the form, not something to ignore.
 */
function newAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    // Errors carry their schema, so a choice written as oneOf of consts reports its options.
    verbose: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: true,
  });
  addFormats(ajv);
  return ajv;
}

type Walk = { at: string; depth: number };

/** Everything wrong with a form schema as a department administrator saves it, at `field`. */
export function checkFormSchema(schema: FormSchema, field = 'body.formSchema'): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (code: string, message: string, params: Record<string, unknown> = {}) =>
    errors.push({ field, code, message, params });
  const bytes = Buffer.byteLength(JSON.stringify(schema));
  if (bytes > FORM_LIMITS.schemaBytes) {
    fail('too_big', `the schema is ${bytes} bytes; at most ${FORM_LIMITS.schemaBytes}`, {
      maximum: FORM_LIMITS.schemaBytes,
    });
    return errors;
  }
  if (schema.$schema !== undefined && !DRAFT_07.has(String(schema.$schema))) {
    fail('unsupported_draft', 'only JSON Schema draft-07 is supported', { expected: 'draft-07' });
  }
  if (schema.type !== 'object') fail('not_an_object_schema', 'the form must be a schema of type "object"');
  const properties = schema.properties;
  if (!isPlainObject(properties) || Object.keys(properties).length === 0) {
    fail('no_properties', 'the form must have at least one property');
  }
  let count = 0;
  const visit = (node: unknown, { at, depth }: Walk) => {
    if (!isPlainObject(node)) return;
    if (depth > FORM_LIMITS.depth) {
      fail('too_deep', `nested deeper than ${FORM_LIMITS.depth} levels`, {
        path: at,
        maximum: FORM_LIMITS.depth,
      });
      return;
    }
    if (isPlainObject(node.properties)) {
      for (const [name, child] of Object.entries(node.properties)) {
        count += 1;
        visit(child, { at: `${at}/properties/${name}`, depth: depth + 1 });
      }
    }
    if (node.items !== undefined) {
      const tuple = Array.isArray(node.items);
      const items: unknown[] = tuple ? (node.items as unknown[]) : [node.items];
      for (const [i, item] of items.entries())
        visit(item, { at: `${at}/items${tuple ? `/${i}` : ''}`, depth });
    }
    for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
      const list = node[key];
      if (Array.isArray(list))
        for (const [i, item] of list.entries()) visit(item, { at: `${at}/${key}/${i}`, depth });
    }
    for (const key of ['definitions', '$defs'] as const) {
      const defs = node[key];
      if (isPlainObject(defs))
        for (const [name, def] of Object.entries(defs)) visit(def, { at: `${at}/${key}/${name}`, depth });
    }
    checkString(node, at, fail);
  };
  visit(schema, { at: '', depth: 0 });
  if (count > FORM_LIMITS.properties) {
    fail('too_many_properties', `${count} properties; a form has at most ${FORM_LIMITS.properties}`, {
      maximum: FORM_LIMITS.properties,
      found: count,
    });
  }
  if (errors.length > 0) return errors;
  try {
    newAjv().compile(schema);
  } catch (error) {
    fail('invalid_json_schema', (error as Error).message.slice(0, 500));
  }
  return errors;
}

function checkString(
  node: Record<string, unknown>,
  at: string,
  fail: (code: string, message: string, params?: Record<string, unknown>) => void,
) {
  if (typeof node.pattern === 'string') {
    if (node.pattern.length > FORM_LIMITS.patternLength) {
      fail('pattern_too_long', `a pattern has at most ${FORM_LIMITS.patternLength} characters`, { path: at });
    } else {
      try {
        new RegExp(node.pattern, 'u');
      } catch {
        fail('invalid_pattern', 'not a valid regular expression', { path: at });
      }
    }
  }
  const types = Array.isArray(node.type) ? node.type : [node.type];
  if (!types.includes('string')) return;
  const bounded =
    node.enum !== undefined ||
    node.const !== undefined ||
    node.oneOf !== undefined ||
    node.anyOf !== undefined ||
    (typeof node.format === 'string' && BOUNDED_FORMATS.has(node.format));
  if (typeof node.maxLength === 'number') {
    if (node.maxLength > FORM_LIMITS.maxLength)
      fail('max_length_too_big', `maxLength is at most ${FORM_LIMITS.maxLength}`, { path: at });
  } else if (!bounded) {
    fail('max_length_missing', 'a free-text field needs a maxLength', { path: at });
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The uiSchema is rendering hints only; it just has to stay small. */
export function checkUiSchema(uiSchema: Record<string, unknown>, field = 'body.uiSchema'): FieldError[] {
  const bytes = Buffer.byteLength(JSON.stringify(uiSchema));
  return bytes > FORM_LIMITS.uiSchemaBytes
    ? [
        {
          field,
          code: 'too_big',
          message: `at most ${FORM_LIMITS.uiSchemaBytes} bytes`,
          params: { maximum: FORM_LIMITS.uiSchemaBytes },
        },
      ]
    : [];
}

// Compiled validators by service version id. A published version never changes, so its entry
// never goes stale; a draft's entry is dropped when the draft is saved (forgetApplicationForm).
const CACHE_SIZE = 500;
const compiled = new Map<string, ValidateFunction>();

function validatorFor(schema: FormSchema, cacheKey: string | undefined): ValidateFunction {
  const hit = cacheKey ? compiled.get(cacheKey) : undefined;
  if (hit) {
    // Most recently used last, so the oldest is the first to go.
    compiled.delete(cacheKey as string);
    compiled.set(cacheKey as string, hit);
    return hit;
  }
  const fn = newAjv().compile(schema);
  if (cacheKey) {
    compiled.set(cacheKey, fn);
    if (compiled.size > CACHE_SIZE) compiled.delete(compiled.keys().next().value as string);
  }
  return fn;
}

export function forgetApplicationForm(versionId: string): void {
  compiled.delete(versionId);
}

/** How many compiled forms are cached (for tests and metrics). */
export function cachedApplicationForms(): number {
  return compiled.size;
}

/**
 * Checks an application's form data against a service version's form schema. Each error names
 * the field as `body.form.<path>` with a stable code (`required`, `type`, `maxLength`, `enum`,
 * `pattern`, `format`, `minimum`, `unknown_field`, …). Pass the version id as `versionId` to
 * reuse the compiled validator; the schema must be one `checkFormSchema` accepted.
 */
export function validateApplicationForm(
  schema: FormSchema,
  data: unknown,
  versionId?: string,
  prefix = 'body.form',
): FieldError[] {
  const validate = validatorFor(schema, versionId);
  const errors: FieldError[] = [];
  if (isPlainObject(data) && schema.additionalProperties === undefined && isPlainObject(schema.properties)) {
    // Like every request body of the platform: a field the form does not have is an error.
    for (const key of Object.keys(data)) {
      if (!(key in schema.properties))
        errors.push({
          field: `${prefix}.${key}`,
          code: 'unknown_field',
          message: 'not a field of this form',
        });
    }
  }
  if (!validate(data)) errors.push(...toFieldErrors(validate.errors ?? [], prefix));
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.field}\u0000${e.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function pathOf(prefix: string, instancePath: string, extra?: string): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (extra !== undefined) parts.push(extra);
  return [prefix, ...parts].join('.');
}

function toFieldErrors(raw: ErrorObject[], prefix: string): FieldError[] {
  // A oneOf/anyOf of consts is how @rjsf writes a choice with labels: report it once, as `enum`.
  const choices = raw.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const insideChoice = (e: ErrorObject) =>
    choices.some(
      (c) => c !== e && e.instancePath === c.instancePath && e.schemaPath.startsWith(`${c.schemaPath}/`),
    );
  const out: FieldError[] = [];
  for (const e of raw) {
    if (e.keyword === 'if' || insideChoice(e)) continue;
    const params = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'required':
        out.push({
          field: pathOf(prefix, e.instancePath, String(params.missingProperty)),
          code: 'required',
          message: 'this field is required',
        });
        break;
      case 'additionalProperties':
        out.push({
          field: pathOf(prefix, e.instancePath, String(params.additionalProperty)),
          code: 'unknown_field',
          message: 'not a field of this form',
        });
        break;
      case 'oneOf':
      case 'anyOf': {
        const branches = e.parentSchema?.[e.keyword];
        const values = Array.isArray(branches)
          ? branches.map((b: { const?: unknown }) => b?.const).filter((v) => v !== undefined)
          : [];
        const isChoice = Array.isArray(branches) && values.length === branches.length;
        out.push({
          field: pathOf(prefix, e.instancePath),
          code: isChoice ? 'enum' : e.keyword,
          message: isChoice ? 'not one of the options' : (e.message ?? e.keyword),
          params: isChoice ? { values } : {},
        });
        break;
      }
      default:
        out.push({
          field: pathOf(prefix, e.instancePath),
          code: e.keyword,
          message: e.message ?? e.keyword,
          params: presentParams(e.keyword, params),
        });
    }
  }
  return out;
}

function presentParams(keyword: string, params: Record<string, unknown>): Record<string, unknown> {
  switch (keyword) {
    case 'maxLength':
    case 'maxItems':
    case 'maxProperties':
      return { maximum: params.limit };
    case 'minLength':
    case 'minItems':
    case 'minProperties':
      return { minimum: params.limit };
    case 'maximum':
    case 'exclusiveMaximum':
      return { maximum: params.limit };
    case 'minimum':
    case 'exclusiveMinimum':
      return { minimum: params.limit };
    case 'enum':
      return { values: params.allowedValues };
    case 'const':
      return { values: [params.allowedValue] };
    case 'type':
      return { expected: params.type };
    case 'format':
      return { format: params.format };
    case 'pattern':
      return { pattern: params.pattern };
    default:
      return {};
  }
}

import type { FieldError } from '@yiwang/contracts';
import type { FieldDef } from './definition.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks submitted values against a definition's fields; returns the values kept (known fields
 * only, trimmed) and every error, each with the field at fault and a stable code.
 */
export function checkFields(
  fields: readonly FieldDef[],
  values: Record<string, unknown>,
  prefix: string,
): { values: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const kept: Record<string, unknown> = {};
  const known = new Set(fields.map((f) => f.name));
  for (const name of Object.keys(values)) {
    if (!known.has(name))
      errors.push({ field: `${prefix}.${name}`, code: 'unknown_field', message: 'not a field of this form' });
  }
  for (const field of fields) {
    const raw = values[field.name];
    const value = typeof raw === 'string' ? raw.trim() : raw;
    const at = `${prefix}.${field.name}`;
    if (value === undefined || value === null || value === '') {
      if (field.required) errors.push({ field: at, code: 'required', message: 'this field is required' });
      continue;
    }
    const problem = checkValue(field, value);
    if (problem) errors.push({ field: at, ...problem });
    else kept[field.name] = value;
  }
  return { values: kept, errors };
}

function checkValue(field: FieldDef, value: unknown): Omit<FieldError, 'field'> | null {
  switch (field.type) {
    case 'text': {
      if (typeof value !== 'string') return { code: 'not_text', message: 'must be text' };
      const max = field.maxLength ?? 2000;
      if ([...value].length > max)
        return { code: 'too_long', message: `at most ${max} characters`, params: { max } };
      return null;
    }
    case 'integer': {
      if (typeof value !== 'number' || !Number.isSafeInteger(value))
        return { code: 'not_integer', message: 'must be a whole number' };
      if (field.min !== undefined && value < field.min)
        return { code: 'too_small', message: `at least ${field.min}`, params: { min: field.min } };
      if (field.max !== undefined && value > field.max)
        return { code: 'too_large', message: `at most ${field.max}`, params: { max: field.max } };
      return null;
    }
    case 'date':
      return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : { code: 'not_date', message: 'must be a date YYYY-MM-DD' };
    case 'choice':
      return field.options?.some((o) => o.value === value)
        ? null
        : {
            code: 'not_an_option',
            message: 'not one of the options',
            params: { options: field.options?.map((o) => o.value) },
          };
  }
}

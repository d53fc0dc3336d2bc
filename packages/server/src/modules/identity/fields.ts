import type { FieldError } from '@yiwang/contracts';
import { type Reason, validateMobile, validateResidentId } from '@yiwang/standards';
import type { SecuritySettings } from '../../config.ts';
import { checkPasswordPolicy } from '../../platform/auth/passwords.ts';
import { ValidationProblem } from '../../platform/http/problems.ts';

/** A standard's reasons become one field error that says, in both languages, which rule failed. */
export function reasonsError(field: string, code: string, reasons: readonly Reason[]): FieldError {
  return {
    field,
    code,
    message: reasons.map((r) => r.en).join('; '),
    params: { reasons: reasons.map((r) => ({ code: r.code, zh: r.zh, en: r.en })) },
  };
}

export function passwordErrors(field: string, password: string, security: SecuritySettings): FieldError[] {
  return checkPasswordPolicy(password, security.password).map((p) => ({
    field,
    code: p.code,
    message:
      p.code === 'password.too_short'
        ? `at least ${p.params.minimum} characters`
        : `at least ${p.params.minimum} of lower case, upper case, digits, symbols`,
    params: p.params,
  }));
}

export function checkedIdNumber(value: string, field: string, errors: FieldError[]): string {
  const result = validateResidentId(value);
  if (result.ok) return result.value;
  errors.push(reasonsError(field, 'invalid_id_number', result.reasons));
  return value;
}

export function checkedMobile(value: string, field: string, errors: FieldError[]): string {
  const result = validateMobile(value);
  if (result.ok) return result.value;
  errors.push(reasonsError(field, 'invalid_mobile', result.reasons));
  return value;
}

export function throwIfAny(errors: FieldError[]): void {
  if (errors.length > 0) throw new ValidationProblem(errors);
}

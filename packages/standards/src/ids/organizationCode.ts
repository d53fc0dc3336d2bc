import { type Messages, type Refusal, refuse } from './reason.ts';

// GB 11714-1997 organisation code: 8 body characters (digits, A=10 … Z=35) and a check character,
// usually printed as XXXXXXXX-C.

export type OrganizationCodeReasonCode = 'org.length' | 'org.characters' | 'org.check_digit';

export type OrganizationCodeValidation =
  | { readonly ok: true; readonly value: string }
  | Refusal<OrganizationCodeReasonCode>;

const MESSAGES: Messages<OrganizationCodeReasonCode> = {
  'org.length': {
    zh: '组织机构代码应为9位（可写作8位本体代码加连字符和校验码）',
    en: 'An organisation code has 9 characters (it may be written as 8, a hyphen and the check character)',
  },
  'org.characters': {
    zh: '组织机构代码本体只能由数字和大写字母组成，校验码只能是数字或X',
    en: 'The first 8 characters must be digits or letters, and the check character a digit or X',
  },
  'org.check_digit': {
    zh: '组织机构代码校验码不正确，代码可能有误',
    en: 'The check character does not match; the code may have been mistyped',
  },
};

const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const BODY = /^[0-9A-Z]{8}$/;

/** The check character of an 8-character organisation code body. */
export function organizationCodeCheckChar(body: string): string {
  if (!BODY.test(body)) throw new RangeError(`not an organisation code body: ${body}`);
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number.parseInt(body.charAt(i), 36), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  return check === 11 ? '0' : String(check);
}

/** Validates a GB 11714 organisation code, with or without the hyphen; returns it as 9 characters. */
export function validateOrganizationCode(input: string): OrganizationCodeValidation {
  const value = input
    .trim()
    .toUpperCase()
    .replace(/-(?=.$)/, '');
  if (value.length !== 9) {
    return refuse(MESSAGES, /^[0-9A-Z]*$/.test(value) ? ['org.length'] : ['org.length', 'org.characters']);
  }
  const body = value.slice(0, 8);
  const check = value.charAt(8);
  if (!BODY.test(body) || !/^[0-9X]$/.test(check)) return refuse(MESSAGES, ['org.characters']);
  if (organizationCodeCheckChar(body) !== check) return refuse(MESSAGES, ['org.check_digit']);
  return { ok: true, value };
}

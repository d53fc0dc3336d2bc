import { isKnownRegionCode } from '../divisions/index.ts';
import { findOrganisationType, type OrganisationType } from './creditCodeTypes.ts';
import { organizationCodeCheckChar } from './organizationCode.ts';
import { type Messages, type Refusal, refuse } from './reason.ts';

// GB 32100-2015 unified social credit code: department + type (2), registration region (6),
// GB 11714 organisation code with its own check (9), check (1).

export type CreditCodeReasonCode =
  | 'uscc.length'
  | 'uscc.characters'
  | 'uscc.type'
  | 'uscc.region'
  | 'uscc.org_code'
  | 'uscc.check_digit';

export interface CreditCode {
  readonly ok: true;
  readonly value: string;
  readonly type: OrganisationType;
  readonly region: string;
  /** The GB 11714 organisation code, 9 characters without hyphen. */
  readonly organizationCode: string;
}

export type CreditCodeValidation = CreditCode | Refusal<CreditCodeReasonCode>;

const MESSAGES: Messages<CreditCodeReasonCode> = {
  'uscc.length': { zh: '统一社会信用代码应为18位', en: 'A unified social credit code has 18 characters' },
  'uscc.characters': {
    zh: '统一社会信用代码只能由数字和大写字母组成，不含I、O、S、V、Z',
    en: 'A unified social credit code uses only digits and capital letters other than I, O, S, V and Z',
  },
  'uscc.type': {
    zh: '前两位不是已知的登记管理部门和机构类别',
    en: 'The first two characters are not a known registration department and organisation type',
  },
  'uscc.region': {
    zh: '第3至8位不是有效的行政区划代码',
    en: 'Characters 3 to 8 are not a known administrative division code',
  },
  'uscc.org_code': {
    zh: '第9至17位不是有效的组织机构代码',
    en: 'Characters 9 to 17 are not a valid organisation code',
  },
  'uscc.check_digit': {
    zh: '统一社会信用代码校验码不正确，代码可能有误',
    en: 'The check character does not match; the code may have been mistyped',
  },
};

export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const WELL_FORMED = /^[0-9A-HJ-NP-RTUWXY]{18}$/;
const ALPHABET_ONLY = /^[0-9A-HJ-NP-RTUWXY]*$/;

// Bodies registered by central government carry 100000, the national level, instead of a division code.
const NATIONAL_REGION = '100000';

/** The check character of the first 17 characters of a credit code. */
export function creditCodeCheckChar(body: string): string {
  if (!/^[0-9A-HJ-NP-RTUWXY]{17}$/.test(body)) throw new RangeError(`not a credit code body: ${body}`);
  const sum = WEIGHTS.reduce(
    (total, weight, i) => total + weight * CREDIT_CODE_ALPHABET.indexOf(body.charAt(i)),
    0,
  );
  return CREDIT_CODE_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Validates a unified social credit code, reporting every problem found. */
export function validateCreditCode(input: string): CreditCodeValidation {
  const value = input.trim().toUpperCase();
  if (value.length !== 18) {
    return refuse(MESSAGES, ALPHABET_ONLY.test(value) ? ['uscc.length'] : ['uscc.length', 'uscc.characters']);
  }
  const type = findOrganisationType(value.slice(0, 2));
  const problems = problemsOf(value, type);
  // An unknown type always shows up among the problems, as the type or as the characters.
  if (problems.length > 0 || type === undefined) return refuse(MESSAGES, problems);
  return { ok: true, value, type, region: value.slice(2, 8), organizationCode: value.slice(8, 17) };
}

// A part holding characters outside the alphabet is already reported as a character problem.
function problemsOf(value: string, type: OrganisationType | undefined): CreditCodeReasonCode[] {
  const wellFormed = WELL_FORMED.test(value);
  const [typePart, region, organizationCode] = [value.slice(0, 2), value.slice(2, 8), value.slice(8, 17)];
  const problems: CreditCodeReasonCode[] = wellFormed ? [] : ['uscc.characters'];
  if (ALPHABET_ONLY.test(typePart) && type === undefined) problems.push('uscc.type');
  if (ALPHABET_ONLY.test(region) && region !== NATIONAL_REGION && !isKnownRegionCode(region)) {
    problems.push('uscc.region');
  }
  if (ALPHABET_ONLY.test(organizationCode) && !isValidOrganizationCode(organizationCode)) {
    problems.push('uscc.org_code');
  }
  if (wellFormed && creditCodeCheckChar(value.slice(0, 17)) !== value.charAt(17))
    problems.push('uscc.check_digit');
  return problems;
}

function isValidOrganizationCode(code: string): boolean {
  return organizationCodeCheckChar(code.slice(0, 8)) === code.charAt(8);
}

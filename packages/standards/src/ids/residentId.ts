import { isKnownRegionCode } from '../divisions/index.ts';
import { chinaDateOf } from '../time/chinaTime.ts';
import { type Messages, type Refusal, refuse } from './reason.ts';

// GB 11643-1999 citizen identity number: region (6) + birth date YYYYMMDD (8) + sequence (3) + check (1).
// Numbers issued before 1999 have 15 digits: a 2-digit year and no check character.

export type ResidentIdReasonCode =
  | 'id.length'
  | 'id.characters'
  | 'id.region'
  | 'id.birth_date'
  | 'id.check_digit';

export type Sex = 'male' | 'female';

export interface ResidentId {
  readonly ok: true;
  /** The 18-character number, with an upper-case X; 15-digit numbers are upgraded. */
  readonly value: string;
  readonly region: string;
  /** YYYY-MM-DD */
  readonly birthDate: string;
  readonly sex: Sex;
}

export type ResidentIdValidation = ResidentId | Refusal<ResidentIdReasonCode>;

export interface ResidentIdOptions {
  /** Today's legal date (YYYY-MM-DD); defaults to the current date in China Standard Time. */
  readonly today?: string;
}

const MESSAGES: Messages<ResidentIdReasonCode> = {
  'id.length': {
    zh: '身份证号码应为18位（旧版为15位）',
    en: 'An ID number has 18 characters (15 digits for an old-style number)',
  },
  'id.characters': {
    zh: '身份证号码只能由数字组成，18位号码的最后一位可以是X',
    en: 'An ID number contains only digits, except that the last of 18 may be X',
  },
  'id.region': {
    zh: '身份证号码前6位不是有效的行政区划代码',
    en: 'The first 6 digits are not a known administrative division code',
  },
  'id.birth_date': {
    zh: '出生日期无效，应为1900年1月1日至今天之间的真实日期',
    en: 'The birth date must be a real date from 1900-01-01 up to today',
  },
  'id.check_digit': {
    zh: '身份证号码校验码不正确，号码可能有误',
    en: 'The check character does not match; the number may have been mistyped',
  },
};

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';
// By the length of the number: YYMMDD in old 15-digit numbers, YYYYMMDD in 18-character ones.
const BIRTH_DATE_LENGTH: Readonly<Record<number, number>> = { 15: 6, 18: 8 };

const isDigits = (text: string) => /^\d+$/.test(text);

/** The check character of the first 17 digits of an ID number. */
export function residentIdCheckChar(body: string): string {
  if (!/^\d{17}$/.test(body)) throw new RangeError(`not an ID number body: ${body}`);
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(body.charAt(i)), 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/** The 18-character form of a 15-digit ID number: the year gains its century (all were 19xx). */
export function upgradeResidentId(fifteen: string): string {
  if (!/^\d{15}$/.test(fifteen)) throw new RangeError(`not a 15-digit ID number: ${fifteen}`);
  const body = `${fifteen.slice(0, 6)}19${fifteen.slice(6)}`;
  return body + residentIdCheckChar(body);
}

/** Validates an 18- or 15-character ID number, reporting every problem found. */
export function validateResidentId(input: string, options: ResidentIdOptions = {}): ResidentIdValidation {
  const value = input.trim().toUpperCase();
  const today = options.today ?? chinaDateOf(new Date());
  const problems = value.length === 15 ? problemsOfFifteen(value, today) : problemsOfEighteen(value, today);
  if (problems.length > 0) return refuse(MESSAGES, problems);
  const id = value.length === 15 ? upgradeResidentId(value) : value;
  const sex: Sex = Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value: id, region: id.slice(0, 6), birthDate: isoDate(id.slice(6, 14)), sex };
}

function problemsOfEighteen(value: string, today: string): ResidentIdReasonCode[] {
  if (value.length !== 18) return /^[\dX]*$/.test(value) ? ['id.length'] : ['id.length', 'id.characters'];
  const wellFormed = /^\d{17}[\dX]$/.test(value);
  const problems = problemsOfBody(value.slice(0, 6), value.slice(6, 14), today);
  if (!wellFormed) problems.unshift('id.characters');
  const check = value.charAt(17);
  if (wellFormed && residentIdCheckChar(value.slice(0, 17)) !== check) problems.push('id.check_digit');
  return problems;
}

function problemsOfFifteen(value: string, today: string): ResidentIdReasonCode[] {
  const problems = problemsOfBody(value.slice(0, 6), `19${value.slice(6, 12)}`, today);
  if (!isDigits(value)) problems.unshift('id.characters');
  return problems;
}

// A part holding a non-digit is already reported as a character problem.
function problemsOfBody(region: string, birth: string, today: string): ResidentIdReasonCode[] {
  const problems: ResidentIdReasonCode[] = [];
  if (isDigits(region) && !isKnownRegionCode(region)) problems.push('id.region');
  if (isDigits(birth) && !isPossibleBirthDate(isoDate(birth), today)) problems.push('id.birth_date');
  return problems;
}

function isPossibleBirthDate(date: string, today: string): boolean {
  const calendar = new Date(`${date}T00:00:00Z`);
  const isReal = !Number.isNaN(calendar.getTime()) && calendar.toISOString().slice(0, 10) === date;
  return isReal && date >= EARLIEST_BIRTH_DATE && date <= today;
}

function isoDate(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/** Hides the birth date: 230102199001011234 → 230102********1234, 230102900101123 → 230102******123. */
export function maskResidentId(input: string): string {
  const value = input.trim().toUpperCase();
  const birthDateLength = BIRTH_DATE_LENGTH[value.length];
  if (birthDateLength === undefined) return '*'.repeat(value.length);
  return value.slice(0, 6) + '*'.repeat(birthDateLength) + value.slice(6 + birthDateLength);
}

import type { Division, RetiredDivision } from './division.ts';
import { HEILONGJIANG_DIVISIONS } from './heilongjiang-divisions.ts';
import { HEILONGJIANG_RETIRED_DIVISIONS } from './retired-divisions.ts';

const HEILONGJIANG_PREFIX = '23';

// Province-level codes of GB/T 2260 (mainland, Taiwan, Hong Kong, Macao).
const PROVINCE_PREFIXES: ReadonlySet<string> = new Set([
  ...['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'],
  ...['71', '81', '82'],
]);

const byCode = new Map(HEILONGJIANG_DIVISIONS.map((division) => [division.code, division]));
const retiredByCode = new Map(HEILONGJIANG_RETIRED_DIVISIONS.map((division) => [division.code, division]));

const childrenByParent = new Map<string, Division[]>();
for (const division of HEILONGJIANG_DIVISIONS) {
  if (division.parent === null) continue;
  const siblings = childrenByParent.get(division.parent) ?? [];
  siblings.push(division);
  childrenByParent.set(division.parent, siblings);
}

/** The Heilongjiang division in force with this code. */
export function findDivision(code: string): Division | undefined {
  return byCode.get(code);
}

/** The divisions directly beneath a division, in code order; empty for a county or an unknown code. */
export function childrenOf(code: string): readonly Division[] {
  return childrenByParent.get(code) ?? [];
}

export function isCurrentDivision(code: string): boolean {
  return byCode.has(code);
}

/** A Heilongjiang code that is no longer in force but may still appear in identifiers. */
export function findRetiredDivision(code: string): RetiredDivision | undefined {
  return retiredByCode.get(code);
}

/**
 * Whether a code may stand as the region of an ID number or credit code.
 *
 * We hold the full list (current and retired) only for Heilongjiang, so a 23xxxx code must be in it.
 * Any other code is accepted when it is well formed: six digits under a real province-level code, and
 * no county part beneath an empty prefecture part. Statistics-bureau codes are not legal divisions and
 * are refused for Heilongjiang; elsewhere we cannot tell them apart.
 */
export function isKnownRegionCode(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const province = code.slice(0, 2);
  if (!PROVINCE_PREFIXES.has(province)) return false;
  if (province === HEILONGJIANG_PREFIX) return byCode.has(code) || retiredByCode.has(code);
  return code.slice(2, 4) !== '00' || code.slice(4, 6) === '00';
}

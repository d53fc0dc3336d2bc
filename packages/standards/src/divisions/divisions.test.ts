import { describe, expect, it } from 'vitest';
import {
  childrenOf,
  findDivision,
  findRetiredDivision,
  HEILONGJIANG_DIVISIONS,
  HEILONGJIANG_RETIRED_DIVISIONS,
  isCurrentDivision,
  isKnownRegionCode,
} from './index.ts';

const atLevel = (level: string) => HEILONGJIANG_DIVISIONS.filter((division) => division.level === level);

describe('Heilongjiang division tree (GB/T 2260)', () => {
  it('holds 1 province, 13 prefecture-level and 121 county-level divisions', () => {
    expect(atLevel('province').map((division) => division.code)).toEqual(['230000']);
    expect(atLevel('prefecture')).toHaveLength(13);
    expect(atLevel('county')).toHaveLength(121);
    expect(HEILONGJIANG_DIVISIONS).toHaveLength(135);
  });

  it('has unique six-digit codes under 23', () => {
    const codes = HEILONGJIANG_DIVISIONS.map((division) => division.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^23\d{4}$/);
  });

  it('links every prefecture to the province and every county to a prefecture', () => {
    for (const division of atLevel('prefecture')) expect(division.parent).toBe('230000');
    for (const county of atLevel('county')) {
      expect(county.parent, county.code).not.toBeNull();
      expect(findDivision(county.parent ?? '')?.level, county.code).toBe('prefecture');
    }
    expect(findDivision('230000')?.parent).toBeNull();
  });

  it('keeps statistics-only codes and 市辖区 placeholders out of the tree', () => {
    const statisticsOnly = ['230671', '231071', '232761', '232762', '232763', '232764'];
    // Only cities have 市辖区; in 大兴安岭地区 232701 is the real 漠河市.
    const cities = atLevel('prefecture').filter((prefecture) => prefecture.name.endsWith('市'));
    const placeholders = cities.map((city) => `${city.code.slice(0, 4)}01`);
    for (const code of [...statisticsOnly, ...placeholders]) {
      expect(isCurrentDivision(code), code).toBe(false);
      expect(isKnownRegionCode(code), code).toBe(false);
    }
    expect(HEILONGJIANG_DIVISIONS.some((division) => division.name === '市辖区')).toBe(false);
  });

  it('finds divisions and their children', () => {
    expect(findDivision('230102')).toEqual({
      code: '230102',
      name: '道里区',
      level: 'county',
      parent: '230100',
    });
    expect(childrenOf('230000').map((division) => division.name)).toContain('大兴安岭地区');
    expect(childrenOf('232700').map((division) => division.code)).toEqual(['232701', '232721', '232722']);
    expect(childrenOf('230102')).toEqual([]);
    expect(findDivision('230107')).toBeUndefined();
  });

  it('counts the children of every prefecture as the county total', () => {
    const counted = atLevel('prefecture').reduce((sum, p) => sum + childrenOf(p.code).length, 0);
    expect(counted).toBe(121);
  });
});

describe('retired Heilongjiang codes', () => {
  it('are well formed, unique, named and no longer in force', () => {
    const codes = HEILONGJIANG_RETIRED_DIVISIONS.map((division) => division.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const division of HEILONGJIANG_RETIRED_DIVISIONS) {
      expect(division.code).toMatch(/^23\d{4}$/);
      expect(division.name).not.toBe('');
      expect(isCurrentDivision(division.code), division.code).toBe(false);
    }
  });

  it('are still accepted as the region of an identifier', () => {
    const examples = ['230107', '230181', '230182', '230802', '230833', '231024', '231121', '232723'];
    const oldYichun = Array.from({ length: 15 }, (_, i) => String(230702 + i));
    for (const code of [...examples, ...oldYichun]) expect(isKnownRegionCode(code), code).toBe(true);
    expect(findRetiredDivision('230107')?.name).toBe('动力区');
    expect(findRetiredDivision('230717')).toBeUndefined();
  });
});

describe('region codes of identifiers', () => {
  it('accepts current Heilongjiang divisions at every level', () => {
    for (const code of ['230000', '230100', '230102', '230183', '232701']) {
      expect(isKnownRegionCode(code), code).toBe(true);
    }
  });

  it('refuses Heilongjiang codes that never existed', () => {
    for (const code of ['230199', '230799', '239900', '230701']) {
      expect(isKnownRegionCode(code), code).toBe(false);
    }
  });

  it('accepts well-formed codes of other provinces', () => {
    for (const code of ['110105', '440524', '350100', '419001', '650000', '810000', '820000', '710000']) {
      expect(isKnownRegionCode(code), code).toBe(true);
    }
  });

  it('refuses codes under no province or badly formed', () => {
    for (const code of ['100000', '160101', '240101', '720000', '990000', '110012', '11010', '11010a']) {
      expect(isKnownRegionCode(code), code).toBe(false);
    }
  });
});

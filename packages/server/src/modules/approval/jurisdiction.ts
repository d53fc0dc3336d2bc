import type { Tx } from '../../platform/db/transaction.ts';

/**
 * Where a unit's acts go for review and suit, and its 机关代字: readings of 行政复议法 (2023) and
 * 行政诉讼法 explained in the header of documents.ts.
 */

export type UnitPlace = {
  id: string;
  code: string;
  kind: 'division' | 'department';
  name: string;
  /** The unit one level up on its line (条), for vertically led bodies. */
  lineParentName: string | null;
  /** The unit's division and the divisions above it, by GB/T 2260 code. */
  division: string;
  places: ReadonlyMap<string, string>;
};

const VERTICAL = /海关|税务|国家安全|金融监督管理|外汇管理/;

const provinceOf = (code: string) => `${code.slice(0, 2)}0000`;
const prefectureOf = (code: string) => `${code.slice(0, 4)}00`;
/** GB/T 2260 numbers every provincial capital xx01. */
const capitalOf = (code: string) => `${code.slice(0, 2)}0100`;
const levelOf = (code: string) =>
  code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'prefecture' : 'county';

/** The place's name as a government writes it: 黑龙江省, 哈尔滨市, 哈尔滨市道里区, 依兰县. */
function placeName(u: UnitPlace, code: string): string {
  const name = u.places.get(code) ?? code;
  if (levelOf(code) !== 'county' || !name.endsWith('区')) return name;
  const city = u.places.get(prefectureOf(code));
  return city?.endsWith('市') ? `${city}${name}` : name;
}

function governmentOf(u: UnitPlace, code: string): string {
  const name = placeName(u, code);
  return name.endsWith('地区') ? `${name}行政公署` : `${name}人民政府`;
}

/** 行政复议法（2023）第24条、第27条: see the header. */
export function reviewBodyOf(u: UnitPlace): string {
  if (u.kind === 'division') {
    const level = levelOf(u.division);
    if (level === 'province') return governmentOf(u, u.division);
    return governmentOf(u, level === 'prefecture' ? provinceOf(u.division) : prefectureOf(u.division));
  }
  if (VERTICAL.test(u.name)) return u.lineParentName ?? '上一级主管部门';
  return governmentOf(u, u.division);
}

/** 行政诉讼法第18条: the courts of the city where the unit sits; see the header. */
export function courtOf(u: UnitPlace): string {
  const level = levelOf(u.division);
  const seat =
    level === 'province'
      ? capitalOf(u.division)
      : level === 'prefecture'
        ? u.division
        : prefectureOf(u.division);
  const city = u.places.get(seat) ?? u.places.get(u.division) ?? u.name;
  return `${city}有管辖权的人民法院`;
}

/** Both versions' parameters: v2 (2023 law) reads reviewBody, v1 (2017 law, 第12条) reviewBodies. */
export function remedies(u: UnitPlace) {
  const reviewBody = reviewBodyOf(u);
  const both =
    u.kind === 'department' && u.lineParentName && u.lineParentName !== reviewBody
      ? [reviewBody, u.lineParentName]
      : [reviewBody];
  return { reviewBody, reviewBodies: both, court: courtOf(u) };
}

/** Short forms of the demo lines (org seed: 230100-SCJG): 市场监督管理 → 市监. */
const LINE_SHORT: Record<string, string> = {
  SCJG: '市监',
  GA: '公',
  ZWFW: '政务',
  XF: '信访',
  SJ: '审',
  TJ: '统',
  YJ: '应急',
  DA: '档',
};

/** 黑, 哈市, 哈道里, 哈依兰: the place as 机关代字 shorten it. */
function placeShort(u: UnitPlace, code: string): string {
  const name = u.places.get(code) ?? code;
  const level = levelOf(code);
  if (level === 'province') return name.slice(0, 1);
  if (level === 'prefecture') return name.endsWith('市') ? `${name.slice(0, 1)}市` : name.slice(0, 1);
  const city = u.places.get(prefectureOf(code)) ?? '';
  return `${city.slice(0, 1)}${name.replace(/(自治县|区|县|市|旗)$/, '')}`;
}

/** The 机关代字 before 许: 哈市监 for 哈尔滨市市场监督管理局; the unit code where no short form is known. */
export function documentPrefix(u: UnitPlace): string {
  if (u.kind === 'division') return `${placeShort(u, u.division)}政`;
  const line = LINE_SHORT[u.code.split('-')[1] ?? ''];
  if (!line) return u.code;
  const place = placeShort(u, u.division);
  // 哈市 + 市监 → 哈市监: one 市 serves the city and 市场 (黑 + 市监 → 黑市监).
  return place.endsWith('市') && line.startsWith('市') ? `${place}${line.slice(1)}` : `${place}${line}`;
}

/** A unit with the names of the places its review and suit rules need. */
export async function loadUnit(tx: Tx, unitId: string): Promise<UnitPlace> {
  const unit = await tx
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as l', 'l.id', 'u.line_parent_id')
    .select(['u.id', 'u.code', 'u.kind', 'u.name_zh', 'u.division_code', 'l.name_zh as line_parent'])
    .where('u.id', '=', unitId)
    .executeTakeFirstOrThrow();
  const d = unit.division_code;
  const codes = [...new Set([d, prefectureOf(d), provinceOf(d), capitalOf(d)])];
  const places = await tx
    .selectFrom('org_unit')
    .select(['code', 'name_zh'])
    .where('kind', '=', 'division')
    .where('code', 'in', codes)
    .execute();
  return {
    id: unit.id,
    code: unit.code,
    kind: unit.kind as 'division' | 'department',
    name: unit.name_zh,
    lineParentName: unit.line_parent,
    division: d,
    places: new Map(places.map((p) => [p.code, p.name_zh])),
  };
}

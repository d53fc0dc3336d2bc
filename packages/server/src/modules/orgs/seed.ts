import { createHash } from 'node:crypto';
import {
  creditCodeCheckChar,
  findDivision,
  HEILONGJIANG_DIVISIONS,
  organizationCodeCheckChar,
} from '@yiwang/standards';
import type { Insertable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../platform/db/database.ts';
import type { OrgUnitTable } from '../../platform/db/schema.ts';
import { DEMO_CITIES, DEMO_COUNTIES, DEPARTMENT_LINES, type DepartmentLine } from './catalogue.ts';

type NewUnit = Insertable<OrgUnitTable> & {
  id: string;
  code: string;
  name_zh: string;
  territorial_path: string;
  line_path: string;
};

const ESTABLISHED = '2005-01-01';

/** The GB/T 2260 tree of Heilongjiang: one unit per division, parents as in the standard. */
export function divisionUnits(): NewUnit[] {
  const byCode = new Map<string, NewUnit>();
  for (const d of HEILONGJIANG_DIVISIONS) {
    const parent = d.parent ? byCode.get(d.parent) : undefined;
    const id = uuidv7();
    const unit: NewUnit = {
      id,
      code: d.code,
      kind: 'division',
      name_zh: d.name,
      name_en: d.name,
      division_code: d.code,
      territorial_parent_id: parent?.id ?? null,
      line_parent_id: null,
      territorial_path: `${parent?.territorial_path ?? '/'}${id}/`,
      line_path: `/${id}/`,
      credit_code: null,
      established_on: ESTABLISHED,
      retired_on: null,
      successor_id: null,
    };
    byCode.set(d.code, unit);
  }
  return [...byCode.values()];
}

/**
 * A valid-looking unified social credit code for a demo government body (type 11), derived
 * from its unit code so every seed gives the same one. Demo data only.
 */
export function demoCreditCode(unitCode: string, divisionCode: string): string {
  const digest = createHash('sha256').update(unitCode).digest();
  const body8 = [...digest.subarray(0, 8)].map((b) => String(b % 10)).join('');
  const org = `${body8}${organizationCodeCheckChar(body8)}`;
  const body17 = `11${divisionCode}${org}`;
  return `${body17}${creditCodeCheckChar(body17)}`;
}

function departmentUnit(
  line: DepartmentLine,
  division: NewUnit,
  linePart: NewUnit | undefined,
  names: [string, string],
): NewUnit {
  const id = uuidv7();
  const code = `${division.code}-${line.line}`;
  return {
    id,
    code,
    kind: 'department',
    name_zh: names[0],
    name_en: names[1],
    division_code: division.code,
    territorial_parent_id: division.id,
    line_parent_id: linePart?.id ?? null,
    territorial_path: `${division.territorial_path}${id}/`,
    line_path: `${linePart?.line_path ?? '/'}${id}/`,
    credit_code: demoCreditCode(code, division.code),
    established_on: ESTABLISHED,
    retired_on: null,
    successor_id: null,
  };
}

export function departmentUnits(divisions: Map<string, NewUnit>): NewUnit[] {
  const units: NewUnit[] = [];
  const province = divisions.get('230000') as NewUnit;
  for (const line of DEPARTMENT_LINES) {
    const top = departmentUnit(line, province, undefined, line.province);
    units.push(top);
    for (const cityCode of DEMO_CITIES) {
      const city = divisions.get(cityCode) as NewUnit;
      const cityDept = departmentUnit(line, city, top, line.city(city.name_zh));
      units.push(cityDept);
      for (const countyCode of DEMO_COUNTIES.filter((c) => findDivision(c)?.parent === cityCode)) {
        if (!line.county) continue;
        const county = divisions.get(countyCode) as NewUnit;
        units.push(departmentUnit(line, county, cityDept, line.county(county.name_zh, city.name_zh)));
      }
    }
  }
  return units;
}

/** The GB/T 2260 division tree, which every installation needs; skipped once present. */
export async function seedDivisions(db: Db): Promise<number> {
  const existing = await db
    .selectFrom('org_unit')
    .select('id')
    .where('kind', '=', 'division')
    .limit(1)
    .executeTakeFirst();
  if (existing) return 0;
  return insertUnits(db, divisionUnits());
}

/** Demo departments on their lines in the demo divisions; skipped once any department exists. */
export async function seedDemoDepartments(db: Db): Promise<number> {
  const existing = await db
    .selectFrom('org_unit')
    .select('id')
    .where('kind', '=', 'department')
    .limit(1)
    .executeTakeFirst();
  if (existing) return 0;
  const rows = await db.selectFrom('org_unit').selectAll().where('kind', '=', 'division').execute();
  const divisions = new Map(rows.map((r) => [r.code, r as NewUnit]));
  return insertUnits(db, departmentUnits(divisions));
}

async function insertUnits(db: Db, units: NewUnit[]): Promise<number> {
  for (let i = 0; i < units.length; i += 200) {
    await db
      .insertInto('org_unit')
      .values(units.slice(i, i + 200))
      .execute();
  }
  return units.length;
}

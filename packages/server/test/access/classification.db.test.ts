import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRead, type UnitPlaces } from '../../src/platform/access/classification/canRead.ts';
import {
  type ClassificationColumns,
  classificationColumnsDdl,
  classificationFromRow,
  classificationIndexesDdl,
  classificationToRow,
} from '../../src/platform/access/classification/columns.ts';
import { readableBy } from '../../src/platform/access/classification/sql.ts';
import type { Classification } from '../../src/platform/access/classification/types.ts';
import { loadPrincipal, type Principal } from '../../src/platform/access/principal.ts';
import type { Database, Reach } from '../../src/platform/db/schema.ts';
import { seedPeople } from '../harness/people.ts';
import { testServices } from '../harness/testApp.ts';
import { createTestDatabase, type TestDatabase } from '../harness/testDb.ts';

/**
 * The key property: for every demo person, a citizen, a business and nobody at all, the query
 * filter `readableBy` returns exactly the records the pure rule `canRead` allows, and a count
 * under the filter is that many. Items are fixed cases at every level plus generated ones.
 */
type ItemDb = Database & { classified_item: ClassificationColumns & { id: string; title: string } };

let t: TestDatabase;
let db: Kysely<ItemDb>;
let places: UnitPlaces;
let items: { id: string; title: string; c: Classification }[] = [];
const people = new Map<string, Principal | undefined>();
const unit = new Map<string, string>();
const user = new Map<string, string>();

// People the demo seed lacks: reach from a division over its subtree, a line below the
// province, and staff of a county unit and of another department.
const EXTRA_STAFF: [username: string, unitCode: string, role: string, reach: Reach][] = [
  ['citysuper', '230100', 'supervisor', 'subtree'],
  ['cityline', '230100-SCJG', 'approver', 'line'],
  ['countyclerk', '230102-SCJG', 'clerk', 'unit'],
  ['gaclerk', '230100-GA', 'clerk', 'unit'],
];
const UNIT_CODES = ['230100-SCJG', '230000-SCJG', '230102-SCJG', '230100-GA', '230000-ZWFW', '230100'];
const ROLES = ['clerk', 'reviewer', 'approver', 'auditor', 'supervisor', 'dept_admin', 'publisher'];

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db.withTables<Pick<ItemDb, 'classified_item'>>();
  await seedPeople(testServices(t.db));
  await createItemTable();
  for (const u of await t.owner.selectFrom('org_unit').select(['id', 'code']).execute())
    unit.set(u.code, u.id);
  for (const s of EXTRA_STAFF) await addStaff(...s);
  const accounts = await t.owner.selectFrom('app_user').select(['id', 'username', 'kind']).execute();
  for (const a of accounts) user.set(a.username ?? a.kind, a.id);
  const units = await t.owner
    .selectFrom('org_unit')
    .select(['id', 'territorial_path', 'line_path'])
    .execute();
  places = new Map(
    units.map((u) => [u.id, { id: u.id, territorialPath: u.territorial_path, linePath: u.line_path }]),
  );
  for (const [name, id] of user) people.set(name, await loadPrincipal(t.db, id));
  people.set('anonymous', undefined);
  await insertItems([...fixedItems(), ...fc.sample(arbClassification(), { numRuns: 80, seed: 20260101 })]);
});
afterAll(async () => {
  await t?.destroy();
});

async function createItemTable(): Promise<void> {
  await sql`CREATE TABLE classified_item (
    id uuid PRIMARY KEY, title text NOT NULL, ${sql.raw(classificationColumnsDdl())})`.execute(t.owner);
  for (const ddl of classificationIndexesDdl('classified_item')) await sql.raw(ddl).execute(t.owner);
  await sql`GRANT SELECT, INSERT ON classified_item TO yiwang_app`.execute(t.owner);
}

async function addStaff(username: string, unitCode: string, role: string, reach: Reach): Promise<void> {
  const id = uuidv7();
  await t.owner
    .insertInto('app_user')
    .values({ id, kind: 'staff', username, display_name: username, password_hash: 'not-used' })
    .execute();
  const orgUnit = unit.get(unitCode) as string;
  await t.owner
    .insertInto('membership')
    .values({
      id: uuidv7(),
      user_id: id,
      org_unit_id: orgUnit,
      role_code: role,
      reach,
      granted_by: null,
      revoked_at: null,
    })
    .execute();
}

const u = (code: string) => unit.get(code) as string;
const p = (name: string) => user.get(name) as string;

function fixedItems(): Classification[] {
  return ['230100-SCJG', '230000-SCJG', '230102-SCJG', '230100-GA'].flatMap((code): Classification[] => {
    const owningUnitId = u(code);
    const scoped = (unitIds: string[], roleCodes: string[], userIds: string[]): Classification => ({
      level: 'scoped',
      owningUnitId,
      scope: { unitIds, roleCodes, userIds },
    });
    return [
      { level: 'public', owningUnitId },
      scoped([u('230100-GA')], [], []),
      scoped([u('230100')], [], []),
      scoped([], ['auditor'], []),
      scoped([], [], [p('citizen')]),
      { level: 'internal', owningUnitId, needRoles: [] },
      { level: 'internal', owningUnitId, needRoles: ['clerk'] },
      { level: 'internal', owningUnitId, needRoles: ['approver', 'reviewer'] },
      { level: 'confidential', owningUnitId, namedUserIds: [p('citizen')] },
      { level: 'confidential', owningUnitId, namedUserIds: [p('approver'), p('sysadmin')] },
    ];
  });
}

function arbClassification(): fc.Arbitrary<Classification> {
  const owner = fc.constantFrom(...UNIT_CODES.map(u));
  const ids = <T>(values: T[]) => fc.uniqueArray(fc.constantFrom(...values), { maxLength: 3 });
  const users = ids([p('citizen'), p('business'), p('clerk'), p('approver'), p('cityline'), p('secadmin')]);
  return fc.oneof(
    owner.map((o): Classification => ({ level: 'public', owningUnitId: o })),
    fc
      .record({ o: owner, unitIds: ids(UNIT_CODES.map(u)), roleCodes: ids(ROLES), userIds: users })
      .filter(({ unitIds, roleCodes, userIds }) => unitIds.length + roleCodes.length + userIds.length > 0)
      .map(({ o, ...scope }): Classification => ({ level: 'scoped', owningUnitId: o, scope })),
    fc
      .tuple(owner, ids(ROLES))
      .map(([o, needRoles]): Classification => ({ level: 'internal', owningUnitId: o, needRoles })),
    fc
      .tuple(
        owner,
        users.filter((n) => n.length > 0),
      )
      .map(([o, namedUserIds]): Classification => ({ level: 'confidential', owningUnitId: o, namedUserIds })),
  );
}

async function insertItems(classifications: Classification[]): Promise<void> {
  const rows = classifications.map((c, i) => ({
    id: uuidv7(),
    title: `item ${i} ${c.level}`,
    ...classificationToRow(c),
  }));
  await db.insertInto('classified_item').values(rows).execute();
  // Read back, so the expected sets are computed from what the database holds.
  const stored = await db.selectFrom('classified_item').selectAll().orderBy('id').execute();
  items = stored.map((r) => ({ id: r.id, title: r.title, c: classificationFromRow(r) }));
}

const expectedFor = (who: Principal | undefined) =>
  items.filter((i) => canRead(who, i.c, places)).map((i) => i.id);

describe('readableBy agrees with canRead', () => {
  it('has people of every kind and items the rule tells apart', () => {
    expect(people.size).toBe(17 + EXTRA_STAFF.length + 3);
    expect(items.length).toBe(40 + 80);
    // Each non-public level is read by someone and refused to someone, so the comparison bites.
    for (const level of ['scoped', 'internal', 'confidential']) {
      const ofLevel = items.filter((i) => i.c.level === level);
      const readers = [...people.values()].map(
        (who) => ofLevel.filter((i) => canRead(who, i.c, places)).length,
      );
      expect(Math.max(...readers)).toBeGreaterThan(0);
      expect(Math.min(...readers)).toBe(0);
    }
  });

  it('lists exactly the readable items, for every person', async () => {
    for (const [name, who] of people) {
      const rows = await db
        .selectFrom('classified_item as ci')
        .select('ci.id')
        .where(readableBy(who, 'ci'))
        .orderBy('ci.id')
        .execute();
      expect({ name, ids: rows.map((r) => r.id) }).toEqual({ name, ids: expectedFor(who) });
    }
  });

  it('counts exactly the readable items, with unqualified columns too', async () => {
    for (const [name, who] of people) {
      const row = await db
        .selectFrom('classified_item')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(readableBy(who))
        .executeTakeFirstOrThrow();
      expect({ name, n: row.n }).toEqual({ name, n: expectedFor(who).length });
    }
  });

  it('shows officers and nobody the public items only', () => {
    const publicIds = items.filter((i) => i.c.level === 'public').map((i) => i.id);
    for (const name of ['anonymous', 'sysadmin', 'secadmin', 'secauditor']) {
      expect(expectedFor(people.get(name))).toEqual(publicIds);
    }
  });
});

describe('the column contract', () => {
  it('refuses a row that says more or less than its level', async () => {
    const base = {
      id: uuidv7(),
      title: 'bad',
      ...classificationToRow({ level: 'public', owningUnitId: u('230100') }),
    };
    const bad = [
      { ...base, classification: 'scoped' as const },
      { ...base, classification: 'confidential' as const },
      { ...base, need_roles: ['clerk'] },
      { ...base, named_user_ids: [p('citizen')] },
      { ...base, classification: 'secret' as 'public' },
    ];
    for (const row of bad) {
      await expect(db.insertInto('classified_item').values(row).execute()).rejects.toThrow(
        /check constraint/,
      );
    }
  });
});

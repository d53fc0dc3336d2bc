import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canRead, type UnitPlaces, unitsToPlace } from '../../src/platform/access/classification/canRead.ts';
import {
  classificationFromRow,
  classificationToRow,
} from '../../src/platform/access/classification/columns.ts';
import type { Classification } from '../../src/platform/access/classification/types.ts';
import { checkClassification } from '../../src/platform/access/classification/types.ts';
import type { UnitPlace } from '../../src/platform/access/policy.ts';
import type { Membership, Principal } from '../../src/platform/access/principal.ts';
import type { Officer, Reach } from '../../src/platform/db/schema.ts';

/**
 * A small network with uuid-like ids: the province P, the city C under it, the county K
 * under C; market regulation (SCJG) on its line P-SCJG → C-SCJG → K-SCJG, public security
 * (GA) at city level. The records are owned by C-SCJG, the city's market regulator.
 */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [P, C, K, PS, CS, KS, PG, CG] = [id(1), id(2), id(3), id(4), id(5), id(6), id(7), id(8)] as const;
const place = (unit: string, territorial: string[], line: string[]): UnitPlace => ({
  id: unit,
  territorialPath: `/${territorial.join('/')}/`,
  linePath: `/${line.join('/')}/`,
});
const UNITS: UnitPlace[] = [
  place(P, [P], [P]),
  place(C, [P, C], [C]),
  place(K, [P, C, K], [K]),
  place(PS, [P, PS], [PS]),
  place(CS, [P, C, CS], [PS, CS]),
  place(KS, [P, C, K, KS], [PS, CS, KS]),
  place(PG, [P, PG], [PG]),
  place(CG, [P, C, CG], [PG, CG]),
];
const places: UnitPlaces = new Map(UNITS.map((u) => [u.id, u]));
const OFFICERS: Officer[] = ['system_admin', 'security_admin', 'security_auditor'];

function membership(unit: string, roleCode: string, reach: Reach): Membership {
  const at = places.get(unit) as UnitPlace;
  const officer = (OFFICERS as string[]).includes(roleCode) ? (roleCode as Officer) : null;
  return {
    orgUnitId: unit,
    orgUnitCode: unit,
    roleCode,
    reach,
    territorialPath: at.territorialPath,
    linePath: at.linePath,
    officer,
    readsBusinessData: !officer,
  };
}
function staff(userId: string, ...memberships: Membership[]): Principal {
  return { userId, kind: 'staff', displayName: userId, memberships };
}
const citizen = (userId: string): Principal => ({
  userId,
  kind: 'citizen',
  displayName: userId,
  memberships: [],
});

const APPLICANT = id(100);
const PEOPLE: Record<string, Principal | undefined> = {
  anonymous: undefined,
  citizen: citizen(id(101)),
  applicant: citizen(APPLICANT),
  ownClerk: staff(id(102), membership(CS, 'clerk', 'unit')),
  ownApprover: staff(id(103), membership(CS, 'approver', 'unit')),
  otherUnitClerk: staff(id(104), membership(CG, 'clerk', 'unit')),
  countyClerk: staff(id(105), membership(KS, 'clerk', 'unit')),
  citySubtree: staff(id(106), membership(C, 'supervisor', 'subtree')),
  provinceLine: staff(id(107), membership(PS, 'dept_admin', 'line')),
  provinceUnitOnly: staff(id(108), membership(PS, 'dept_admin', 'unit')),
  gaLine: staff(id(109), membership(PG, 'clerk', 'line')),
  auditor: staff(id(110), membership(P, 'auditor', 'unit')),
  ...Object.fromEntries(OFFICERS.map((o, i) => [o, staff(id(111 + i), membership(CS, o, 'subtree'))])),
};
const owned = { owningUnitId: CS };
const LEVELS: Record<string, Classification> = {
  public: { level: 'public', ...owned },
  scoped: {
    level: 'scoped',
    ...owned,
    scope: { unitIds: [CG], roleCodes: ['auditor'], userIds: [APPLICANT] },
  },
  internalClerks: { level: 'internal', ...owned, needRoles: ['clerk'] },
  internalAnyRole: { level: 'internal', ...owned, needRoles: [] },
  confidential: { level: 'confidential', ...owned, namedUserIds: [APPLICANT, id(103)] },
};

// Who reads what: one column per classification above, in order.
const EXPECTED: Record<string, [boolean, boolean, boolean, boolean, boolean]> = {
  anonymous: [true, false, false, false, false],
  citizen: [true, false, false, false, false],
  applicant: [true, true, false, false, true],
  ownClerk: [true, true, true, true, false],
  ownApprover: [true, true, false, true, true],
  otherUnitClerk: [true, true, false, false, false],
  countyClerk: [true, false, false, false, false],
  citySubtree: [true, true, false, true, false],
  provinceLine: [true, true, false, true, false],
  provinceUnitOnly: [true, false, false, false, false],
  gaLine: [true, true, false, false, false],
  auditor: [true, true, false, false, false],
  system_admin: [true, false, false, false, false],
  security_admin: [true, false, false, false, false],
  security_auditor: [true, false, false, false, false],
};

describe('canRead: every level against every kind of person', () => {
  const levels = Object.keys(LEVELS);
  for (const [who, verdicts] of Object.entries(EXPECTED)) {
    it(`${who} reads ${levels.filter((_, i) => verdicts[i]).join(', ')}`, () => {
      const got = levels.map((l) => canRead(PEOPLE[who], LEVELS[l] as Classification, places));
      expect(got).toEqual(verdicts);
    });
  }

  it('fails closed when a unit place is missing', () => {
    expect(canRead(PEOPLE.ownClerk, LEVELS.internalClerks as Classification, new Map())).toBe(false);
  });

  it('names the units whose places it needs', () => {
    expect(unitsToPlace(LEVELS.scoped as Classification)).toEqual([CS, CG]);
    expect(unitsToPlace(LEVELS.internalClerks as Classification)).toEqual([CS]);
  });
});

const arbUnit = fc.constantFrom(...UNITS.map((u) => u.id));
const arbRole = fc.constantFrom('clerk', 'approver', 'supervisor', 'auditor', 'dept_admin');
const arbIds = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { maxLength: 3 });
const arbUser = fc.constantFrom(APPLICANT, id(101), id(102), id(103));
const arbMembership = fc
  .tuple(
    arbUnit,
    fc.oneof(arbRole, fc.constantFrom(...OFFICERS)),
    fc.constantFrom<Reach>('unit', 'subtree', 'line'),
  )
  .map(([u, r, reach]) => membership(u, r, reach));
const arbPrincipal: fc.Arbitrary<Principal | undefined> = fc.option(
  fc.tuple(arbUser, fc.array(arbMembership, { maxLength: 3 })).map(([u, ms]) => staff(u, ...ms)),
  { nil: undefined },
);
const arbClassification: fc.Arbitrary<Classification> = fc.oneof(
  arbUnit.map((u): Classification => ({ level: 'public', owningUnitId: u })),
  fc
    .record({ u: arbUnit, unitIds: arbIds(arbUnit), roleCodes: arbIds(arbRole), userIds: arbIds(arbUser) })
    .map(({ u, ...scope }): Classification => ({ level: 'scoped', owningUnitId: u, scope })),
  fc
    .tuple(arbUnit, arbIds(arbRole))
    .map(([u, needRoles]): Classification => ({ level: 'internal', owningUnitId: u, needRoles })),
  fc
    .tuple(arbUnit, arbIds(arbUser))
    .map(([u, namedUserIds]): Classification => ({ level: 'confidential', owningUnitId: u, namedUserIds })),
);

describe('canRead: properties', () => {
  it('public records are readable by anyone, signed in or not', () => {
    fc.assert(
      fc.property(arbPrincipal, arbUnit, (p, u) => canRead(p, { level: 'public', owningUnitId: u }, places)),
    );
  });

  it('officers and anonymous visitors never read a record that is not public', () => {
    const officer = fc
      .tuple(arbPrincipal, arbUnit, fc.constantFrom(...OFFICERS))
      .map(([p, u, o]) =>
        staff(p?.userId ?? APPLICANT, ...(p?.memberships ?? []), membership(u, o, 'subtree')),
      );
    fc.assert(
      fc.property(fc.option(officer, { nil: undefined }), arbClassification, (p, c) =>
        c.level === 'public' ? true : !canRead(p, c, places),
      ),
    );
  });

  it('strictly confidential records are read by the named people only', () => {
    fc.assert(
      fc.property(arbPrincipal, arbClassification, (p, c) => {
        if (c.level !== 'confidential' || canRead(p, c, places) === false) return true;
        return p !== undefined && c.namedUserIds.includes(p.userId);
      }),
    );
  });

  it('opening a record never closes it to anyone: internal ⊆ internal without need ⊆ scoped', () => {
    fc.assert(
      fc.property(arbPrincipal, arbClassification, (p, c) => {
        if (c.level !== 'internal') return true;
        const wider: Classification = { level: 'internal', owningUnitId: c.owningUnitId, needRoles: [] };
        const scoped: Classification = {
          level: 'scoped',
          owningUnitId: c.owningUnitId,
          scope: { unitIds: [], roleCodes: [], userIds: [id(999)] },
        };
        const a = canRead(p, c, places);
        const b = canRead(p, wider, places);
        return (!a || b) && (!b || canRead(p, scoped, places));
      }),
    );
  });

  it('a classification survives the trip through its columns', () => {
    fc.assert(
      fc.property(arbClassification, (c) => {
        expect(classificationFromRow(classificationToRow(c))).toEqual(c);
      }),
    );
  });
});

describe('checkClassification', () => {
  it('accepts every valid level', () => {
    for (const c of Object.values(LEVELS)) expect(checkClassification(c)).toEqual([]);
  });

  it('names what is wrong, field by field', () => {
    const codes = (c: Classification) => checkClassification(c).map((e) => `${e.field}:${e.code}`);
    const none = { unitIds: [], roleCodes: [], userIds: [] };
    expect(codes({ level: 'scoped', ...owned, scope: none })).toEqual(['classification.scope:scope_empty']);
    expect(codes({ level: 'confidential', ...owned, namedUserIds: [] })).toEqual([
      'classification.namedUserIds:no_named_person',
    ]);
    expect(codes({ level: 'internal', owningUnitId: 'x', needRoles: ['security_admin', 'Bad'] })).toEqual([
      'classification.owningUnitId.0:invalid_uuid',
      'classification.needRoles.0:officer_role',
      'classification.needRoles.1:invalid_role',
    ]);
    expect(codes({ level: 'scoped', ...owned, scope: { ...none, userIds: ['nope'] } })).toEqual([
      'classification.scope.userIds.0:invalid_uuid',
    ]);
    expect(codes({ level: 'secret', ...owned } as unknown as Classification)).toEqual([
      'classification.level:invalid_level',
    ]);
  });
});

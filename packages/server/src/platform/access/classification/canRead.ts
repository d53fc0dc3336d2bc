import { reachCovers, type UnitPlace } from '../policy.ts';
import type { Membership, Principal } from '../principal.ts';
import type { Classification, Scope } from './types.ts';

/**
 * Where the units a classification names sit, by id. The caller loads them (or has them at
 * hand), so the rule itself needs no database. A unit missing here is covered by nobody's
 * reach: the rule fails closed.
 */
export type UnitPlaces = ReadonlyMap<string, UnitPlace>;

/** The unit ids whose places `canRead` needs for this classification. */
export function unitsToPlace(c: Classification): string[] {
  return c.level === 'scoped' ? [c.owningUnitId, ...c.scope.unitIds] : [c.owningUnitId];
}

/**
 * The three officers administer the platform but read no business data (three-officer
 * separation): an account holding any such role reads public records only, even when named.
 */
export function barredFromBusinessData(p: Principal): boolean {
  return p.memberships.some((m) => !m.readsBusinessData);
}

/**
 * Whether a person (undefined: nobody signed in) may read a record of this classification.
 * The same rule runs inside queries as `readableBy` (sql.ts); a test holds the two together.
 */
export function canRead(p: Principal | undefined, c: Classification, places: UnitPlaces): boolean {
  if (c.level === 'public') return true;
  if (!p || barredFromBusinessData(p)) return false;
  switch (c.level) {
    case 'scoped':
      return readsScoped(p, c.owningUnitId, c.scope, places);
    case 'internal':
      return readsInternal(p.memberships, c.owningUnitId, c.needRoles, places);
    case 'confidential':
      return c.namedUserIds.includes(p.userId);
  }
}

/**
 * Open within a scope: the named people, holders of the named roles (in any unit), anyone whose
 * reach covers a named unit, and (interpretation) the owning unit's own staff, so that a scoped
 * record is never more closed than an internal one with no need list. A named unit is covered
 * by its own staff, by subtree reach from a unit above it and by line reach from above it on
 * its line, just as `reachCovers` says; naming a unit does not open the record to its children.
 */
function readsScoped(p: Principal, owningUnitId: string, scope: Scope, places: UnitPlaces): boolean {
  if (scope.userIds.includes(p.userId)) return true;
  if (p.memberships.some((m) => scope.roleCodes.includes(m.roleCode))) return true;
  return [owningUnitId, ...scope.unitIds].some((id) => p.memberships.some((m) => covers(m, id, places)));
}

/**
 * Not public (OGI Regulations arts. 14–16): staff whose reach covers the owning unit, in a
 * membership whose role has the need to know. Role and reach must come from the same
 * membership: a clerk elsewhere plus a line reach as auditor is not a clerk of this unit.
 */
function readsInternal(
  memberships: readonly Membership[],
  owningUnitId: string,
  needRoles: readonly string[],
  places: UnitPlaces,
): boolean {
  return memberships.some(
    (m) => (needRoles.length === 0 || needRoles.includes(m.roleCode)) && covers(m, owningUnitId, places),
  );
}

function covers(m: Membership, unitId: string, places: UnitPlaces): boolean {
  const place = places.get(unitId);
  return place !== undefined && reachCovers(m, place);
}

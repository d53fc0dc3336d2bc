import { hasRole, readsBusinessData, type UnitPlace } from '../platform/access/policy.ts';
import type { Principal } from '../platform/access/principal.ts';
import type { Party, ProcessDefinition } from './definition.ts';

/** What the policies need to know of a case. */
export type CaseFacts = {
  owningUnit: UnitPlace;
  applicantUserId: string | null;
  state: string;
  /** Who has done which action on the case so far (for four-eyes rules). */
  actorsByAction: ReadonlyMap<string, ReadonlySet<string>>;
  /** The case spec's flags: optional steps and controls chosen when it was opened. */
  flags: Readonly<Record<string, boolean>>;
};

/** Supervisors see every case of the units they cover (督办), whatever the process. */
export const SUPERVISOR_ROLE = 'supervisor';

export function isApplicantOf(p: Principal | undefined, facts: Pick<CaseFacts, 'applicantUserId'>): boolean {
  return Boolean(p && facts.applicantUserId !== null && facts.applicantUserId === p.userId);
}

function staffFits(p: Principal | undefined, party: Party, unit: UnitPlace): boolean {
  return Boolean(party.roles?.length && readsBusinessData(p) && hasRole(p, party.roles ?? [], unit));
}

export function fitsParty(p: Principal | undefined, party: Party, facts: CaseFacts): boolean {
  return (Boolean(party.applicant) && isApplicantOf(p, facts)) || staffFits(p, party, facts.owningUnit);
}

/** Every role a process names: these, and supervisors, are the staff who handle its cases. */
export function handlingRoles(def: ProcessDefinition): string[] {
  const roles = new Set<string>([SUPERVISOR_ROLE]);
  for (const action of Object.values(def.actions)) for (const r of action.by.roles ?? []) roles.add(r);
  for (const clock of Object.values(def.clocks)) if (clock.escalateTo) roles.add(clock.escalateTo);
  return [...roles];
}

export function canViewCase(p: Principal | undefined, def: ProcessDefinition, facts: CaseFacts): boolean {
  if (isApplicantOf(p, facts)) return true;
  return staffFits(p, { roles: handlingRoles(def) }, facts.owningUnit);
}

/** May this person do the action now, state aside? */
export function mayPerform(
  p: Principal | undefined,
  def: ProcessDefinition,
  action: string,
  facts: CaseFacts,
): boolean {
  const spec = def.actions[action];
  if (!spec || !p || !fitsParty(p, spec.by, facts)) return false;
  if (spec.onlyIf && !facts.flags[spec.onlyIf]) return false;
  if (spec.fourEyesFlag && !facts.flags[spec.fourEyesFlag]) return true;
  // 审查与决定分离: whoever did an earlier step named here may not do this one.
  return !(spec.differentActorFrom ?? []).some((other) => facts.actorsByAction.get(other)?.has(p.userId));
}

/** The actions the state allows and the person may do: what every case response offers as buttons. */
export function allowedActions(p: Principal | undefined, def: ProcessDefinition, facts: CaseFacts): string[] {
  return Object.entries(def.actions)
    .filter(([, spec]) => spec.from.includes(facts.state))
    .filter(([code]) => mayPerform(p, def, code, facts))
    .map(([code]) => code);
}

export function canCreate(p: Principal | undefined, def: ProcessDefinition, unit: UnitPlace): boolean {
  const { by } = def.create;
  if (by.applicant && (p?.kind === 'citizen' || p?.kind === 'business')) return true;
  return staffFits(p, by, unit);
}

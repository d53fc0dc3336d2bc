import type { FieldError } from '@yiwang/contracts';

/**
 * The four levels of the founding speech, from the most open to the most closed: 公开 (public),
 * 在一定范围内公开 (open within a scope), 不公开 (not public: exemptions, work secrets and personal
 * information, OGI Regulations arts. 14–16) and 严格保密 (strictly confidential). State secrets
 * are not a fifth level: they are never processed here at all (see stateSecrets.ts).
 */
export const CLASSIFICATION_LEVELS = ['public', 'scoped', 'internal', 'confidential'] as const;
export type ClassificationLevel = (typeof CLASSIFICATION_LEVELS)[number];

/** Who a scoped record is open to, besides its owning unit: any one of these suffices. */
export type Scope = {
  /** Units by id; a membership whose reach covers the named unit sees it (not the unit's children). */
  unitIds: readonly string[];
  /** Business roles, held in any unit. */
  roleCodes: readonly string[];
  /** People by user id, e.g. the applicant of a request. */
  userIds: readonly string[];
};

/**
 * A record's level and the people it names. Each level carries only the fields it uses, so a
 * need list on a public record, or a scope on a confidential one, cannot even be written.
 */
export type Classification =
  | { level: 'public'; owningUnitId: string }
  | { level: 'scoped'; owningUnitId: string; scope: Scope }
  /** needRoles: the roles with a need to know; empty means any business role reaching the unit. */
  | { level: 'internal'; owningUnitId: string; needRoles: readonly string[] }
  | { level: 'confidential'; owningUnitId: string; namedUserIds: readonly string[] };

/** The three officers' roles: they administer the platform and read no business data. */
export const OFFICER_ROLE_CODES: readonly string[] = ['system_admin', 'security_admin', 'security_auditor'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROLE_CODE = /^[a-z][a-z_]{1,40}$/;

/** Field errors in a classification (empty when it is valid); `at` prefixes the field names. */
export function checkClassification(c: Classification, at = 'classification'): FieldError[] {
  if (!(CLASSIFICATION_LEVELS as readonly string[]).includes(c.level)) {
    return [{ field: `${at}.level`, code: 'invalid_level', message: 'Unknown classification level' }];
  }
  const errors = uuids(`${at}.owningUnitId`, [c.owningUnitId]);
  if (c.level === 'scoped') errors.push(...checkScope(c.scope, `${at}.scope`));
  if (c.level === 'internal') errors.push(...roles(`${at}.needRoles`, c.needRoles));
  if (c.level === 'confidential') {
    // Strictly confidential with nobody named would be readable by no one, not even its author.
    if (c.namedUserIds.length === 0) errors.push(empty(`${at}.namedUserIds`, 'no_named_person'));
    errors.push(...uuids(`${at}.namedUserIds`, c.namedUserIds));
  }
  return errors;
}

function checkScope(scope: Scope | undefined, at: string): FieldError[] {
  if (!scope || scope.unitIds.length + scope.roleCodes.length + scope.userIds.length === 0) {
    // An empty scope would make "open within a scope" mean "internal"; say which one is meant.
    return [empty(at, 'scope_empty')];
  }
  return [
    ...uuids(`${at}.unitIds`, scope.unitIds),
    ...roles(`${at}.roleCodes`, scope.roleCodes),
    ...uuids(`${at}.userIds`, scope.userIds),
  ];
}

function uuids(field: string, values: readonly string[]): FieldError[] {
  return values.flatMap((v, i) =>
    UUID.test(v) ? [] : [{ field: `${field}.${i}`, code: 'invalid_uuid', message: 'Not a UUID' }],
  );
}

function roles(field: string, values: readonly string[]): FieldError[] {
  return values.flatMap((v, i): FieldError[] => {
    if (!ROLE_CODE.test(v))
      return [{ field: `${field}.${i}`, code: 'invalid_role', message: 'Not a role code' }];
    if (OFFICER_ROLE_CODES.includes(v)) {
      return [{ field: `${field}.${i}`, code: 'officer_role', message: 'Officers read no business data' }];
    }
    return [];
  });
}

function empty(field: string, code: string): FieldError {
  const message =
    code === 'scope_empty' ? 'Name at least one unit, role or person' : 'Name at least one person';
  return { field, code, message };
}

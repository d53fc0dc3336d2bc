import type { ColumnType } from 'kysely';
import type { Classification, ClassificationLevel } from './types.ts';

/**
 * The column contract of every table whose rows hold information. The level and the people it
 * names live in the row itself, so `readableBy` (sql.ts) can filter lists, counts and exports
 * in the query; unit paths come from org_unit. Arrays a level does not use stay empty (CHECKs).
 */
type IdList = ColumnType<string[], string[] | undefined, string[]>;

/** The classification columns as Kysely sees them; add them to a table's interface. */
export interface ClassificationColumns {
  classification: ClassificationLevel;
  owning_unit_id: string;
  scope_unit_ids: IdList;
  scope_role_codes: IdList;
  scope_user_ids: IdList;
  need_roles: IdList;
  named_user_ids: IdList;
}

export const CLASSIFICATION_COLUMN_NAMES = [
  'classification',
  'owning_unit_id',
  'scope_unit_ids',
  'scope_role_codes',
  'scope_user_ids',
  'need_roles',
  'named_user_ids',
] as const;
export type ClassificationColumn = (typeof CLASSIFICATION_COLUMN_NAMES)[number];

/** The row values, as read back from the database. */
export type ClassificationRow = {
  classification: ClassificationLevel;
  owning_unit_id: string;
  scope_unit_ids: string[];
  scope_role_codes: string[];
  scope_user_ids: string[];
  need_roles: string[];
  named_user_ids: string[];
};

/**
 * Column definitions for a migration's CREATE TABLE: `sql.raw(classificationColumnsDdl())`.
 * The CHECKs mirror `checkClassification`, so a row the rule could misread cannot be stored.
 * The table still needs its own audit trigger and the indexes of `classificationIndexesDdl`.
 */
export function classificationColumnsDdl(): string {
  const noneOf = (cols: string[]) => cols.map((c) => `cardinality(${c}) = 0`).join(' AND ');
  const scope = ['scope_unit_ids', 'scope_role_codes', 'scope_user_ids'];
  return [
    `classification text NOT NULL CHECK (classification IN ('public', 'scoped', 'internal', 'confidential'))`,
    'owning_unit_id uuid NOT NULL REFERENCES org_unit (id)',
    `scope_unit_ids uuid[] NOT NULL DEFAULT '{}'`,
    `scope_role_codes text[] NOT NULL DEFAULT '{}'`,
    `scope_user_ids uuid[] NOT NULL DEFAULT '{}'`,
    `need_roles text[] NOT NULL DEFAULT '{}'`,
    `named_user_ids uuid[] NOT NULL DEFAULT '{}'`,
    `CHECK ((classification = 'scoped') = NOT (${noneOf(scope)}))`,
    `CHECK (classification = 'internal' OR ${noneOf(['need_roles'])})`,
    `CHECK ((classification = 'confidential') = NOT (${noneOf(['named_user_ids'])}))`,
  ].join(',\n');
}

/** Indexes for the filter: by owning unit, and "records naming me" (GIN for the @> tests). */
export function classificationIndexesDdl(table: string): string[] {
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(table)) throw new Error(`not a plain table name: ${table}`);
  return [
    `CREATE INDEX ${table}_by_owning_unit ON ${table} (owning_unit_id, classification)`,
    `CREATE INDEX ${table}_by_scope_user ON ${table} USING gin (scope_user_ids)`,
    `CREATE INDEX ${table}_by_named_user ON ${table} USING gin (named_user_ids)`,
  ];
}

/** The values to insert for a classification. */
export function classificationToRow(c: Classification): ClassificationRow {
  return {
    classification: c.level,
    owning_unit_id: c.owningUnitId,
    scope_unit_ids: c.level === 'scoped' ? [...c.scope.unitIds] : [],
    scope_role_codes: c.level === 'scoped' ? [...c.scope.roleCodes] : [],
    scope_user_ids: c.level === 'scoped' ? [...c.scope.userIds] : [],
    need_roles: c.level === 'internal' ? [...c.needRoles] : [],
    named_user_ids: c.level === 'confidential' ? [...c.namedUserIds] : [],
  };
}

/** The classification a row holds; the columns its level does not use are ignored, as in SQL. */
export function classificationFromRow(row: ClassificationRow): Classification {
  const owningUnitId = row.owning_unit_id;
  switch (row.classification) {
    case 'public':
      return { level: 'public', owningUnitId };
    case 'scoped': {
      const scope = {
        unitIds: row.scope_unit_ids,
        roleCodes: row.scope_role_codes,
        userIds: row.scope_user_ids,
      };
      return { level: 'scoped', owningUnitId, scope };
    }
    case 'internal':
      return { level: 'internal', owningUnitId, needRoles: row.need_roles };
    case 'confidential':
      return { level: 'confidential', owningUnitId, namedUserIds: row.named_user_ids };
  }
}

import { type Kysely, sql } from 'kysely';

/**
 * The three-level network: divisions (块, GB/T 2260) and the departments inside them, most of
 * them also on a line (条) under the same department one level up. Units are renamed, merged
 * and retired with dates and successors, never deleted once they hold records.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE org_unit (
      id uuid PRIMARY KEY,
      code text NOT NULL UNIQUE,
      kind text NOT NULL CHECK (kind IN ('division', 'department')),
      name_zh text NOT NULL,
      name_en text NOT NULL,
      division_code text NOT NULL CHECK (division_code ~ '^[0-9]{6}$'),
      territorial_parent_id uuid REFERENCES org_unit (id),
      line_parent_id uuid REFERENCES org_unit (id),
      territorial_path text NOT NULL,
      line_path text NOT NULL,
      credit_code text UNIQUE,
      established_on date NOT NULL,
      retired_on date,
      successor_id uuid REFERENCES org_unit (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (retired_on IS NOT NULL OR successor_id IS NULL),
      CHECK (kind = 'department' OR line_parent_id IS NULL)
    )`.execute(db);
  // Reach over a subtree or a line is a prefix match on the materialised path.
  await sql`CREATE INDEX org_unit_territorial_path ON org_unit (territorial_path text_pattern_ops)`.execute(
    db,
  );
  await sql`CREATE INDEX org_unit_line_path ON org_unit (line_path text_pattern_ops)`.execute(db);
  await sql`CREATE INDEX org_unit_search ON org_unit USING gin (to_tsvector('simple', name_zh || ' ' || name_en))`.execute(
    db,
  );
  await sql`
    CREATE TABLE org_unit_name (
      id uuid PRIMARY KEY,
      unit_id uuid NOT NULL REFERENCES org_unit (id),
      name_zh text NOT NULL,
      name_en text NOT NULL,
      valid_from date NOT NULL,
      valid_to date,
      reason text NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX org_unit_name_by_unit ON org_unit_name (unit_id, valid_from)`.execute(db);
  for (const table of ['org_unit', 'org_unit_name']) {
    await sql`
      CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION audit_row_change()`.execute(db);
  }
}

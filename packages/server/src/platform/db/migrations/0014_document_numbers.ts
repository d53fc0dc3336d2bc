import { type Kysely, sql } from 'kysely';

/**
 * The written documents a case issues (受理通知书, 不予行政许可决定书, …): each gets a document number
 * of its unit, year and kind (哈市监许受〔2026〕3号, GB/T 9704-2012 §7.2.4), counted here without
 * gaps, with the template code and version its words came from and the stored PDF it was issued
 * as. A document is a file of its case in the slot `document:<template code>`, a slot no material
 * has: materials keep their names (`id_card`), documents are told apart by the prefix.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE stored_file DROP CONSTRAINT stored_file_purpose_check`.execute(db);
  await sql`
    ALTER TABLE stored_file ADD CONSTRAINT stored_file_purpose_check CHECK (
      purpose ~ '^[a-z][a-z0-9_]{0,63}$'
      OR purpose ~ '^document:[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$' AND length(purpose) <= 100)`.execute(db);
  await sql`
    CREATE TABLE issued_document (
      id uuid PRIMARY KEY,
      unit_id uuid NOT NULL REFERENCES org_unit (id),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2999),
      series text NOT NULL,
      number integer NOT NULL CHECK (number >= 1),
      document_number text NOT NULL,
      case_id uuid NOT NULL REFERENCES case_record (id),
      action text NOT NULL,
      file_id uuid NOT NULL UNIQUE REFERENCES stored_file (id),
      template_code text NOT NULL,
      template_version integer NOT NULL CHECK (template_version >= 1),
      issued_on date NOT NULL,
      issued_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (unit_id, year, series, number)
    )`.execute(db);
  await sql`CREATE INDEX issued_document_by_case ON issued_document (case_id)`.execute(db);
  await sql`
    CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON issued_document
    FOR EACH ROW EXECUTE FUNCTION audit_row_change()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE issued_document`.execute(db);
  await sql`DELETE FROM stored_file WHERE purpose LIKE 'document:%'`.execute(db);
  await sql`ALTER TABLE stored_file DROP CONSTRAINT stored_file_purpose_check`.execute(db);
  await sql`
    ALTER TABLE stored_file ADD CONSTRAINT stored_file_purpose_check
    CHECK (purpose ~ '^[a-z][a-z0-9_]{0,63}$')`.execute(db);
}

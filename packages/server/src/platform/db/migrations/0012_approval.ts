import { type Kysely, sql } from 'kysely';

/**
 * Good-and-bad reviews (好差评, 国办发〔2019〕51号): one rating per transaction, five levels, a
 * reason required for the bottom two; escalation and follow-up tasks get a due time; drafts of
 * applications are kept on the server.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE case_task ADD COLUMN due_at timestamptz`.execute(db);
  await sql`
    CREATE TABLE service_rating (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL UNIQUE REFERENCES case_record (id),
      user_id uuid NOT NULL REFERENCES app_user (id),
      owning_unit_id uuid NOT NULL REFERENCES org_unit (id),
      level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
      reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (level > 2 OR length(trim(coalesce(reason, ''))) >= 2)
    )`.execute(db);
  await sql`CREATE INDEX service_rating_by_unit ON service_rating (owning_unit_id, created_at)`.execute(db);
  // An application being filled in, kept on the server so it survives a closed browser.
  await sql`
    CREATE TABLE application_draft (
      user_id uuid NOT NULL REFERENCES app_user (id),
      service_id uuid NOT NULL REFERENCES service (id),
      form jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, service_id)
    )`.execute(db);
  for (const table of ['service_rating', 'application_draft']) {
    await sql`
      CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION audit_row_change()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE application_draft`.execute(db);
  await sql`DROP TABLE service_rating`.execute(db);
  await sql`ALTER TABLE case_task DROP COLUMN due_at`.execute(db);
}

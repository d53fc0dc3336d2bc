import { type Kysely, sql } from 'kysely';

/**
 * What a case was opened under besides its process: the flags of the service it applies for
 * (hearing rights, four eyes, substantive check), its own material slots, the extension its
 * law allows, and what it is about. Fixed at opening, like the process version.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE case_record ADD COLUMN spec jsonb NOT NULL DEFAULT '{}'`.execute(db);
  await sql`ALTER TABLE case_record ADD COLUMN subject_id uuid`.execute(db);
  await sql`CREATE INDEX case_by_subject ON case_record (subject_id) WHERE subject_id IS NOT NULL`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE case_record DROP COLUMN subject_id, DROP COLUMN spec`.execute(db);
}

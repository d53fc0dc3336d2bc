import { type Kysely, sql } from 'kysely';

/**
 * The file store: one row per uploaded material. The bytes live encrypted in the blob store
 * (a folder or an S3 bucket) under `storage_key`; the row keeps what is needed to check them when
 * they are read back (the SHA-256 of the plaintext and the data key that sealed them).
 * Infected uploads are refused before anything is written, so there is no 'infected' status.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE stored_file (
      id uuid PRIMARY KEY,
      owner_user_id uuid NOT NULL REFERENCES app_user (id),
      case_id uuid REFERENCES case_record (id),
      purpose text NOT NULL CHECK (purpose ~ '^[a-z][a-z0-9_]{0,63}$'),
      file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
      declared_type text NOT NULL,
      sniffed_type text NOT NULL,
      size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
      sha256 bytea NOT NULL CHECK (length(sha256) = 32),
      storage_key text NOT NULL UNIQUE,
      key_id text NOT NULL,
      scan_status text NOT NULL CHECK (scan_status IN ('clean', 'not_scanned')),
      uploaded_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX stored_file_case ON stored_file (case_id) WHERE case_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX stored_file_owner ON stored_file (owner_user_id, uploaded_at)`.execute(db);
  await sql`
    CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON stored_file
    FOR EACH ROW EXECUTE FUNCTION audit_row_change()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE stored_file`.execute(db);
}

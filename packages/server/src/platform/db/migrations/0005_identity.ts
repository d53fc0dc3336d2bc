import { type Kysely, sql } from 'kysely';

/**
 * People and what they may do. Personal information is stored encrypted, with a keyed hash
 * for lookups and a masked copy for display; the clear value never reaches the database.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE app_user (
      id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('staff', 'citizen', 'business')),
      username text UNIQUE,
      display_name text NOT NULL,
      id_number_enc bytea,
      id_number_hash bytea UNIQUE,
      id_number_masked text,
      mobile_enc bytea,
      mobile_hash bytea,
      mobile_masked text,
      credit_code text UNIQUE,
      legal_representative text,
      password_hash text NOT NULL,
      password_changed_at timestamptz NOT NULL DEFAULT now(),
      must_change_password boolean NOT NULL DEFAULT false,
      failed_logins integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      totp_secret_enc bytea,
      totp_enabled_at timestamptz,
      totp_last_step bigint,
      verification_level text NOT NULL DEFAULT 'self_declared'
        CHECK (verification_level IN ('self_declared', 'staff_checked', 'provider_verified')),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (kind <> 'staff' OR username IS NOT NULL),
      CHECK (kind <> 'citizen' OR id_number_hash IS NOT NULL),
      CHECK (kind <> 'business' OR credit_code IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX app_user_by_mobile ON app_user (mobile_hash)`.execute(db);
  await sql`
    CREATE TABLE recovery_code (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES app_user (id),
      code_hash bytea NOT NULL,
      used_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX recovery_code_by_user ON recovery_code (user_id)`.execute(db);
  await sql`
    CREATE TABLE role (
      code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z_]{1,40}$'),
      name_zh text NOT NULL,
      name_en text NOT NULL,
      officer text UNIQUE CHECK (officer IN ('system_admin', 'security_admin', 'security_auditor')),
      reads_business_data boolean NOT NULL DEFAULT true,
      builtin boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (officer IS NULL OR NOT reads_business_data)
    )`.execute(db);
  await sql`
    CREATE TABLE membership (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES app_user (id),
      org_unit_id uuid NOT NULL REFERENCES org_unit (id),
      role_code text NOT NULL REFERENCES role (code),
      reach text NOT NULL CHECK (reach IN ('unit', 'subtree', 'line')),
      granted_by uuid REFERENCES app_user (id),
      granted_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX membership_active ON membership (user_id, org_unit_id, role_code) WHERE revoked_at IS NULL`.execute(
    db,
  );
  await sql`
    CREATE TABLE user_session (
      id_hash bytea PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES app_user (id),
      stage text NOT NULL CHECK (stage IN ('second_factor', 'enrol_second_factor', 'password_change', 'complete')),
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      client_ip text,
      user_agent text,
      ended_at timestamptz,
      end_reason text
    )`.execute(db);
  await sql`CREATE INDEX user_session_by_user ON user_session (user_id) WHERE ended_at IS NULL`.execute(db);
  await sql`
    CREATE TABLE login_attempt (
      key_hash bytea NOT NULL,
      attempted_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX login_attempt_by_key ON login_attempt (key_hash, attempted_at)`.execute(db);
  // last_seen_at moves on every request: recording it would bury the trail in noise.
  await sql`
    CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON user_session
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('last_seen_at', 'expires_at')`.execute(db);
  for (const table of ['app_user', 'recovery_code', 'role', 'membership']) {
    await sql`
      CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION audit_row_change()`.execute(db);
  }
}

import { type Kysely, sql } from 'kysely';

/**
 * The case engine: cases with their state and timeline, the statutory clocks with their due
 * instants in indexed columns (overdue work is one query), tracking numbers, idempotent creates,
 * escalation tasks, and the administrator's versions of the working-day calendar.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE calendar_version (
      id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$'),
      effective_from timestamptz NOT NULL,
      notices jsonb NOT NULL,
      note text NOT NULL,
      entered_by uuid REFERENCES app_user (id),
      entered_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TABLE case_record (
      id uuid PRIMARY KEY,
      process_code text NOT NULL,
      process_version integer NOT NULL,
      form_version integer NOT NULL,
      tracking_number text NOT NULL UNIQUE,
      lookup_hash bytea NOT NULL,
      division_code text NOT NULL,
      owning_unit_id uuid NOT NULL REFERENCES org_unit (id),
      applicant_user_id uuid REFERENCES app_user (id),
      title text NOT NULL,
      form_data jsonb NOT NULL,
      state text NOT NULL,
      version integer NOT NULL DEFAULT 1,
      received_on date NOT NULL,
      due_at timestamptz,
      due_clock text,
      overdue boolean NOT NULL DEFAULT false,
      provisional boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX case_open_by_unit_due ON case_record (owning_unit_id, due_at) WHERE closed_at IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX case_by_applicant ON case_record (applicant_user_id, created_at DESC)`.execute(db);
  await sql`
    CREATE TABLE case_action (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES case_record (id),
      seq integer NOT NULL,
      action text NOT NULL,
      from_state text,
      to_state text NOT NULL,
      actor_user_id uuid REFERENCES app_user (id),
      actor_name text NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      input jsonb NOT NULL DEFAULT '{}',
      UNIQUE (case_id, seq)
    )`.execute(db);
  await sql`
    CREATE TABLE case_clock (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES case_record (id),
      code text NOT NULL,
      rule jsonb NOT NULL,
      events jsonb NOT NULL DEFAULT '[]',
      status text NOT NULL CHECK (status IN ('not_started', 'running', 'paused', 'stopped')),
      due_at timestamptz,
      warn_at timestamptz,
      warned_at timestamptz,
      overdue_at timestamptz,
      escalated_at timestamptz,
      provisional boolean NOT NULL DEFAULT false,
      calendar_version text,
      UNIQUE (case_id, code)
    )`.execute(db);
  // The sweeps read only these partial indexes: running clocks not yet warned or not yet overdue.
  await sql`CREATE INDEX case_clock_to_warn ON case_clock (warn_at) WHERE status = 'running' AND warned_at IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX case_clock_to_expire ON case_clock (due_at) WHERE status = 'running' AND overdue_at IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX case_clock_open ON case_clock (case_id) WHERE status IN ('running', 'paused')`.execute(
    db,
  );
  await sql`
    CREATE TABLE tracking_counter (
      division_code text NOT NULL,
      day date NOT NULL,
      last_value integer NOT NULL,
      PRIMARY KEY (division_code, day)
    )`.execute(db);
  await sql`
    CREATE TABLE idempotency_record (
      user_id uuid NOT NULL REFERENCES app_user (id),
      key text NOT NULL,
      request_hash bytea NOT NULL,
      status_code integer NOT NULL,
      response jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, key)
    )`.execute(db);
  await sql`
    CREATE TABLE case_task (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES case_record (id),
      unit_id uuid NOT NULL REFERENCES org_unit (id),
      kind text NOT NULL,
      role_code text NOT NULL REFERENCES role (code),
      clock_code text,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
      created_at timestamptz NOT NULL DEFAULT now(),
      done_at timestamptz,
      done_by uuid REFERENCES app_user (id),
      note text
    )`.execute(db);
  await sql`CREATE INDEX case_task_open ON case_task (unit_id, created_at) WHERE status = 'open'`.execute(db);
  // updated_at and the due columns move with every action; the timeline row records the act itself.
  await sql`
    CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON case_record
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('updated_at')`.execute(db);
  for (const table of ['calendar_version', 'case_action', 'case_clock', 'idempotency_record', 'case_task']) {
    await sql`
      CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION audit_row_change()`.execute(db);
  }
  // The timeline is a record: the application may add to it, never change it.
  await sql`REVOKE UPDATE, DELETE ON case_action FROM yiwang_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'case_task',
    'idempotency_record',
    'tracking_counter',
    'case_clock',
    'case_action',
    'case_record',
    'calendar_version',
  ]) {
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  }
}

import { type Kysely, sql } from 'kysely';

/**
 * The tamper-evident audit trail (DESIGN §5). Events are written by triggers and by the
 * platform in the same transaction as the change; the sequencer alone turns committed events
 * into Merkle leaves. Two database roles separate those powers: the application's role can add
 * events but never change or remove one, and only the sequencer's role can append leaves.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createRoles(db);
  await sql`
    CREATE FUNCTION yiwang_uuidv7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
      SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING
        substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
        FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
    $$`.execute(db);
  await sql`
    CREATE TABLE audit_event (
      id uuid PRIMARY KEY DEFAULT yiwang_uuidv7(),
      occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      actor_user_id uuid,
      actor_org_unit_id uuid,
      action text NOT NULL,
      target_type text,
      target_id text,
      outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
      client_ip text,
      request_id text,
      details jsonb NOT NULL DEFAULT '{}'
    )`.execute(db);
  await sql`CREATE INDEX audit_event_by_time ON audit_event (occurred_at DESC)`.execute(db);
  await sql`CREATE INDEX audit_event_by_actor ON audit_event (actor_user_id, occurred_at DESC)`.execute(db);
  await sql`CREATE INDEX audit_event_by_target ON audit_event (target_type, target_id)`.execute(db);
  // Committed events wait here for the sequencer; visibility itself tells it which have committed.
  await sql`
    CREATE TABLE audit_pending (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      event_id uuid NOT NULL UNIQUE REFERENCES audit_event (id)
    )`.execute(db);
  await sql`
    CREATE TABLE audit_leaf (
      leaf_index bigint PRIMARY KEY CHECK (leaf_index >= 0),
      event_id uuid NOT NULL UNIQUE,
      leaf_hash bytea NOT NULL,
      sequenced_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`.execute(db);
  await sql`
    CREATE TABLE audit_checkpoint (
      tree_size bigint PRIMARY KEY,
      root_hash bytea NOT NULL,
      made_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      key_id text NOT NULL,
      signature bytea NOT NULL
    )`.execute(db);
  await createEventTriggers(db);
  await grantPrivileges(db);
}

async function createRoles(db: Kysely<unknown>): Promise<void> {
  // Roles belong to the whole cluster, so several databases (and test runs) share them.
  await sql`
    DO $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'yiwang_app') THEN
        CREATE ROLE yiwang_app NOLOGIN;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'yiwang_sequencer') THEN
        CREATE ROLE yiwang_sequencer NOLOGIN;
      END IF;
      IF NOT pg_has_role(current_user, 'yiwang_app', 'MEMBER') THEN
        EXECUTE format('GRANT yiwang_app TO %I', current_user);
      END IF;
      IF NOT pg_has_role(current_user, 'yiwang_sequencer', 'MEMBER') THEN
        EXECUTE format('GRANT yiwang_sequencer TO %I', current_user);
      END IF;
    END $$`.execute(db);
}

async function createEventTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'the audit trail is insert-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
    END $$`.execute(db);
  for (const table of ['audit_event', 'audit_leaf', 'audit_checkpoint']) {
    await sql`
      CREATE TRIGGER insert_only BEFORE UPDATE OR DELETE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`.execute(db);
    await sql`
      CREATE TRIGGER insert_only_truncate BEFORE TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`.execute(db);
  }
  await sql`
    CREATE FUNCTION audit_event_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO audit_pending (event_id) VALUES (NEW.id);
      RETURN NEW;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER enqueue AFTER INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_enqueue()`.execute(db);
  // Every business table gets this trigger (a test checks): the change is recorded with the
  // names of the fields that changed, never their content, and the actor of the transaction.
  await sql`
    CREATE FUNCTION audit_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      fields text[];
      row_data jsonb := to_jsonb(COALESCE(NEW, OLD));
    BEGIN
      IF TG_OP = 'UPDATE' THEN
        SELECT array_agg(n.key ORDER BY n.key) INTO fields
          FROM jsonb_each(to_jsonb(NEW)) n JOIN jsonb_each(to_jsonb(OLD)) o USING (key)
          WHERE n.value IS DISTINCT FROM o.value AND n.key <> ALL (TG_ARGV);
        IF fields IS NULL THEN RETURN NEW; END IF;
      ELSIF TG_OP = 'INSERT' THEN
        SELECT array_agg(k ORDER BY k) INTO fields FROM jsonb_object_keys(row_data) k;
      END IF;
      INSERT INTO audit_event (actor_user_id, actor_org_unit_id, action, target_type, target_id,
                               outcome, client_ip, request_id, details)
      VALUES (nullif(current_setting('yiwang.actor_user_id', true), '')::uuid,
              nullif(current_setting('yiwang.actor_org_unit_id', true), '')::uuid,
              TG_TABLE_NAME || '.' || lower(TG_OP), TG_TABLE_NAME,
              COALESCE(row_data ->> 'id', row_data ->> 'code', row_data ->> 'key', row_data ->> 'user_id'), 'success',
              nullif(current_setting('yiwang.client_ip', true), ''),
              nullif(current_setting('yiwang.request_id', true), ''),
              jsonb_build_object('fields', COALESCE(to_jsonb(fields), '[]'::jsonb)));
      RETURN COALESCE(NEW, OLD);
    END $$`.execute(db);
}

async function grantPrivileges(db: Kysely<unknown>): Promise<void> {
  await sql`GRANT USAGE ON SCHEMA public TO yiwang_app, yiwang_sequencer`.execute(db);
  // Tables created by later migrations are the application's to use, unless revoked there.
  await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO yiwang_app`.execute(
    db,
  );
  await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO yiwang_app`.execute(
    db,
  );
  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON platform_setting, portal_article, site_feedback TO yiwang_app`.execute(
    db,
  );
  await sql`GRANT SELECT ON kysely_migration, kysely_migration_lock TO yiwang_app`.execute(db);
  await sql`REVOKE ALL ON audit_event, audit_pending, audit_leaf, audit_checkpoint FROM yiwang_app`.execute(
    db,
  );
  await sql`GRANT SELECT, INSERT ON audit_event, audit_pending TO yiwang_app`.execute(db);
  await sql`GRANT SELECT ON audit_leaf, audit_checkpoint TO yiwang_app`.execute(db);
  await sql`GRANT SELECT ON audit_event, audit_pending, audit_leaf, audit_checkpoint TO yiwang_sequencer`.execute(
    db,
  );
  await sql`GRANT DELETE ON audit_pending TO yiwang_sequencer`.execute(db);
  await sql`GRANT INSERT ON audit_leaf, audit_checkpoint TO yiwang_sequencer`.execute(db);
  for (const table of ['portal_article', 'site_feedback', 'platform_setting']) {
    await sql`
      CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION audit_row_change()`.execute(db);
  }
}

import { type Kysely, sql } from 'kysely';

/**
 * The service catalogue (事项清单): each administrative service with its versions. A version is
 * a draft until it is published; a published version is never changed (a trigger refuses, so a
 * case opened under it reads what the applicant read), and publishing a new one supersedes it.
 * A version holds everything 行政许可法第30条 asks to publish: basis, conditions, materials, the
 * application form (a JSON Schema), the time limit with its basis, the fee or none (第58条).
 * Search words are cut by jieba when a version is written, as for portal articles (0006).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE service (
      id uuid PRIMARY KEY,
      code text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{6}-[A-Z0-9]{2,12}(-[A-Z0-9]{1,12}){1,3}$'),
      owning_unit_id uuid NOT NULL REFERENCES org_unit (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      retired_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX service_by_unit ON service (owning_unit_id)`.execute(db);
  await sql`
    CREATE TABLE service_version (
      id uuid PRIMARY KEY,
      service_id uuid NOT NULL REFERENCES service (id),
      version integer NOT NULL CHECK (version >= 1),
      status text NOT NULL CHECK (status IN ('draft', 'published', 'superseded')),
      name_zh text NOT NULL,
      name_en text NOT NULL,
      category text NOT NULL,
      legal_basis text NOT NULL,
      conditions text NOT NULL,
      materials jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(materials) = 'array'),
      form_schema jsonb NOT NULL CHECK (jsonb_typeof(form_schema) = 'object'),
      ui_schema jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(ui_schema) = 'object'),
      time_limit jsonb NOT NULL CHECK (
        time_limit ->> 'unit' = 'working_days' AND (time_limit ->> 'limit')::integer > 0
        AND coalesce(btrim(time_limit ->> 'basis'), '') <> ''),
      committed_days integer CHECK (
        committed_days >= 0 AND committed_days <= (time_limit ->> 'limit')::integer),
      on_the_spot boolean NOT NULL DEFAULT false,
      -- 行政许可法第58条: no fee unless a law or administrative regulation sets one, so a fee names it.
      fee jsonb CHECK (fee IS NULL OR (
        (fee ->> 'amount_yuan')::numeric > 0 AND coalesce(btrim(fee ->> 'basis'), '') <> '')),
      division_codes text[] NOT NULL DEFAULT '{}',
      contact text NOT NULL,
      themes text[] NOT NULL DEFAULT '{}',
      life_events text[] NOT NULL DEFAULT '{}',
      hearing_rights boolean NOT NULL DEFAULT false,
      four_eyes boolean NOT NULL DEFAULT false,
      substantive_check boolean NOT NULL DEFAULT false,
      search_words text[] NOT NULL DEFAULT '{}',
      search_vector tsvector GENERATED ALWAYS AS (array_to_tsvector(search_words)) STORED,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES app_user (id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz,
      published_by uuid REFERENCES app_user (id),
      superseded_at timestamptz,
      UNIQUE (service_id, version),
      CHECK ((status = 'draft') = (published_at IS NULL)),
      CHECK ((status = 'superseded') = (superseded_at IS NOT NULL))
    )`.execute(db);
  // At most one published and one draft version per service at any time.
  await sql`CREATE UNIQUE INDEX service_version_one_published ON service_version (service_id) WHERE status = 'published'`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX service_version_one_draft ON service_version (service_id) WHERE status = 'draft'`.execute(
    db,
  );
  // The portal reads only published versions: search, themes, life events and places.
  await sql`CREATE INDEX service_version_search ON service_version USING gin (search_vector) WHERE status = 'published'`.execute(
    db,
  );
  await sql`CREATE INDEX service_version_themes ON service_version USING gin (themes, life_events, division_codes) WHERE status = 'published'`.execute(
    db,
  );
  // A version that left the draft state is a record: only its status may move on, to superseded.
  await sql`
    CREATE FUNCTION service_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      moving text[] := ARRAY['status', 'superseded_at', 'search_vector'];
    BEGIN
      IF OLD.status = 'draft' THEN
        RETURN COALESCE(NEW, OLD);
      END IF;
      IF TG_OP = 'UPDATE' AND OLD.status = 'published' AND NEW.status = 'superseded'
         AND (to_jsonb(NEW) - moving) = (to_jsonb(OLD) - moving) THEN
        RETURN NEW;
      END IF;
      RAISE EXCEPTION 'service version % is %: a published version is never changed', OLD.id, OLD.status
        USING ERRCODE = 'check_violation';
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER frozen BEFORE UPDATE OR DELETE ON service_version
    FOR EACH ROW EXECUTE FUNCTION service_version_frozen()`.execute(db);
  await sql`
    CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON service
    FOR EACH ROW EXECUTE FUNCTION audit_row_change()`.execute(db);
  // updated_at moves with every edit of a draft; the fields edited are the change worth recording.
  // (With an argument, TG_ARGV is an array: with none it is NULL, and audit_row_change's
  // "key <> ALL (TG_ARGV)" then matches no field, so an UPDATE would not be recorded at all.)
  await sql`
    CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON service_version
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('updated_at')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE service_version`.execute(db);
  await sql`DROP FUNCTION service_version_frozen()`.execute(db);
  await sql`DROP TABLE service`.execute(db);
}

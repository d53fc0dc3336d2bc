import { type Kysely, sql } from 'kysely';

/**
 * A trigger attached without arguments gets TG_ARGV as NULL, not an empty array, so the filter
 * `key <> ALL (TG_ARGV)` matched nothing and updates to those tables went unrecorded. The same
 * function, with the missing arguments read as an empty list.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION audit_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      fields text[];
      row_data jsonb := to_jsonb(COALESCE(NEW, OLD));
      ignored text[] := COALESCE(TG_ARGV, '{}'::text[]);
    BEGIN
      IF TG_OP = 'UPDATE' THEN
        SELECT array_agg(n.key ORDER BY n.key) INTO fields
          FROM jsonb_each(to_jsonb(NEW)) n JOIN jsonb_each(to_jsonb(OLD)) o USING (key)
          WHERE n.value IS DISTINCT FROM o.value AND n.key <> ALL (ignored);
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

import { type Kysely, sql } from 'kysely';

/**
 * Notifications: an in-app inbox for every user, and an outbox of e-mail and SMS deliveries
 * written in the same transaction as the change they report. Both store a stable code and its
 * parameters, never prose; the text is rendered when it is shown or sent. No address is ever
 * copied into the outbox: the dispatcher decrypts it from app_user at delivery time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Personal information, stored like the mobile number: ciphertext and a masked copy to show.
  await sql`ALTER TABLE app_user ADD COLUMN email_enc bytea, ADD COLUMN email_masked text`.execute(db);
  await sql`
    CREATE TABLE inbox_message (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES app_user (id),
      code text NOT NULL,
      params jsonb NOT NULL DEFAULT '{}',
      case_id uuid,
      link text,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX inbox_message_by_user ON inbox_message (user_id, created_at DESC)`.execute(db);
  await sql`CREATE INDEX inbox_message_unread ON inbox_message (user_id) WHERE read_at IS NULL`.execute(db);
  await sql`
    CREATE TABLE notification (
      id uuid PRIMARY KEY,
      recipient_user_id uuid NOT NULL REFERENCES app_user (id),
      channel text NOT NULL CHECK (channel IN ('email', 'sms')),
      code text NOT NULL,
      params jsonb NOT NULL DEFAULT '{}',
      case_id uuid,
      link text,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'skipped', 'dead')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      last_attempt_at timestamptz,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz
    )`.execute(db);
  // The dispatcher reads only this partial index: the due rows still waiting.
  await sql`CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status = 'pending'`.execute(
    db,
  );
  await sql`CREATE INDEX notification_failing ON notification (last_attempt_at DESC) WHERE last_error IS NOT NULL`.execute(
    db,
  );
  // Every claim and retry moves these; the status changes (sent, dead, skipped, retried) are the acts worth recording.
  await sql`
    CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON notification
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('attempts', 'next_attempt_at', 'last_attempt_at', 'last_error')`.execute(
    db,
  );
  await sql`
    CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON inbox_message
    FOR EACH ROW EXECUTE FUNCTION audit_row_change()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE notification`.execute(db);
  await sql`DROP TABLE inbox_message`.execute(db);
  await sql`ALTER TABLE app_user DROP COLUMN email_enc, DROP COLUMN email_masked`.execute(db);
}

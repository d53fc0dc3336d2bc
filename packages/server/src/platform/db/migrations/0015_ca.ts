import { type Kysely, sql } from 'kysely';

/**
 * The CA centre (电子认证, 电子签名法第13条): keys, certificates, revocation lists, time-stamps,
 * sealed documents and the seal requests that lead to them.
 *
 * - `ca_key` holds private keys sealed with the platform's data key (SM4-GCM, the key id as AAD),
 *   or nothing at all for a key kept offline (the root after `yiwang ca init --offline-root`). The
 *   audit trigger records field names only, so no sealed bytes reach the log either.
 * - Certification records are never deleted (电子签名法第24条: kept at least five years after the
 *   certificate expires): a trigger refuses DELETE on certificates, CRLs, time-stamps and sealed
 *   documents, and `retain_until` says how long each must be kept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE ca_key (
      id uuid PRIMARY KEY,
      algorithm text NOT NULL CHECK (algorithm IN ('SM2-SM3', 'ECDSA-P256-SHA256')),
      store text NOT NULL CHECK (store IN ('software', 'offline', 'external')),
      sealed_private bytea,
      spki bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((store = 'software') = (sealed_private IS NOT NULL))
    )`.execute(db);
  await sql`
    CREATE TABLE ca_certificate (
      id uuid PRIMARY KEY,
      serial_hex text NOT NULL UNIQUE,
      profile text NOT NULL CHECK (profile IN
        ('root', 'issuing_ca', 'seal', 'staff', 'business', 'tsa', 'ocsp', 'platform')),
      algorithm text NOT NULL CHECK (algorithm IN ('SM2-SM3', 'ECDSA-P256-SHA256')),
      issuer_id uuid REFERENCES ca_certificate (id),
      key_id uuid NOT NULL REFERENCES ca_key (id),
      subject_text text NOT NULL,
      org_unit_id uuid REFERENCES org_unit (id),
      user_id uuid REFERENCES app_user (id),
      not_before timestamptz NOT NULL,
      not_after timestamptz NOT NULL,
      der bytea NOT NULL,
      sha256 bytea NOT NULL UNIQUE,
      renewal_of uuid REFERENCES ca_certificate (id),
      issued_by uuid REFERENCES app_user (id),
      issued_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      revocation_reason text,
      revoked_by uuid REFERENCES app_user (id),
      -- Five calendar years after expiry, counted in UTC (the zone-free form keeps the expression immutable).
      retain_until timestamptz GENERATED ALWAYS AS (((not_after AT TIME ZONE 'UTC') + interval '5 years') AT TIME ZONE 'UTC') STORED,
      CHECK (not_after > not_before),
      CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL)),
      CHECK (profile <> 'seal' OR org_unit_id IS NOT NULL),
      CHECK (profile NOT IN ('staff', 'business') OR user_id IS NOT NULL),
      CHECK ((profile = 'root') = (issuer_id IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX ca_certificate_by_unit ON ca_certificate (org_unit_id, profile, not_after)`.execute(
    db,
  );
  await sql`CREATE INDEX ca_certificate_by_issuer ON ca_certificate (issuer_id, revoked_at)`.execute(db);
  await sql`CREATE INDEX ca_certificate_by_user ON ca_certificate (user_id)`.execute(db);
  await sql`
    CREATE TABLE ca_crl (
      issuer_id uuid NOT NULL REFERENCES ca_certificate (id),
      number bigint NOT NULL CHECK (number >= 1),
      this_update timestamptz NOT NULL,
      next_update timestamptz NOT NULL,
      der bytea NOT NULL,
      PRIMARY KEY (issuer_id, number)
    )`.execute(db);
  await sql`CREATE SEQUENCE ca_timestamp_serial`.execute(db);
  // The TSA's log: what it time-stamped, when, under which certificate (RFC 3161 §4, accountability).
  await sql`
    CREATE TABLE ca_timestamp (
      serial bigint PRIMARY KEY,
      certificate_id uuid NOT NULL REFERENCES ca_certificate (id),
      imprint_algorithm text NOT NULL,
      imprint bytea NOT NULL,
      gen_time timestamptz NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE sealed_document (
      id uuid PRIMARY KEY,
      verification_code text NOT NULL UNIQUE,
      file_id uuid NOT NULL UNIQUE REFERENCES stored_file (id),
      org_unit_id uuid NOT NULL REFERENCES org_unit (id),
      certificate_id uuid NOT NULL REFERENCES ca_certificate (id),
      timestamp_serial bigint NOT NULL REFERENCES ca_timestamp (serial),
      title text NOT NULL,
      document_number text NOT NULL,
      sha256 bytea NOT NULL,
      signed_at timestamptz NOT NULL,
      authorized_by uuid NOT NULL REFERENCES app_user (id)
    )`.execute(db);
  await sql`CREATE INDEX sealed_document_by_hash ON sealed_document (sha256)`.execute(db);
  // A document waiting for its unit's seal: the renderer's input is kept so the sealed copy is the
  // same document with the seal, the verification code and the QR code drawn in.
  await sql`
    CREATE TABLE seal_request (
      id uuid PRIMARY KEY,
      org_unit_id uuid NOT NULL REFERENCES org_unit (id),
      file_id uuid NOT NULL UNIQUE REFERENCES stored_file (id),
      case_id uuid,
      title text NOT NULL,
      document_number text NOT NULL,
      render jsonb NOT NULL,
      draft_sha256 bytea NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sealed')),
      requested_at timestamptz NOT NULL DEFAULT now(),
      sealed_document_id uuid REFERENCES sealed_document (id),
      CHECK ((status = 'sealed') = (sealed_document_id IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX seal_request_queue ON seal_request (org_unit_id, requested_at) WHERE status = 'pending'`.execute(
    db,
  );
  await sql`
    CREATE FUNCTION ca_record_kept() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'certification records are kept, never deleted (%)', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
    END $$`.execute(db);
  for (const table of [
    'ca_key',
    'ca_certificate',
    'ca_crl',
    'ca_timestamp',
    'sealed_document',
    'seal_request',
  ]) {
    await sql
      .raw(`CREATE TRIGGER kept BEFORE DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ca_record_kept()`)
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER audit AFTER INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_row_change()`,
      )
      .execute(db);
  }
  // Defence in depth beside the trigger: the application's role cannot delete or rewrite records.
  await sql`REVOKE DELETE ON ca_key, ca_certificate, ca_crl, ca_timestamp, sealed_document, seal_request FROM yiwang_app`.execute(
    db,
  );
  await sql`REVOKE UPDATE ON ca_crl, ca_timestamp, sealed_document FROM yiwang_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'seal_request',
    'sealed_document',
    'ca_timestamp',
    'ca_crl',
    'ca_certificate',
    'ca_key',
  ]) {
    await sql.raw(`DROP TABLE ${table}`).execute(db);
  }
  await sql`DROP SEQUENCE ca_timestamp_serial`.execute(db);
  await sql`DROP FUNCTION ca_record_kept()`.execute(db);
}

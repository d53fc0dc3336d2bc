import { type RawBuilder, sql } from 'kysely';
import { eventLeafHash } from './merkle/index.ts';

/**
 * What an audit event contributes to the Merkle log: a fixed projection of its audit_event row. The sequencer
 * and the verifier both read events through leafEventColumns and hash them with auditLeafHash, so the two can
 * never disagree about what a leaf means. Changing this projection changes every leaf hash: it is a format.
 *
 * occurred_at is rendered by PostgreSQL in UTC with all six fractional digits ("2025-01-02T03:04:05.123456Z"),
 * not through a JavaScript Date, which would drop the microseconds and let a sub-millisecond edit go unseen.
 */
export type LeafEvent = {
  id: string;
  occurred_at: string;
  actor_user_id: string | null;
  actor_org_unit_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  client_ip: string | null;
  request_id: string | null;
  details: unknown;
};

/**
 * The SELECT list that yields a LeafEvent from the audit_event row aliased `alias`. Under a LEFT JOIN a
 * missing event yields id NULL, which callers test before hashing.
 */
export function leafEventColumns(alias: string): RawBuilder<unknown> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  return sql`${col('id')} AS id,
    to_char(${col('occurred_at')} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at,
    ${col('actor_user_id')} AS actor_user_id, ${col('actor_org_unit_id')} AS actor_org_unit_id,
    ${col('action')} AS action, ${col('target_type')} AS target_type, ${col('target_id')} AS target_id,
    ${col('outcome')} AS outcome, ${col('client_ip')} AS client_ip, ${col('request_id')} AS request_id,
    ${col('details')} AS details`;
}

/**
 * The leaf content: the projection as an object with exactly these keys, so extra columns a query happens to
 * carry never leak into the hash. eventLeafHash then takes its RFC 8785 canonical JSON and hashes it as an
 * RFC 6962 §2.1 leaf: SHA-256(0x00 ‖ canonical JSON).
 */
export function leafContent(event: LeafEvent): LeafEvent {
  return {
    id: event.id,
    occurred_at: event.occurred_at,
    actor_user_id: event.actor_user_id,
    actor_org_unit_id: event.actor_org_unit_id,
    action: event.action,
    target_type: event.target_type,
    target_id: event.target_id,
    outcome: event.outcome,
    client_ip: event.client_ip,
    request_id: event.request_id,
    details: event.details,
  };
}

export function auditLeafHash(event: LeafEvent): Buffer {
  return eventLeafHash(leafContent(event));
}

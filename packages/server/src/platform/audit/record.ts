import { sql } from 'kysely';
import type { Tx } from '../db/transaction.ts';

export type AuditOutcome = 'success' | 'denied' | 'failure';

/**
 * An event that is not a row change: a login, a refusal, a read of classified data. Platform
 * code only; modules never write audit rows (a test checks). Details carry ids, hashes and
 * field names, never business content or personal information.
 */
export type AuditRecord = {
  action: string;
  outcome: AuditOutcome;
  targetType?: string;
  targetId?: string;
  details?: Record<string, string | number | boolean | string[] | null>;
};

/** Inserted within the caller's transaction, with the actor that `inTransaction` set for it. */
export async function recordEvent(tx: Tx, record: AuditRecord): Promise<void> {
  await sql`
    INSERT INTO audit_event (actor_user_id, actor_org_unit_id, action, target_type, target_id,
                             outcome, client_ip, request_id, details)
    VALUES (nullif(current_setting('yiwang.actor_user_id', true), '')::uuid,
            nullif(current_setting('yiwang.actor_org_unit_id', true), '')::uuid,
            ${record.action}, ${record.targetType ?? null}, ${record.targetId ?? null}, ${record.outcome},
            nullif(current_setting('yiwang.client_ip', true), ''),
            nullif(current_setting('yiwang.request_id', true), ''),
            ${JSON.stringify(record.details ?? {})}::jsonb)`.execute(tx);
}

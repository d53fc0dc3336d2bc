import { sql, type Transaction } from 'kysely';
import type { Db } from './database.ts';
import type { Database } from './schema.ts';

export type Tx = Transaction<Database>;

/** Who acts, from where: recorded on every audit event the transaction writes. */
export type ActorContext = {
  userId?: string | null;
  orgUnitId?: string | null;
  clientIp?: string | null;
  requestId?: string | null;
};

/**
 * Every change runs in a transaction that knows its actor; the audit triggers read the actor
 * from these transaction-local settings, so no handler has to remember to record anything.
 */
export function inTransaction<T>(db: Db, actor: ActorContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`
      SELECT set_config('yiwang.actor_user_id', ${actor.userId ?? ''}, true),
             set_config('yiwang.actor_org_unit_id', ${actor.orgUnitId ?? ''}, true),
             set_config('yiwang.client_ip', ${actor.clientIp ?? ''}, true),
             set_config('yiwang.request_id', ${actor.requestId ?? ''}, true)`.execute(tx);
    return work(tx);
  });
}

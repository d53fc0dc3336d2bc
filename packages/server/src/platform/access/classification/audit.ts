import { recordEvent } from '../../audit/record.ts';
import type { Db } from '../../db/database.ts';
import type { ActorContext } from '../../db/transaction.ts';
import { inTransaction } from '../../db/transaction.ts';

/**
 * Reading anything that is not public is an audited event (DESIGN §2): the ids read, never
 * their content. Public records are not recorded; nothing is written when nothing was read.
 */
export async function recordClassifiedReads(
  db: Db,
  actor: ActorContext,
  targetType: string,
  rows: ReadonlyArray<{ id: string; classification: string }>,
): Promise<void> {
  const read = rows.filter((r) => r.classification !== 'public');
  if (read.length === 0) return;
  await inTransaction(db, actor, async (tx) => {
    for (const r of read) {
      await recordEvent(tx, {
        action: 'classified.read',
        outcome: 'success',
        targetType,
        targetId: r.id,
        details: { classification: r.classification },
      });
    }
  });
}

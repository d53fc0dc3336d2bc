import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Tx } from '../db/transaction.ts';
import { auditLeafHash, type LeafEvent, leafEventColumns } from './leaf.ts';
import { runEvery, type ScheduleOptions, sleep } from './schedule.ts';
import { nextLeafIndex, tryLockLog } from './store.ts';

// The sequencer alone turns committed audit events into Merkle leaves (DESIGN §5). Events wait in
// audit_pending; a transaction still in flight is invisible here, so its events are simply appended by a later
// batch once it commits. Each batch appends leaves and removes their pending rows in one transaction, so a
// crash leaves either both or neither: no event is lost and none is sequenced twice.

export const DEFAULT_BATCH = 1000;

type PendingEvent = LeafEvent & { seq: number };

/**
 * Appends up to limit pending events to the log as leaves with contiguous indexes after the last leaf.
 * Returns how many; 0 when nothing is pending or another process holds the log's lock (it is sequencing).
 * Call with a pool under the yiwang_sequencer role: only that role may append leaves.
 */
export async function sequenceBatch(seqDb: Db, limit = DEFAULT_BATCH): Promise<number> {
  return (await trySequenceBatch(seqDb, limit)) ?? 0;
}

/** Like sequenceBatch, but undefined when the lock was busy, so a caller can tell "busy" from "done". */
async function trySequenceBatch(seqDb: Db, limit: number): Promise<number | undefined> {
  return seqDb
    .transaction()
    .execute(async (tx) => ((await tryLockLog(tx)) ? appendPending(tx, limit) : undefined));
}

async function appendPending(tx: Tx, limit: number): Promise<number> {
  const { rows } = await sql<PendingEvent>`
    SELECT p.seq, ${leafEventColumns('e')}
    FROM audit_pending p JOIN audit_event e ON e.id = p.event_id
    ORDER BY p.seq
    LIMIT ${limit}`.execute(tx);
  if (rows.length === 0) return 0;
  const first = await nextLeafIndex(tx);
  // Three array parameters however large the batch: one statement, no 65,535-parameter ceiling.
  await sql`
    INSERT INTO audit_leaf (leaf_index, event_id, leaf_hash)
    SELECT ${first}::bigint + n - 1, id, hash
    FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map(auditLeafHash)}::bytea[]) WITH ORDINALITY AS t(id, hash, n)`.execute(
    tx,
  );
  await sql`DELETE FROM audit_pending WHERE seq = ANY(${rows.map((r) => r.seq)}::bigint[])`.execute(tx);
  return rows.length;
}

/**
 * Sequences until nothing committed is pending, waiting while another process holds the lock. Returns the
 * number of events this call appended. For tests, the CLI, and before a checkpoint.
 */
export async function drainPending(
  seqDb: Db,
  options: { batchSize?: number; signal?: AbortSignal } = {},
): Promise<number> {
  let total = 0;
  while (!options.signal?.aborted) {
    const appended = await trySequenceBatch(seqDb, options.batchSize ?? DEFAULT_BATCH);
    if (appended === 0) break;
    if (appended === undefined) await sleep(LOCK_RETRY_MS, options.signal);
    else total += appended;
  }
  return total;
}

const LOCK_RETRY_MS = 20;

/**
 * The server's sequencer: every intervalMs, appends batches until none is left. When another process holds
 * the lock this round is skipped; that process is doing the work. Resolves after signal aborts.
 */
export async function runSequencer(
  seqDb: Db,
  options: ScheduleOptions & { batchSize?: number },
): Promise<void> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  await runEvery(async () => {
    while (!options.signal.aborted && (await sequenceBatch(seqDb, batchSize)) > 0);
  }, options);
}

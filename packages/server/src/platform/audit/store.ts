import { type Kysely, type Selectable, sql } from 'kysely';
import type { AuditCheckpointTable, Database } from '../db/schema.ts';
import { hashToHex, TreeBuilder } from './merkle/index.ts';

// Database reads shared by the sequencer, the checkpointer, the proofs and the verifier. Every function takes
// a Kysely<Database>, so it runs equally on a pool or inside the caller's transaction.

type Q = Kysely<Database>;

/**
 * One advisory lock serialises everything that appends to the log (sequencing, checkpoints) across all
 * processes and nodes sharing the database. Its key is "Yiwang" in ASCII, so it is easy to spot in pg_locks.
 */
export const AUDIT_LOCK_KEY = 0x5969_7761_6e67;

/** Leaf hashes are read in pages of this many rows: bounded memory, few round trips. */
export const LEAF_PAGE = 10_000;

/** Takes the log's lock for the rest of the transaction if it is free; false when another holds it. */
export async function tryLockLog(tx: Q): Promise<boolean> {
  const query = sql<{
    locked: boolean;
  }>`SELECT pg_try_advisory_xact_lock(${AUDIT_LOCK_KEY}::bigint) AS locked`;
  const { rows } = await query.execute(tx);
  return rows[0]?.locked === true;
}

/** Waits for the log's lock; held until the transaction ends. */
export async function lockLog(tx: Q): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY}::bigint)`.execute(tx);
}

export type LeafHashRow = { leaf_index: number; leaf_hash: Buffer };

/** The stored leaf hashes with start <= leaf_index < end, in order, a page at a time (keyset pagination). */
export async function* leafHashPages(db: Q, start: number, end = Number.MAX_SAFE_INTEGER) {
  for (let from = start; from < end; ) {
    const page: LeafHashRow[] = await db
      .selectFrom('audit_leaf')
      .select(['leaf_index', 'leaf_hash'])
      .where('leaf_index', '>=', from)
      .where('leaf_index', '<', end)
      .orderBy('leaf_index')
      .limit(LEAF_PAGE)
      .execute();
    if (page.length === 0) return;
    yield page;
    from = (page.at(-1)?.leaf_index ?? end) + 1;
  }
}

/** The stored log is not what it must be (a leaf missing, or no longer the signed root); verify says why. */
export class DamagedLogError extends Error {
  override name = 'DamagedLogError';
}

/**
 * MTH(D[start:end]) (RFC 6962 §2.1) from the stored leaf hashes. A subtree hash is defined on the leaves of the
 * range alone, so a TreeBuilder fed with them gives it. Throws DamagedLogError if a leaf of the range is missing.
 */
export async function storedRangeHash(db: Q, start: number, end: number): Promise<Buffer> {
  const builder = new TreeBuilder();
  for await (const page of leafHashPages(db, start, end)) {
    for (const leaf of page) {
      if (leaf.leaf_index !== start + builder.size) {
        throw new DamagedLogError(gapMessage(start + builder.size));
      }
      builder.append(leaf.leaf_hash);
    }
  }
  if (builder.size !== end - start) throw new DamagedLogError(gapMessage(start + builder.size));
  return builder.root();
}

export function gapMessage(index: number): string {
  return `the audit log has no leaf ${index} where one is expected`;
}

/** The index the next leaf gets: one past the last (the primary key index answers from its end). */
export async function nextLeafIndex(db: Q): Promise<number> {
  const row = await db
    .selectFrom('audit_leaf')
    .select((eb) => eb.fn.max('leaf_index').as('last'))
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

export type CheckpointRow = Selectable<AuditCheckpointTable>;

/**
 * A signed checkpoint: the log had treeSize leaves with Merkle root rootHash (64 lowercase hex digits) at
 * madeAt (ISO 8601, UTC, milliseconds), signed by the key keyId. signature is base64; see checkpoints.ts for
 * exactly which bytes are signed.
 */
export type CheckpointRecord = {
  treeSize: number;
  rootHash: string;
  madeAt: string;
  keyId: string;
  signature: string;
};

/** A checkpoint row as the portable record that is signed, witnessed and exported. */
export function checkpointRecordOf(row: CheckpointRow): CheckpointRecord {
  return {
    treeSize: Number(row.tree_size),
    rootHash: hashToHex(row.root_hash),
    madeAt: row.made_at.toISOString(),
    keyId: row.key_id,
    signature: row.signature.toString('base64'),
  };
}

export async function latestCheckpoint(db: Q): Promise<CheckpointRow | undefined> {
  return db
    .selectFrom('audit_checkpoint')
    .selectAll()
    .orderBy('tree_size', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function checkpointAt(db: Q, treeSize: number): Promise<CheckpointRow | undefined> {
  return db.selectFrom('audit_checkpoint').selectAll().where('tree_size', '=', treeSize).executeTakeFirst();
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import {
  type HashRange,
  hashToHex,
  memoizeHashRange,
  proveConsistency,
  proveInclusion,
} from './merkle/index.ts';
import {
  type CheckpointRecord,
  checkpointAt,
  checkpointRecordOf,
  latestCheckpoint,
  nextLeafIndex,
  storedRangeHash,
} from './store.ts';

// Proofs for anyone holding a checkpoint: that an event is in the log (RFC 6962 §2.1.1) and that a later log
// extends an earlier one (§2.1.2). Hashes are hex; verify with verifyInclusion / verifyConsistency of
// ./merkle, per RFC 9162 §2.1.3.2 and §2.1.4.2.

type Q = Kysely<Database>;

export type InclusionProof = {
  eventId: string;
  leafIndex: number;
  treeSize: number;
  leafHash: string;
  /** The audit path, leaf end first. */
  proof: string[];
  rootHash: string;
  /** The signed checkpoint of treeSize, when there is one. */
  checkpoint: CheckpointRecord | null;
};

/**
 * The inclusion proof of an event's leaf in the tree of treeSize leaves: by default the latest checkpoint's, so
 * the root is a signed one. Null when the event is not sequenced yet, or no checkpoint covers it yet. A
 * treeSize beyond the log is a RangeError.
 */
export async function inclusionProofForEvent(
  db: Q,
  eventId: string,
  treeSize?: number,
): Promise<InclusionProof | null> {
  const leaf = await db
    .selectFrom('audit_leaf')
    .select(['leaf_index', 'leaf_hash'])
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  if (!leaf) return null;
  const size = treeSize ?? (await latestCheckpoint(db))?.tree_size;
  if (size === undefined || leaf.leaf_index >= size) return null;
  const hashRange = storedHashRange(db);
  const { rootHash, checkpoint } = await rootAt(db, size, hashRange);
  const proof = await proveInclusion(leaf.leaf_index, size, hashRange);
  return {
    eventId,
    leafIndex: leaf.leaf_index,
    treeSize: size,
    leafHash: hashToHex(leaf.leaf_hash),
    proof: proof.map(hashToHex),
    rootHash,
    checkpoint,
  };
}

export type ConsistencyProof = {
  fromSize: number;
  toSize: number;
  fromRoot: string;
  toRoot: string;
  proof: string[];
};

/**
 * The consistency proof between the checkpoints of m and n leaves (m <= n), with their signed roots. Null when
 * either size has no checkpoint; a RangeError when m > n.
 */
export async function consistencyProofBetween(db: Q, m: number, n: number): Promise<ConsistencyProof | null> {
  if (m > n) throw new RangeError(`No consistency proof from ${m} leaves to fewer (${n})`);
  const [from, to] = await Promise.all([checkpointAt(db, m), checkpointAt(db, n)]);
  if (!from || !to) return null;
  const proof = await proveConsistency(m, n, storedHashRange(db));
  return {
    fromSize: m,
    toSize: n,
    fromRoot: hashToHex(from.root_hash),
    toRoot: hashToHex(to.root_hash),
    proof: proof.map(hashToHex),
  };
}

/**
 * A HashRange over the stored leaves, memoised for one proof. Each range is one keyset scan of its leaf hashes
 * (one query up to 10,000 leaves); a proof's ranges are disjoint, so a proof reads each leaf at most once.
 */
export function storedHashRange(db: Q): HashRange {
  return memoizeHashRange((start, end) => storedRangeHash(db, start, end));
}

/** The root of size leaves: the checkpoint's if one was signed at that size, else computed from the leaves. */
async function rootAt(db: Q, size: number, hashRange: HashRange) {
  const checkpoint = await checkpointAt(db, size);
  if (checkpoint) {
    return { rootHash: hashToHex(checkpoint.root_hash), checkpoint: checkpointRecordOf(checkpoint) };
  }
  const leaves = await nextLeafIndex(db);
  if (size > leaves) throw new RangeError(`The audit log has ${leaves} leaves, not ${size}`);
  return { rootHash: hashToHex(await hashRange(0, size)), checkpoint: null };
}

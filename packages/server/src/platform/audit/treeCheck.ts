import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { verifyCheckpointSignature } from './checkpoints.ts';
import { auditLeafHash, type LeafEvent } from './leaf.ts';
import { hashToHex, isHash, sameHash, TreeBuilder } from './merkle/index.ts';
import type { ProblemLog } from './problems.ts';
import { type CheckpointRow, checkpointRecordOf, LEAF_PAGE } from './store.ts';
import type { WitnessLine } from './witness.ts';

/** A leaf as the verifier reads it: LEFT JOINed with its event, whose columns are all null if it is gone. */
export type ScannedLeaf = Omit<LeafEvent, 'id'> & {
  id: string | null;
  leaf_index: number;
  leaf_event_id: string;
  leaf_hash: Buffer;
};

/**
 * Replays the log leaf by leaf: recomputes each leaf from its event, rebuilds the tree from the stored leaf
 * hashes (RFC 6962 §2.1), and at every size that was checkpointed or witnessed compares the roots and checks
 * the signatures. Feeding the stored hashes, not the recomputed ones, keeps the two findings apart: an edited
 * event shows up as event_altered, while recomputed (forged) leaves show up at the next signed root.
 */
export class TreeCheck {
  readonly #builder = new TreeBuilder();
  readonly #witness = new Map<number, WitnessLine[]>();
  #checkpoints = new Map<number, CheckpointRow>();
  #nextIndex = 0;

  constructor(
    private readonly problems: ProblemLog,
    /** keyId -> public key PEM; undefined when no key was given, and signatures go unchecked. */
    private readonly trusted: ReadonlyMap<string, string> | undefined,
    witness: readonly WitnessLine[],
  ) {
    for (const line of witness) {
      const atSize = this.#witness.get(line.treeSize);
      if (atSize) atSize.push(line);
      else this.#witness.set(line.treeSize, [line]);
    }
  }

  get size(): number {
    return this.#builder.size;
  }

  /** Checks the empty tree: a checkpoint or witness line of size 0 must have the empty root. */
  async start(db: Kysely<Database>): Promise<void> {
    await this.#loadCheckpoints(db, 0, 0);
    this.#checkSize();
  }

  /** Loads the checkpoints that the next count leaves reach, before they are fed in. */
  async beginBatch(db: Kysely<Database>, count: number): Promise<void> {
    await this.#loadCheckpoints(db, this.size + 1, this.size + count);
  }

  async #loadCheckpoints(db: Kysely<Database>, from: number, to: number): Promise<void> {
    const rows = await db
      .selectFrom('audit_checkpoint')
      .selectAll()
      .where('tree_size', '>=', from)
      .where('tree_size', '<=', to)
      .execute();
    this.#checkpoints = new Map(rows.map((row) => [Number(row.tree_size), row]));
  }

  leaf(leaf: ScannedLeaf): void {
    // Indexes are checked against the previous leaf's, not the tree size: one gap is one problem, while the
    // tree, now out of step with the signed sizes, fails every checkpoint after it.
    if (leaf.leaf_index !== this.#nextIndex) {
      const [first, last] = [this.#nextIndex, leaf.leaf_index - 1];
      this.problems.add({
        kind: 'leaf_gap',
        leafIndex: first,
        message: first === last ? `leaf ${first} is missing` : `leaves ${first} to ${last} are missing`,
      });
    }
    this.#nextIndex = leaf.leaf_index + 1;
    this.#checkEvent(leaf);
    if (isHash(leaf.leaf_hash)) {
      this.#builder.append(leaf.leaf_hash);
    } else {
      this.problems.add({
        kind: 'leaf_malformed',
        leafIndex: leaf.leaf_index,
        message: 'not a 32-byte hash',
      });
      this.#builder.append(Buffer.alloc(32));
    }
    this.#checkSize();
  }

  /** After the last leaf: whatever was signed or witnessed beyond it claims leaves the log does not have. */
  async finish(db: Kysely<Database>): Promise<void> {
    for (let after = this.size; ; ) {
      const rows = await db
        .selectFrom('audit_checkpoint')
        .selectAll()
        .where('tree_size', '>', after)
        .orderBy('tree_size')
        .limit(LEAF_PAGE)
        .execute();
      for (const row of rows) this.#checkCheckpoint(row, undefined);
      const last = rows.at(-1);
      if (!last) break;
      after = Number(last.tree_size);
    }
    for (const lines of this.#witness.values())
      for (const line of lines) this.#checkWitnessLine(line, undefined);
  }

  #checkEvent(leaf: ScannedLeaf): void {
    const at = { leafIndex: leaf.leaf_index, eventId: leaf.leaf_event_id };
    if (leaf.id === null) {
      this.problems.add({
        kind: 'event_deleted',
        ...at,
        message: `the event of leaf ${leaf.leaf_index} is gone`,
      });
    } else if (!sameHash(auditLeafHash({ ...leaf, id: leaf.id }), leaf.leaf_hash)) {
      this.problems.add({
        kind: 'event_altered',
        ...at,
        message: `the event of leaf ${leaf.leaf_index} no longer matches its leaf hash`,
      });
    }
  }

  #checkSize(): void {
    const checkpoint = this.#checkpoints.get(this.size);
    const lines = this.#witness.get(this.size);
    if (!checkpoint && !lines) return;
    const root = this.#builder.root(); // O(log n): only at sizes that were signed or witnessed
    if (checkpoint) this.#checkCheckpoint(checkpoint, root);
    for (const line of lines ?? []) {
      this.#checkWitnessLine(line, root);
      if (!checkpoint) {
        this.problems.add({
          kind: 'checkpoint_missing',
          treeSize: this.size,
          message: `the checkpoint of ${this.size} leaves in witness line ${line.line} is not in the database`,
        });
      }
    }
    this.#witness.delete(this.size);
  }

  /** root is the recomputed root at the checkpoint's size, undefined if the log never reached it. */
  #checkCheckpoint(row: CheckpointRow, root: Buffer | undefined): void {
    const record = checkpointRecordOf(row);
    const at = { treeSize: record.treeSize };
    if (root === undefined) {
      this.problems.add({
        kind: 'checkpoint_root',
        ...at,
        message: `checkpoint of ${record.treeSize} leaves, beyond the log's end`,
      });
    } else if (!sameHash(root, row.root_hash)) {
      this.problems.add({
        kind: 'checkpoint_root',
        ...at,
        message: `checkpoint of ${record.treeSize} leaves has another root`,
      });
    }
    if (!this.trusted) return;
    const key = this.trusted.get(record.keyId);
    if (key === undefined) {
      this.problems.add({
        kind: 'checkpoint_key_unknown',
        ...at,
        message: `checkpoint of ${record.treeSize} leaves is signed by unknown key ${record.keyId}`,
      });
    } else if (!verifyCheckpointSignature(record, key)) {
      this.problems.add({
        kind: 'checkpoint_signature',
        ...at,
        message: `checkpoint of ${record.treeSize} leaves has a bad signature`,
      });
    }
  }

  #checkWitnessLine(line: WitnessLine, root: Buffer | undefined): void {
    if (root !== undefined && hashToHex(root) === line.rootHash) return;
    const why = root === undefined ? 'but the log is shorter' : 'but the log now has another root there';
    this.problems.add({
      kind: 'witness_mismatch',
      treeSize: line.treeSize,
      message: `witness line ${line.line} records ${line.treeSize} leaves with root ${line.rootHash}, ${why}`,
    });
  }
}

import { type Kysely, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { leafEventColumns } from './leaf.ts';
import { type AuditProblem, PROBLEMS_KEPT_PER_KIND, ProblemLog } from './problems.ts';
import { keyIdOf } from './signer.ts';
import { LEAF_PAGE } from './store.ts';
import { type ScannedLeaf, TreeCheck } from './treeCheck.ts';
import { readWitness, type WitnessContents } from './witness.ts';

type Q = Kysely<Database>;

export type VerifyOptions = {
  /** The witness file to hold the log to; without it, a rewrite re-signed with a trusted key goes unseen. */
  witnessFile?: string;
  /** The platform's checkpoint key(s), SPKI PEM. Without one, checkpoint signatures are not checked. */
  publicKeyPem?: string | readonly string[];
  /** Called after every batch of leaves, e.g. to draw a progress bar. */
  onProgress?: (progress: { done: number; total: number }) => void;
  batchSize?: number;
};

export type AuditReport = {
  ok: boolean;
  events: number;
  leaves: number;
  pending: number;
  checkpoints: number;
  witnessLines: number;
  signaturesChecked: boolean;
  /** Every kind found; within a kind the first occurrences precisely, in log order (see ProblemLog). */
  problems: AuditProblem[];
};

/**
 * Checks the whole audit trail (DESIGN §5) from one consistent snapshot, streaming the log in batches so that
 * memory stays bounded whatever its size. Read-only; run it as the owner or any role that can read the
 * audit tables. The report lists what is wrong; it does not throw for a damaged log.
 */
export async function verifyAuditTrail(ownerDb: Db, options: VerifyOptions = {}): Promise<AuditReport> {
  // Read before the snapshot is taken: a witness line is written only after its checkpoint (and so its leaves)
  // committed, so everything it names is inside the snapshot, even while the server keeps appending.
  const witness: WitnessContents = options.witnessFile
    ? await readWitness(options.witnessFile)
    : { records: [], malformed: [] };
  return ownerDb
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute((tx) => verifySnapshot(tx, witness, options));
}

async function verifySnapshot(tx: Q, witness: WitnessContents, options: VerifyOptions): Promise<AuditReport> {
  const problems = new ProblemLog();
  for (const { line, message } of witness.malformed) {
    problems.add({ kind: 'witness_malformed', message: `witness line ${line}: ${message}` });
  }
  const counts = await countRows(tx);
  const trusted = trustedKeys(options.publicKeyPem);
  const check = new TreeCheck(problems, trusted, witness.records);
  await scanLeaves(tx, check, counts.leaves, options);
  await findUnsequenced(tx, problems);
  await findOrphanedPending(tx, problems);
  const list = problems.list();
  return {
    ok: list.length === 0,
    ...counts,
    witnessLines: witness.records.length + witness.malformed.length,
    signaturesChecked: trusted !== undefined,
    problems: list,
  };
}

async function scanLeaves(tx: Q, check: TreeCheck, total: number, options: VerifyOptions): Promise<void> {
  const batchSize = options.batchSize ?? LEAF_PAGE;
  await check.start(tx);
  let done = 0;
  // The next batch is already asked for while this one is hashed, so the database and the hashing overlap.
  let next = leafBatch(tx, 0, batchSize);
  for (let rows = await next; rows.length > 0; rows = await next) {
    const from = (rows.at(-1)?.leaf_index ?? 0) + 1;
    next = leafBatch(tx, from, batchSize);
    next.catch(() => undefined); // awaited next round; this only keeps an early exit from leaving it unhandled
    await check.beginBatch(tx, rows.length);
    for (const row of rows) check.leaf(row);
    done += rows.length;
    options.onProgress?.({ done, total });
  }
  await check.finish(tx);
}

/** Leaves from leaf_index `from` on, each with its event (keyset pagination: no OFFSET over a huge table). */
async function leafBatch(tx: Q, from: number, limit: number): Promise<ScannedLeaf[]> {
  const { rows } = await sql<ScannedLeaf>`
    SELECT l.leaf_index, l.event_id AS leaf_event_id, l.leaf_hash, ${leafEventColumns('e')}
    FROM audit_leaf l LEFT JOIN audit_event e ON e.id = l.event_id
    WHERE l.leaf_index >= ${from}
    ORDER BY l.leaf_index
    LIMIT ${limit}`.execute(tx);
  return rows;
}

async function countRows(tx: Q) {
  const { rows } = await sql<{ events: number; leaves: number; pending: number; checkpoints: number }>`
    SELECT (SELECT count(*) FROM audit_event) AS events, (SELECT count(*) FROM audit_leaf) AS leaves,
           (SELECT count(*) FROM audit_pending) AS pending, (SELECT count(*) FROM audit_checkpoint) AS checkpoints`.execute(
    tx,
  );
  const row = rows[0];
  return {
    events: Number(row?.events ?? 0),
    leaves: Number(row?.leaves ?? 0),
    pending: Number(row?.pending ?? 0),
    checkpoints: Number(row?.checkpoints ?? 0),
  };
}

function trustedKeys(pem: string | readonly string[] | undefined): ReadonlyMap<string, string> | undefined {
  if (pem === undefined) return undefined;
  const pems = typeof pem === 'string' ? [pem] : pem;
  return new Map(pems.map((p) => [keyIdOf(p), p]));
}

/**
 * Events that are neither leaves nor waiting to become one: written around the enqueue trigger, or taken out
 * of the queue. Every event is either pending or sequenced within one snapshot, since the sequencer moves
 * it in one transaction; a transaction still in flight is invisible, so it raises no false alarm.
 */
async function findUnsequenced(tx: Q, problems: ProblemLog): Promise<void> {
  const { rows } = await sql<{ id: string; total: number }>`
    SELECT e.id, count(*) OVER () AS total FROM audit_event e
    WHERE NOT EXISTS (SELECT 1 FROM audit_leaf l WHERE l.event_id = e.id)
      AND NOT EXISTS (SELECT 1 FROM audit_pending p WHERE p.event_id = e.id)
    ORDER BY e.occurred_at, e.id
    LIMIT ${PROBLEMS_KEPT_PER_KIND + 1}`.execute(tx);
  for (const row of rows) {
    problems.add({
      kind: 'event_unsequenced',
      eventId: row.id,
      message: `event ${row.id} is neither sequenced nor pending`,
    });
  }
  problems.countMore('event_unsequenced', Number(rows[0]?.total ?? 0) - rows.length);
}

/** Queue entries whose event is gone (the foreign key was bypassed): deleted before it was ever sequenced. */
async function findOrphanedPending(tx: Q, problems: ProblemLog): Promise<void> {
  const { rows } = await sql<{ event_id: string; total: number }>`
    SELECT p.event_id, count(*) OVER () AS total FROM audit_pending p
    WHERE NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.id = p.event_id)
    ORDER BY p.seq
    LIMIT ${PROBLEMS_KEPT_PER_KIND + 1}`.execute(tx);
  for (const row of rows) {
    problems.add({
      kind: 'event_deleted',
      eventId: row.event_id,
      message: `pending event ${row.event_id} is gone`,
    });
  }
  problems.countMore('event_deleted', Number(rows[0]?.total ?? 0) - rows.length);
}

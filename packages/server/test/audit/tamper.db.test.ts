import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AuditReport,
  drainPending,
  formatAuditReport,
  generateCheckpointSigner,
  makeCheckpoint,
  recordEvent,
  verifyAuditTrail,
} from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/transaction.ts';
import {
  type AuditTestBed,
  createAuditTestBed,
  type LeafRow,
  leaves,
  publishAndSequence,
  tamper,
} from './kit.ts';

// A log of 40 leaves with checkpoints at 24 and 40, then tampered with as a superuser would.
let bed: AuditTestBed;
let log: LeafRow[];
beforeEach(async () => {
  bed = await createAuditTestBed();
  await publishAndSequence(bed, 12);
  await makeCheckpoint(bed.seq, bed.signer, bed.witness);
  await publishAndSequence(bed, 8);
  await makeCheckpoint(bed.seq, bed.signer, bed.witness);
  log = await leaves(bed.db);
});
afterEach(() => bed.destroy());

const verify = (options: Parameters<typeof verifyAuditTrail>[1] = {}) =>
  verifyAuditTrail(bed.owner, {
    publicKeyPem: bed.signer.publicKeyPem,
    witnessFile: bed.witness,
    ...options,
  });
const kinds = (report: AuditReport) => [...new Set(report.problems.map((p) => p.kind))].sort();
const eventAt = (index: number) => log[index]?.event_id ?? '';

describe('an untouched audit trail', () => {
  it('verifies, in batches, reporting progress', async () => {
    const progress: Array<{ done: number; total: number }> = [];
    const report = await verify({ batchSize: 16, onProgress: (p) => progress.push(p) });
    expect(report).toEqual({
      ok: true,
      events: 40,
      leaves: 40,
      pending: 0,
      checkpoints: 2,
      witnessLines: 2,
      signaturesChecked: true,
      problems: [],
    });
    expect(progress).toEqual([16, 32, 40].map((done) => ({ done, total: 40 })));
  });

  it('verifies with events still pending, and without a key or a witness', async () => {
    await inTransaction(bed.db, {}, (tx) => recordEvent(tx, { action: 'test.pending', outcome: 'success' }));
    const report = await verifyAuditTrail(bed.owner);
    expect(report).toMatchObject({
      ok: true,
      events: 41,
      pending: 1,
      signaturesChecked: false,
      witnessLines: 0,
    });
  });
});

describe('tampering', () => {
  it('with an event after it was sequenced is found at its leaf, to the microsecond', async () => {
    await tamper(bed.owner, async (tx) => {
      await sql`UPDATE audit_event SET details = '{"fields": []}' WHERE id = ${eventAt(5)}`.execute(tx);
      await sql`UPDATE audit_event SET occurred_at = occurred_at + interval '1 microsecond' WHERE id = ${eventAt(9)}`.execute(
        tx,
      );
    });
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(kinds(report)).toEqual(['event_altered']);
    expect(report.problems.map((p) => [p.leafIndex, p.eventId])).toEqual([
      [5, eventAt(5)],
      [9, eventAt(9)],
    ]);
    expect(formatAuditReport(report)).toContain(`PROBLEM event_altered leaf=5 event=${eventAt(5)}:`);
    expect(formatAuditReport(report)).toMatch(/NOT OK: 2 problem lines$/);
  });

  it('by deleting an event is found at its leaf', async () => {
    await tamper(bed.owner, (tx) => sql`DELETE FROM audit_event WHERE id = ${eventAt(7)}`.execute(tx));
    const report = await verify();
    expect(kinds(report)).toEqual(['event_deleted']);
    expect(report.problems[0]).toMatchObject({ kind: 'event_deleted', leafIndex: 7, eventId: eventAt(7) });
  });

  it('by rewriting the tail and re-signing it with a new key is caught by the key and by the witness', async () => {
    const forger = generateCheckpointSigner();
    await tamper(bed.owner, async (tx) => {
      await sql`UPDATE audit_event SET details = '{"fields": []}'
                WHERE id IN (SELECT event_id FROM audit_leaf WHERE leaf_index >= 24)`.execute(tx);
      await sql`DELETE FROM audit_leaf WHERE leaf_index >= 24`.execute(tx);
      await sql`DELETE FROM audit_checkpoint WHERE tree_size > 24`.execute(tx);
      await sql`INSERT INTO audit_pending (event_id) SELECT id FROM audit_event e
                WHERE NOT EXISTS (SELECT 1 FROM audit_leaf l WHERE l.event_id = e.id) ORDER BY occurred_at`.execute(
        tx,
      );
    });
    await drainPending(bed.owner);
    const forged = await makeCheckpoint(bed.owner, forger, path.join(bed.dataDir, 'forged-witness.jsonl'));
    expect(forged?.treeSize).toBe(40);
    // The leaves are consistent with the altered events now: only the signatures and the witness tell.
    const byKey = await verify({ witnessFile: undefined });
    expect(kinds(byKey)).toEqual(['checkpoint_key_unknown']);
    expect(byKey.problems[0]).toMatchObject({ treeSize: 40 });
    const both = [bed.signer.publicKeyPem, forger.publicKeyPem];
    const byWitness = await verify({ publicKeyPem: both });
    expect(kinds(byWitness)).toEqual(['witness_mismatch']);
    expect(byWitness.problems[0]).toMatchObject({ kind: 'witness_mismatch', treeSize: 40 });
    expect(kinds(await verify())).toEqual(['checkpoint_key_unknown', 'witness_mismatch']);
  });

  it('by swapping the events of two leaves is found as altered leaves', async () => {
    await swapLeaves(3, 4, 'event_id');
    const report = await verify();
    expect(kinds(report)).toEqual(['event_altered']);
    expect(report.problems.map((p) => p.leafIndex)).toEqual([3, 4]);
  });

  it('by swapping two whole leaves is found at every signed root after them, and stops checkpoints', async () => {
    await swapLeaves(3, 4, 'event_id, leaf_hash');
    const report = await verify();
    expect(kinds(report)).toEqual(['checkpoint_root', 'witness_mismatch']);
    expect(report.problems.filter((p) => p.kind === 'checkpoint_root').map((p) => p.treeSize)).toEqual([
      24, 40,
    ]);
    await publishAndSequence(bed, 1);
    await expect(makeCheckpoint(bed.seq, bed.signer, bed.witness)).rejects.toThrow(/no longer matches/);
  });

  it('by removing leaves is found as a gap, or as a log shorter than its checkpoints', async () => {
    await tamper(bed.owner, (tx) =>
      sql`DELETE FROM audit_leaf WHERE leaf_index = 10 OR leaf_index >= 30`.execute(tx),
    );
    const report = await verify();
    expect(kinds(report)).toEqual(['checkpoint_root', 'event_unsequenced', 'leaf_gap', 'witness_mismatch']);
    expect(report.problems.filter((p) => p.kind === 'leaf_gap')).toEqual([
      expect.objectContaining({ leafIndex: 10, message: 'leaf 10 is missing' }),
    ]);
    expect(report.problems.filter((p) => p.kind === 'event_unsequenced')).toHaveLength(11);
  });

  it('by writing an event around the queue, or deleting one still queued, is found', async () => {
    const queued = await inTransaction(bed.db, {}, async (tx) => {
      await recordEvent(tx, { action: 'test.queued', outcome: 'success' });
      return (await tx.selectFrom('audit_pending').select('event_id').executeTakeFirstOrThrow()).event_id;
    });
    const hidden = await tamper(bed.owner, async (tx) => {
      await sql`DELETE FROM audit_event WHERE id = ${queued}`.execute(tx);
      const { rows } = await sql<{ id: string }>`
        INSERT INTO audit_event (action, outcome) VALUES ('test.hidden', 'success') RETURNING id`.execute(tx);
      return rows[0]?.id;
    });
    const report = await verify();
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'event_unsequenced', eventId: hidden }),
      expect.objectContaining({ kind: 'event_deleted', eventId: queued }),
    ]);
  });

  it('with checkpoints is found: a bad signature, a witnessed checkpoint removed', async () => {
    await tamper(bed.owner, async (tx) => {
      await sql`UPDATE audit_checkpoint SET signature = (SELECT signature FROM audit_checkpoint WHERE tree_size = 40)
                WHERE tree_size = 24`.execute(tx);
      await sql`DELETE FROM audit_checkpoint WHERE tree_size = 40`.execute(tx);
    });
    const report = await verify();
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'checkpoint_signature', treeSize: 24 }),
      expect.objectContaining({ kind: 'checkpoint_missing', treeSize: 40 }),
    ]);
  });

  it('with a witness file is found, line by line', async () => {
    fs.appendFileSync(bed.witness, 'not json\n');
    const report = await verify();
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'witness_malformed', message: expect.stringMatching(/line 3/) }),
    ]);
  });

  it('everywhere lists the first problems of each kind precisely and counts the rest', async () => {
    await tamper(bed.owner, (tx) => sql`UPDATE audit_event SET details = '{"x": 1}'`.execute(tx));
    const report = await verify();
    const altered = report.problems.filter((p) => p.kind === 'event_altered');
    expect(altered.slice(0, 20).map((p) => p.leafIndex)).toEqual([...Array(20).keys()]);
    expect(altered[20]?.message).toMatch(/20 more event_altered problems not listed \(40 in all\)/);
  });
});

/** Exchanges columns of two leaves; through a placeholder, because event_id is unique. */
async function swapLeaves(a: number, b: number, columns: 'event_id' | 'event_id, leaf_hash'): Promise<void> {
  const [x, y] = [log[a], log[b]];
  if (!x || !y) throw new Error('no such leaves');
  const hashes = columns === 'event_id' ? [x.leaf_hash, y.leaf_hash] : [y.leaf_hash, x.leaf_hash];
  await tamper(bed.owner, async (tx) => {
    await sql`UPDATE audit_leaf SET event_id = gen_random_uuid() WHERE leaf_index = ${a}`.execute(tx);
    await sql`UPDATE audit_leaf SET event_id = ${x.event_id}, leaf_hash = ${hashes[1]} WHERE leaf_index = ${b}`.execute(
      tx,
    );
    await sql`UPDATE audit_leaf SET event_id = ${y.event_id}, leaf_hash = ${hashes[0]} WHERE leaf_index = ${a}`.execute(
      tx,
    );
  });
}

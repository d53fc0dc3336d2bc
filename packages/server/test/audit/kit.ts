// Shared by the audit *.db.test.ts files: a migrated database with a sequencer pool, a data folder for the
// signing key and the witness, and ways to write events and to tamper as the superuser.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import {
  type CheckpointSigner,
  drainPending,
  type LeafEvent,
  leafEventColumns,
  loadCheckpointSigner,
  recordEvent,
  witnessFile,
} from '../../src/platform/audit/index.ts';
import { createDb, type Db } from '../../src/platform/db/database.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { inTransaction, type Tx } from '../../src/platform/db/transaction.ts';
import { createTestDatabase, type TestDatabase } from '../harness/testDb.ts';

export type AuditTestBed = TestDatabase & {
  /** The sequencer's pool (role yiwang_sequencer). */
  seq: Db;
  dataDir: string;
  signer: CheckpointSigner;
  witness: string;
};

export async function createAuditTestBed(): Promise<AuditTestBed> {
  const t = await createTestDatabase();
  const seq = createDb(t.url, { role: 'yiwang_sequencer', max: 2 });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yiwang-audit-'));
  return {
    ...t,
    seq,
    dataDir,
    signer: loadCheckpointSigner(dataDir),
    witness: witnessFile(dataDir),
    destroy: async () => {
      await seq.destroy();
      await t.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One business transaction: an article (audited by its trigger) and a read event. Two events. */
export async function publishArticle(db: Db, requestId: string = randomUUID()): Promise<string> {
  const id = randomUUID();
  await inTransaction(db, { requestId, clientIp: '192.0.2.1' }, async (tx) => {
    await tx
      .insertInto('portal_article')
      .values({
        id,
        category: 'news',
        title_zh: '标题',
        title_en: 'Title',
        summary_zh: '摘要',
        summary_en: 'Summary',
        publisher_zh: '发布单位',
        publisher_en: 'Publisher',
        published_at: new Date(),
      })
      .execute();
    await recordEvent(tx, {
      action: 'portal_article.read',
      outcome: 'success',
      targetType: 'portal_article',
      targetId: id,
    });
  });
  return id;
}

/** count business transactions, one after the other, then everything sequenced. */
export async function publishAndSequence(bed: AuditTestBed, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await publishArticle(bed.db);
  await drainPending(bed.seq);
}

/** As the superuser with triggers (insert-only guards, enqueueing, foreign keys) switched off. */
export async function tamper<T>(owner: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return owner.transaction().execute(async (tx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(tx);
    return work(tx);
  });
}

export type LeafRow = { leaf_index: number; event_id: string; leaf_hash: Buffer };

export async function leaves(db: Kysely<Database>): Promise<LeafRow[]> {
  return db
    .selectFrom('audit_leaf')
    .select(['leaf_index', 'event_id', 'leaf_hash'])
    .orderBy('leaf_index')
    .execute();
}

export async function eventsOfLeaves(
  db: Kysely<Database>,
): Promise<Array<LeafEvent & { leaf_index: number }>> {
  const { rows } = await sql<LeafEvent & { leaf_index: number }>`
    SELECT l.leaf_index, ${leafEventColumns('e')}
    FROM audit_leaf l JOIN audit_event e ON e.id = l.event_id ORDER BY l.leaf_index`.execute(db);
  return rows;
}

export async function count(db: Kysely<Database>, table: 'audit_event' | 'audit_leaf' | 'audit_pending') {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function expectContiguous(rows: readonly LeafRow[]): void {
  rows.forEach((row, i) => {
    if (row.leaf_index !== i) throw new Error(`leaf ${i} is ${row.leaf_index}`);
  });
  if (new Set(rows.map((r) => r.event_id)).size !== rows.length)
    throw new Error('an event is sequenced twice');
}

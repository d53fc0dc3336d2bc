import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLeafHash,
  drainPending,
  recordEvent,
  runSequencer,
  sequenceBatch,
} from '../../src/platform/audit/index.ts';
import { inTransaction } from '../../src/platform/db/transaction.ts';
import {
  type AuditTestBed,
  count,
  createAuditTestBed,
  eventsOfLeaves,
  expectContiguous,
  leaves,
  publishArticle,
} from './kit.ts';

let bed: AuditTestBed;
beforeAll(async () => {
  bed = await createAuditTestBed();
});
afterAll(() => bed.destroy());

describe('the sequencer', () => {
  it('turns committed events into leaves with contiguous indexes and the canonical leaf hash', async () => {
    for (let i = 0; i < 5; i++) await publishArticle(bed.db);
    expect(await count(bed.db, 'audit_pending')).toBe(10);
    expect(await sequenceBatch(bed.seq)).toBe(10);
    expect(await sequenceBatch(bed.seq)).toBe(0);
    const rows = await leaves(bed.db);
    expect(rows).toHaveLength(10);
    expectContiguous(rows);
    for (const event of await eventsOfLeaves(bed.db)) {
      expect(auditLeafHash(event)).toEqual(rows[event.leaf_index]?.leaf_hash);
    }
    expect(await count(bed.db, 'audit_pending')).toBe(0);
  });

  it('records the actor and both the trigger and the platform event of a transaction', async () => {
    await publishArticle(bed.db, 'req-actor');
    await drainPending(bed.seq);
    const events = (await eventsOfLeaves(bed.db)).filter((e) => e.request_id === 'req-actor');
    expect(events.map((e) => e.action).sort()).toEqual(['portal_article.insert', 'portal_article.read']);
    expect(events.every((e) => e.client_ip === '192.0.2.1')).toBe(true);
    expect(events[0]?.occurred_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  });

  it('never duplicates or skips when several sequencers run at once', async () => {
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 6; i++) await publishArticle(bed.db);
      const before = await count(bed.db, 'audit_leaf');
      const appended = await Promise.all([sequenceBatch(bed.seq, 5), sequenceBatch(bed.seq, 5)]);
      expect(await count(bed.db, 'audit_leaf')).toBe(before + appended.reduce((a, b) => a + b, 0));
      expectContiguous(await leaves(bed.db));
    }
    await Promise.all([drainPending(bed.seq, { batchSize: 3 }), drainPending(bed.seq, { batchSize: 4 })]);
    expectContiguous(await leaves(bed.db));
    expect(await count(bed.db, 'audit_leaf')).toBe(await count(bed.db, 'audit_event'));
  });

  it('appends an event whose transaction commits late, after those that committed first', async () => {
    const late = await bed.db.startTransaction().execute();
    await recordEvent(late, { action: 'test.late', outcome: 'success' });
    await publishArticle(bed.db);
    await drainPending(bed.seq);
    expect(await count(bed.db, 'audit_pending')).toBe(0);
    await late.commit().execute();
    expect(await drainPending(bed.seq)).toBe(1);
    const last = (await eventsOfLeaves(bed.db)).at(-1);
    expect(last?.action).toBe('test.late');
    expectContiguous(await leaves(bed.db));
  });

  it('keeps up with concurrent writers while the server loop runs, and a final drain sequences all', async () => {
    const stop = new AbortController();
    const errors: unknown[] = [];
    const loop = runSequencer(bed.seq, {
      intervalMs: 5,
      signal: stop.signal,
      onError: (e) => errors.push(e),
    });
    await Promise.all(Array.from({ length: 20 }, () => publishArticle(bed.db)));
    stop.abort();
    await loop;
    await drainPending(bed.seq);
    expect(errors).toEqual([]);
    expectContiguous(await leaves(bed.db));
    expect(await count(bed.db, 'audit_leaf')).toBe(await count(bed.db, 'audit_event'));
    expect(await count(bed.db, 'audit_pending')).toBe(0);
  });

  it('appends a large batch in one go', async () => {
    await inTransaction(bed.db, {}, (tx) =>
      sql`INSERT INTO audit_event (action, outcome, details)
          SELECT 'test.bulk', 'success', jsonb_build_object('n', n) FROM generate_series(1, 12000) n`.execute(
        tx,
      ),
    );
    expect(await sequenceBatch(bed.seq, 20_000)).toBe(12_000);
    expectContiguous(await leaves(bed.db));
  });
});

describe('the audit tables', () => {
  const refused = /permission denied|insert-only/;

  it('refuse the application role any change or removal, and any leaf', async () => {
    const [leaf] = await leaves(bed.db);
    const eventId = leaf?.event_id ?? randomUUID();
    await expect(
      bed.db.updateTable('audit_event').set({ action: 'x' }).where('id', '=', eventId).execute(),
    ).rejects.toThrow(refused);
    await expect(bed.db.deleteFrom('audit_event').where('id', '=', eventId).execute()).rejects.toThrow(
      refused,
    );
    await expect(bed.db.updateTable('audit_leaf').set({ leaf_index: 99 }).execute()).rejects.toThrow(refused);
    await expect(bed.db.deleteFrom('audit_leaf').execute()).rejects.toThrow(refused);
    await expect(bed.db.updateTable('audit_checkpoint').set({ key_id: 'x' }).execute()).rejects.toThrow(
      refused,
    );
    await expect(bed.db.deleteFrom('audit_checkpoint').execute()).rejects.toThrow(refused);
    await expect(
      bed.db
        .insertInto('audit_leaf')
        .values({ leaf_index: 1_000_000, event_id: eventId, leaf_hash: Buffer.alloc(32) })
        .execute(),
    ).rejects.toThrow(refused);
    await expect(bed.db.deleteFrom('audit_pending').execute()).rejects.toThrow(refused);
  });

  it('let even the sequencer only append', async () => {
    await expect(bed.seq.updateTable('audit_leaf').set({ leaf_index: 99 }).execute()).rejects.toThrow(
      refused,
    );
    await expect(bed.seq.deleteFrom('audit_leaf').execute()).rejects.toThrow(refused);
    await expect(bed.seq.deleteFrom('audit_event').execute()).rejects.toThrow(refused);
  });
});

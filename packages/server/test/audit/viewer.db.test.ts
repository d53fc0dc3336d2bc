import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainPending, loadCheckpointSigner, makeCheckpoint } from '../../src/platform/audit/index.ts';
import { hashFromHex, verifyInclusion } from '../../src/platform/audit/merkle/index.ts';
import { createDb, type Db } from '../../src/platform/db/database.ts';
import type { PlatformServices } from '../../src/platform/services.ts';
import { as, type Caller, seedPeople, signedIn } from '../harness/people.ts';
import { createTestApp, testServices } from '../harness/testApp.ts';
import { createTestDatabase, type TestDatabase } from '../harness/testDb.ts';

let t: TestDatabase;
let s: PlatformServices;
let app: FastifyInstance;
let seq: Db;
let auditor: Caller;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yiwang-viewer-'));

beforeAll(async () => {
  t = await createTestDatabase();
  s = testServices(t.db);
  await seedPeople(s);
  app = await createTestApp(t.db, { services: s });
  seq = createDb(t.url, { role: 'yiwang_sequencer', max: 2 });
  auditor = await signedIn(s, 'secauditor');
  await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { identifier: 'clerk', password: 'wrong-Password1' },
  });
  await drainPending(seq);
  await makeCheckpoint(seq, loadCheckpointSigner(dir), path.join(dir, 'witness.jsonl'));
});
afterAll(async () => {
  await app.close();
  await seq.destroy();
  await t.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the security auditor’s view of the trail', () => {
  it('shows the counts and the signed checkpoint', async () => {
    const res = await as(app, auditor)({ url: '/api/v1/audit/status' });
    expect(res.statusCode).toBe(200);
    const status = res.json();
    expect(status.events).toBeGreaterThan(100);
    expect(status.lastCheckpoint.treeSize).toBe(status.sequenced);
    expect(status.lastCheckpoint.rootHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds failed sign-ins, newest first, with ids and no personal data', async () => {
    const res = await as(app, auditor)({ url: '/api/v1/audit/events?action=auth.login&outcome=failure' });
    const { items } = res.json();
    expect(items.length).toBeGreaterThanOrEqual(1);
    expect(items[0]).toMatchObject({
      action: 'auth.login',
      outcome: 'failure',
      details: { reason: 'wrong_password' },
    });
    expect(JSON.stringify(items)).not.toContain('wrong-Password1');
  });

  it('pages with a cursor', async () => {
    const first = (await as(app, auditor)({ url: '/api/v1/audit/events?limit=5' })).json();
    expect(first.items).toHaveLength(5);
    const second = (
      await as(app, auditor)({ url: `/api/v1/audit/events?limit=5&before=${first.nextBefore}` })
    ).json();
    expect(second.items[0].id < first.items[4].id).toBe(true);
  });

  it('exports CSV that a spreadsheet opens safely', async () => {
    const res = await as(app, auditor)({ url: '/api/v1/audit/events.csv?limit=20' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="yiwang-audit-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'occurredAt,actorName,actorUserId,action,targetType,targetId,outcome,clientIp,requestId,leafIndex,details,id',
    );
    expect(lines.length).toBeGreaterThan(2);
  });

  it('proves an event is in the log, and the proof checks out independently', async () => {
    const event = (
      await as(app, auditor)({ url: '/api/v1/audit/events?action=org_unit.insert&limit=1' })
    ).json().items[0];
    const res = await as(app, auditor)({ url: `/api/v1/audit/events/${event.id}/proof` });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    const ok = verifyInclusion(
      p.leafIndex,
      p.treeSize,
      hashFromHex(p.leafHash),
      p.proof.map(hashFromHex),
      hashFromHex(p.rootHash),
    );
    expect(ok).toBe(true);
  });

  it('records the auditor’s own reading', async () => {
    const reads = await t.owner
      .selectFrom('audit_event')
      .select('actor_user_id')
      .where('action', '=', 'audit.read')
      .execute();
    expect(reads.map((r) => r.actor_user_id)).toContain(auditor.userId);
  });

  it('is closed to everyone else, the other officers included', async () => {
    for (const username of ['secadmin', 'sysadmin', 'auditor', 'clerk']) {
      expect((await as(app, await signedIn(s, username))({ url: '/api/v1/audit/events' })).statusCode).toBe(
        403,
      );
    }
    expect((await app.inject({ url: '/api/v1/audit/status' })).statusCode).toBe(401);
  });
});

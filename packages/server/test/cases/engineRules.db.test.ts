import { calendarFromNotices, computeClock } from '@yiwang/standards';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { performAction } from '../../src/cases/actions.ts';
import { missingMaterials } from '../../src/cases/attachments.ts';
import type { CaseEngine } from '../../src/cases/engine.ts';
import { runSweeps } from '../../src/cases/sweeps.ts';
import type { Principal } from '../../src/platform/access/principal.ts';
import { inTransaction } from '../../src/platform/db/transaction.ts';
import { openFileStore, storeFile } from '../../src/platform/files/index.ts';
import { samples } from '../../src/platform/files/samples.ts';
import { type DemoWorld, demoWorld } from '../harness/people.ts';
import { clockOf, licenceFixture, openAt, principal, testEngine } from './fixtures.ts';

let w: DemoWorld;
let engine: CaseEngine & { missingMaterials: typeof missingMaterials };
let citizen: Principal;
let clerk: Principal;

beforeAll(async () => {
  w = await demoWorld();
  engine = { ...testEngine(w.s), missingMaterials };
  citizen = await principal(w.t.db, { kind: 'citizen' });
  clerk = await principal(w.t.db, { username: 'clerk' });
});
afterAll(() => w.close());

const act = (
  caseId: string,
  action: string,
  who: Principal,
  now: Date,
  input: Record<string, unknown> = {},
) =>
  inTransaction(w.t.db, { userId: who.userId }, (tx) =>
    performAction(engine, tx, { caseId, action, input, actor: { kind: 'person', principal: who }, now }),
  );
const state = async (id: string) =>
  await w.t.db
    .selectFrom('case_record')
    .select(['state', 'due_at', 'received_on'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('行政许可法第32条: deemed acceptance when no correction notice went out within 5 working days', () => {
  // Monday 2025-11-03 10:00: the five working days are 11-04 … 11-10, ending at 17:00 on 11-10.
  const received = new Date('2025-11-03T10:00:00+08:00');

  it('is not applied while the window is open, and is applied by the sweep once it closes', async () => {
    const row = await openAt(engine, w.t.db, {
      def: licenceFixture,
      applicant: citizen,
      at: received,
      form: { subject: '测试' },
    });
    const window = await clockOf(w.t.db, row.id, 'correction_window');
    expect(window.due_at?.toISOString()).toBe('2025-11-10T09:00:00.000Z');
    await runSweeps(engine, w.t.db, new Date('2025-11-10T16:59:00+08:00'));
    expect((await state(row.id)).state).toBe('received');
    const counts = await runSweeps(engine, w.t.db, new Date('2025-11-10T17:01:00+08:00'));
    expect(counts.deemed).toBeGreaterThanOrEqual(1);
    expect((await state(row.id)).state).toBe('accepted');
    const timeline = await w.t.db
      .selectFrom('case_action')
      .select(['action', 'actor_user_id', 'actor_name'])
      .where('case_id', '=', row.id)
      .orderBy('seq')
      .execute();
    expect(timeline.at(-1)).toMatchObject({ action: 'deem_accept', actor_user_id: null });
  });

  it('counts the decision period from the day the materials arrived, not from the deemed acceptance', async () => {
    const row = await openAt(engine, w.t.db, {
      def: licenceFixture,
      applicant: citizen,
      at: received,
      form: { subject: '测试' },
    });
    await runSweeps(engine, w.t.db, new Date('2025-11-11T09:00:00+08:00'));
    const decision = await clockOf(w.t.db, row.id, 'decision');
    const result = computeClock(
      decision.rule as never,
      decision.events as never,
      calendarFromNotices(),
      new Date('2025-11-11T09:00:00+08:00'),
    );
    expect(result.startDay).toBe('2025-11-03');
    // 20 working days after 2025-11-03 (no holiday in November 2025).
    expect(result.dueDay).toBe('2025-12-01');
    expect(decision.due_at?.toISOString()).toBe('2025-12-01T09:00:00.000Z');
  });

  it('is not applied when the correction notice went out in time', async () => {
    const row = await openAt(engine, w.t.db, {
      def: licenceFixture,
      applicant: citizen,
      at: received,
      form: { subject: '测试' },
    });
    await act(row.id, 'request_correction', clerk, new Date('2025-11-07T10:00:00+08:00'), {
      reason: '缺少申请书原件',
    });
    await runSweeps(engine, w.t.db, new Date('2025-11-20T10:00:00+08:00'));
    expect((await state(row.id)).state).toBe('correcting');
  });
});

describe('required materials', () => {
  it('refuses to accept before the application is uploaded, naming the missing slot, and changes nothing', async () => {
    const row = await openAt(engine, w.t.db, {
      def: licenceFixture,
      applicant: citizen,
      at: new Date(),
      form: { subject: '测试' },
    });
    const now = new Date();
    await expect(act(row.id, 'accept', clerk, now)).rejects.toMatchObject({
      status: 422,
      code: 'materials_missing',
    });
    expect((await state(row.id)).state).toBe('received');
    const files = openFileStore(
      { store: 'local', dir: `/tmp/yiwang-test-files-${process.pid}`, maxUploadBytes: 1_048_576 },
      w.s.cipher,
      w.t.db,
    );
    await inTransaction(w.t.db, {}, (tx) =>
      storeFile(tx, files, {
        ownerUserId: citizen.userId,
        caseId: row.id,
        purpose: 'application',
        fileName: '申请书.pdf',
        declaredType: 'application/pdf',
        bytes: samples.pdf(),
      }),
    );
    await act(row.id, 'accept', clerk, now);
    expect((await state(row.id)).state).toBe('accepted');
  });
});

describe('review and decision by two different people (internal control)', () => {
  it('refuses the grant to whoever reviewed, and lets another approver grant', async () => {
    const reviewer = await principal(w.t.db, { username: 'reviewer' });
    const approver = await principal(w.t.db, { username: 'approver' });
    // The reviewer also holds the approver role in the same unit: the rule is about the person.
    await w.t.owner
      .insertInto('membership')
      .values({
        id: crypto.randomUUID(),
        user_id: reviewer.userId,
        org_unit_id: reviewer.memberships[0]?.orgUnitId as string,
        role_code: 'approver',
        reach: 'unit',
        granted_by: null,
        revoked_at: null,
      })
      .execute();
    const both = await principal(w.t.db, { username: 'reviewer' });
    const row = await openAt(engine, w.t.db, {
      def: licenceFixture,
      applicant: citizen,
      at: new Date('2025-11-03T10:00:00+08:00'),
      form: { subject: '测试' },
    });
    await runSweeps(engine, w.t.db, new Date('2025-11-11T09:00:00+08:00'));
    await act(row.id, 'review', both, new Date());
    await expect(act(row.id, 'grant', both, new Date())).rejects.toMatchObject({ status: 403 });
    await act(row.id, 'grant', approver, new Date());
    expect((await state(row.id)).state).toBe('granted');
  });
});

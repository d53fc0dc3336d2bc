import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEngine } from '../../src/cases/engine.ts';
import { runSweeps } from '../../src/cases/sweeps.ts';
import { disclosureProcess } from '../../src/modules/disclosure/process.ts';
import type { Principal } from '../../src/platform/access/principal.ts';
import { type DemoWorld, demoWorld, userIdOf } from '../harness/people.ts';
import { openAt, principal, testEngine } from './fixtures.ts';

let w: DemoWorld;
let engine: CaseEngine;
let citizen: Principal;

beforeAll(async () => {
  w = await demoWorld();
  engine = testEngine(w.s);
  citizen = await principal(w.t.db, { kind: 'citizen' });
  // The demo requests would be swept too; these tests count only their own cases.
  await w.t.owner.updateTable('case_clock').set({ status: 'stopped' }).execute();
});
afterAll(() => w.close());

const form = { description: '测试信息', medium: 'online' };
// Monday 2025-11-03 10:00: the reply's 20 working days end at 17:00 on Monday 2025-12-01.
const received = new Date('2025-11-03T10:00:00+08:00');

const timelineOf = (id: string) =>
  w.t.db
    .selectFrom('case_action')
    .select(['action', 'input'])
    .where('case_id', '=', id)
    .orderBy('seq')
    .execute();
const inboxOf = async (username: string, code: string) =>
  w.t.db
    .selectFrom('inbox_message')
    .select(['case_id', 'params'])
    .where('user_id', '=', await userIdOf(w.t.db, username))
    .where('code', '=', code)
    .execute();

describe('deadline sweeps', () => {
  it('warns the people who may act once a fifth of the time is left, once', async () => {
    const row = await openAt(engine, w.t.db, {
      def: disclosureProcess,
      applicant: citizen,
      at: received,
      form,
    });
    const clock = await w.t.db
      .selectFrom('case_clock')
      .select(['warn_at', 'due_at'])
      .where('case_id', '=', row.id)
      .where('code', '=', 'reply')
      .executeTakeFirstOrThrow();
    expect(clock.due_at?.toISOString()).toBe('2025-12-01T09:00:00.000Z');
    const inWindow = new Date((clock.warn_at as Date).getTime() + 60_000);
    expect((await runSweeps(engine, w.t.db, inWindow)).warned).toBeGreaterThanOrEqual(1);
    expect((await runSweeps(engine, w.t.db, inWindow)).warned).toBe(0);
    const actions = (await timelineOf(row.id)).map((t) => t.action);
    expect(actions.filter((a) => a === 'clock.warned').length).toBeGreaterThanOrEqual(1);
    expect((await inboxOf('clerk', 'case.due_soon')).some((m) => m.case_id === row.id)).toBe(true);
  });

  it('marks an overdue case, escalates it to the province supervisor with a task, a message and an audit event', async () => {
    const row = await openAt(engine, w.t.db, {
      def: disclosureProcess,
      applicant: citizen,
      at: received,
      form,
    });
    const after = new Date('2025-12-01T17:01:00+08:00');
    const counts = await runSweeps(engine, w.t.db, after);
    expect(counts.escalated).toBeGreaterThanOrEqual(1);
    const record = await w.t.db
      .selectFrom('case_record')
      .select('overdue')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(record.overdue).toBe(true);
    const tasks = await w.t.db.selectFrom('case_task').selectAll().where('case_id', '=', row.id).execute();
    expect(tasks.map((t) => `${t.role_code}:${t.clock_code}:${t.status}`).sort()).toEqual([
      'supervisor:correction_window:open',
      'supervisor:reply:open',
    ]);
    expect((await inboxOf('supervisor', 'case.escalated')).filter((m) => m.case_id === row.id)).toHaveLength(
      2,
    );
    const audited = await w.t.db
      .selectFrom('audit_event')
      .select('action')
      .where('target_type', '=', 'case_task')
      .where(
        'target_id',
        'in',
        tasks.map((t) => t.id),
      )
      .execute();
    expect(audited.map((a) => a.action)).toEqual(['case_task.insert', 'case_task.insert']);
    await runSweeps(engine, w.t.db, new Date('2025-12-05T10:00:00+08:00'));
    expect(
      await w.t.db.selectFrom('case_task').select('id').where('case_id', '=', row.id).execute(),
    ).toHaveLength(2);
  });

  it('never escalates a case twice when several processes sweep at once (SKIP LOCKED)', async () => {
    const rows = [];
    for (let i = 0; i < 12; i += 1)
      rows.push(
        await openAt(engine, w.t.db, { def: disclosureProcess, applicant: citizen, at: received, form }),
      );
    const after = new Date('2025-12-02T10:00:00+08:00');
    const results = await Promise.all([1, 2, 3, 4].map(() => runSweeps(engine, w.t.db, after, 3)));
    const tasks = await w.t.db
      .selectFrom('case_task')
      .select('case_id')
      .where(
        'case_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    expect(tasks).toHaveLength(24);
    expect(new Set(tasks.map((t) => t.case_id)).size).toBe(12);
    expect(results.reduce((n, r) => n + r.escalated, 0)).toBe(24);
  });

  it('shows supervisors their tasks and lets them close one with a note', async () => {
    const { as, signedIn } = await import('../harness/people.ts');
    const supervisor = await signedIn(w.s, 'supervisor');
    const list = await as(w.app, supervisor)({ method: 'GET', url: '/api/v1/tasks' });
    expect(list.statusCode).toBe(200);
    const open = list.json().items.filter((t: { status: string }) => t.status === 'open');
    expect(open.length).toBeGreaterThan(0);
    const done = await as(
      w.app,
      supervisor,
    )({
      method: 'POST',
      url: `/api/v1/tasks/${open[0].id}/done`,
      payload: { note: '已电话督促承办人当日答复' },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().status).toBe('done');
    const again = await as(
      w.app,
      supervisor,
    )({ method: 'POST', url: `/api/v1/tasks/${open[0].id}/done`, payload: { note: '重复提交' } });
    expect(again.statusCode).toBe(409);
    const clerk = await signedIn(w.s, 'clerk');
    const notTheirs = await as(
      w.app,
      clerk,
    )({ method: 'POST', url: `/api/v1/tasks/${open[1].id}/done`, payload: { note: '不是我的任务' } });
    expect(notTheirs.statusCode).toBe(404);
  });
});

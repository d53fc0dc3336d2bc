import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type Caller, type DemoWorld, demoWorld, sessionFor, signedIn } from '../harness/people.ts';
import { FOOD_LICENCE, licenceDriver, serviceId } from './licenceKit.ts';

let w: DemoWorld;
let drive: ReturnType<typeof licenceDriver>;
let citizen: Caller;
let business: Caller;
let staff: Record<'clerk' | 'reviewer' | 'approver' | 'supervisor' | 'deptadmin', Caller>;
let food: string;

beforeAll(async () => {
  w = await demoWorld();
  drive = licenceDriver(w.app);
  const id = async (kind: 'citizen' | 'business') =>
    (await w.t.db.selectFrom('app_user').select('id').where('kind', '=', kind).executeTakeFirstOrThrow()).id;
  citizen = await sessionFor(w.s, await id('citizen'));
  business = await sessionFor(w.s, await id('business'));
  staff = {
    clerk: await signedIn(w.s, 'clerk'),
    reviewer: await signedIn(w.s, 'reviewer'),
    approver: await signedIn(w.s, 'approver'),
    supervisor: await signedIn(w.s, 'supervisor'),
    deptadmin: await signedIn(w.s, 'deptadmin'),
  };
  food = await serviceId(w, FOOD_LICENCE);
});
afterAll(() => w.close());

/** A food licence from application to decision. */
async function decided(outcome: 'grant' | 'refuse'): Promise<string> {
  const id = (await drive.apply(citizen, food)).json().case.id;
  for (const slot of ['application_form', 'layout_and_equipment', 'safety_rules'])
    await drive.upload(citizen, id, slot);
  await drive.act(staff.clerk, id, 'accept');
  await drive.act(staff.reviewer, id, 'verify', { findings: '核查一' });
  await drive.act(staff.approver, id, 'verify', { findings: '核查二' });
  await drive.act(staff.reviewer, id, 'submit_review', { opinion: '审查意见' });
  const input = outcome === 'grant' ? {} : { reason: '经营场所与有毒有害场所距离不符合规定' };
  expect((await drive.act(staff.approver, id, outcome, input)).statusCode).toBe(200);
  return id;
}

const rate = (who: Caller, body: object) =>
  as(w.app, who)({ method: 'POST', url: '/api/v1/ratings', payload: body });

describe('好差评 (国办发〔2019〕51号)', () => {
  it('is given once per transaction, by its applicant, after the decision', async () => {
    const open = (await drive.apply(citizen, food)).json().case.id;
    expect((await rate(citizen, { caseId: open, level: 5 })).json().code).toBe('case_not_finished');
    const id = await decided('grant');
    expect((await rate(business, { caseId: id, level: 5 })).statusCode).toBe(403);
    const first = await rate(citizen, { caseId: id, level: 5 });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ level: 5, followUpTaskId: null });
    expect((await rate(citizen, { caseId: id, level: 4 })).json().code).toBe('already_rated');
  });

  it('needs a reason for a bad review, and opens a follow-up task for the department due in 5 working days', async () => {
    const id = await decided('refuse');
    const bare = await rate(citizen, { caseId: id, level: 1 });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors[0]).toMatchObject({ field: 'body.reason', code: 'required_for_bad_review' });
    expect(
      await w.t.db.selectFrom('service_rating').select('id').where('case_id', '=', id).execute(),
    ).toHaveLength(0);
    const res = await rate(citizen, { caseId: id, level: 2, reason: '不予许可的理由没有说清楚' });
    expect(res.statusCode).toBe(201);
    const task = await w.t.db
      .selectFrom('case_task')
      .selectAll()
      .where('id', '=', res.json().followUpTaskId)
      .executeTakeFirstOrThrow();
    expect(task).toMatchObject({ kind: 'bad_review', role_code: 'dept_admin', status: 'open' });
    expect(task.due_at).not.toBeNull();
    const tasks = await as(w.app, staff.deptadmin)({ method: 'GET', url: '/api/v1/tasks' });
    expect(tasks.json().items.map((t: { id: string }) => t.id)).toContain(task.id);
  });
});

describe('figures per department and for the province', () => {
  it('count what was received, accepted, decided and decided on time, with satisfaction', async () => {
    await decided('grant');
    const res = await as(w.app, staff.supervisor)({ method: 'GET', url: '/api/v1/approval/statistics' });
    expect(res.statusCode).toBe(200);
    const stats = res.json();
    const unit = stats.departments.find(
      (d: { unit: { name: { zh: string } } }) => d.unit.name.zh === '哈尔滨市市场监督管理局',
    );
    expect(unit.received).toBeGreaterThanOrEqual(unit.accepted);
    expect(unit.decided).toBeGreaterThanOrEqual(3);
    expect(unit.onTimeShare).toBe(unit.onTime / unit.decided);
    expect(unit.averageWorkingDays).toBeGreaterThanOrEqual(0);
    expect(unit.ratings).toBe(2);
    expect(unit.satisfaction).toBe(0.5);
    expect(stats.province.received).toBe(
      stats.departments.reduce((n: number, d: { received: number }) => n + d.received, 0),
    );
    expect(stats.months.length).toBeGreaterThan(0);
  });

  it('export as an Excel workbook, and show anyone each department’s on-time share', async () => {
    const xlsx = await as(
      w.app,
      staff.supervisor,
    )({ method: 'GET', url: '/api/v1/approval/statistics.xlsx' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pub = await w.app.inject({ method: 'GET', url: '/api/v1/approval/statistics/public' });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().departments[0]).toHaveProperty('onTimeShare');
    expect((await as(w.app, citizen)({ method: 'GET', url: '/api/v1/approval/statistics' })).statusCode).toBe(
      403,
    );
  });
});

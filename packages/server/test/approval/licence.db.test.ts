import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type Caller, type DemoWorld, demoWorld, sessionFor, signedIn } from '../harness/people.ts';
import { FOOD_LICENCE, foodForm, HEARING_SERVICE, licenceDriver, serviceId } from './licenceKit.ts';

let w: DemoWorld;
let drive: ReturnType<typeof licenceDriver>;
let citizen: Caller;
let clerk: Caller;
let reviewer: Caller;
let approver: Caller;
let head: Caller;
let food: string;

beforeAll(async () => {
  w = await demoWorld();
  drive = licenceDriver(w.app);
  const c = await w.t.db
    .selectFrom('app_user')
    .select('id')
    .where('kind', '=', 'citizen')
    .executeTakeFirstOrThrow();
  citizen = await sessionFor(w.s, c.id);
  clerk = await signedIn(w.s, 'clerk');
  reviewer = await signedIn(w.s, 'reviewer');
  approver = await signedIn(w.s, 'approver');
  head = await signedIn(w.s, 'head');
  food = await serviceId(w, FOOD_LICENCE);
  // A second inspector for the two-person verification: the approver's colleague.
  const second = await w.t.db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', 'approver')
    .executeTakeFirstOrThrow();
  void second;
});
afterAll(() => w.close());

const codes = (detail: { allowedActions: { code: string }[] }) => detail.allowedActions.map((a) => a.code);

async function accepted(): Promise<string> {
  const res = await drive.apply(citizen, food);
  expect(res.statusCode).toBe(201);
  const id = res.json().case.id;
  for (const slot of ['application_form', 'layout_and_equipment', 'safety_rules']) {
    expect((await drive.upload(citizen, id, slot)).statusCode).toBe(201);
  }
  expect((await drive.act(clerk, id, 'accept')).statusCode).toBe(200);
  return id;
}

describe('applying for a licence', () => {
  it('opens a case under the service’s own limit and basis, with the committed limit as a second clock', async () => {
    const res = await drive.apply(citizen, food);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.case.process.code).toBe('licence');
    expect(body.case.title).toBe('食品经营许可');
    expect(
      body.materials.filter((m: { required: boolean }) => m.required).map((m: { slot: string }) => m.slot),
    ).toEqual(['application_form', 'layout_and_equipment', 'safety_rules']);
    const window = body.clocks.find((c: { code: string }) => c.code === 'correction_window');
    expect(window).toMatchObject({ limit: 5, basis: '行政许可法第32条', status: 'running' });
  });

  it('refuses a form that breaks the service’s schema, naming each field, and opens nothing', async () => {
    const before = await w.t.db.selectFrom('case_record').select('id').execute();
    const res = await drive.apply(citizen, food, {
      ...foodForm,
      creditCode: 'nope',
      mainBusiness: '摆摊',
      items: [],
    });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(['body.form.creditCode', 'body.form.items', 'body.form.mainBusiness']);
    expect(await w.t.db.selectFrom('case_record').select('id').execute()).toHaveLength(before.length);
  });

  it('takes only the formats a material accepts', async () => {
    const id = (await drive.apply(citizen, food)).json().case.id;
    const { samples } = await import('../../src/platform/files/samples.ts');
    const { multipart } = await import('./licenceKit.ts');
    const png = await as(
      w.app,
      citizen,
    )({
      method: 'POST',
      url: `/api/v1/cases/${id}/attachments`,
      ...multipart('application_form', 'a.png', 'image/png', samples.png()),
    });
    expect(png.statusCode).toBe(415);
    expect(png.json().errors[0]).toMatchObject({ field: 'body.file', code: 'format_not_accepted' });
  });
});

describe('行政许可法第32条: acceptance at the window', () => {
  it('accepts only with every required material, naming those missing', async () => {
    const id = (await drive.apply(citizen, food)).json().case.id;
    await drive.upload(citizen, id, 'application_form');
    const res = await drive.act(clerk, id, 'accept');
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['materials.layout_and_equipment', 'materials.safety_rules']);
  });

  it('sends ONE correction notice listing every item; a second one is not possible', async () => {
    const id = (await drive.apply(citizen, food)).json().case.id;
    const notice = await drive.act(clerk, id, 'request_correction', {
      items: '1. 经营场所平面布局图未标明功能区；2. 缺少食品安全管理制度目录。',
    });
    expect(notice.statusCode).toBe(200);
    expect((await drive.act(citizen, id, 'submit_correction', { note: '已补齐' })).statusCode).toBe(200);
    const again = await drive.act(clerk, id, 'request_correction', { items: '再次补正' });
    expect(again.statusCode).toBe(409);
    expect(again.json().allowedActions).toEqual(['accept', 'reject_not_licensing', 'reject_not_competent']);
    const inbox = await w.t.db
      .selectFrom('inbox_message')
      .select('params')
      .where('case_id', '=', id)
      .where('code', '=', 'case.action')
      .execute();
    expect(inbox.length).toBeGreaterThanOrEqual(1);
  });

  it('refuses as outside this agency’s power only naming the agency that has it', async () => {
    const id = (await drive.apply(citizen, food)).json().case.id;
    const missing = await drive.act(clerk, id, 'reject_not_competent', {
      reason: '该事项由区级市场监管部门受理',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0]).toMatchObject({
      field: 'body.input.competent_agency',
      code: 'required',
    });
    const ok = await drive.act(clerk, id, 'reject_not_competent', {
      reason: '该事项由区级市场监管部门受理',
      competent_agency: '哈尔滨市道里区市场监督管理局',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().case.state).toMatchObject({ code: 'not_accepted', terminal: true });
  });
});

describe('review and decision', () => {
  it('行政许可法第34条: two different staff verify the substance before the review is submitted', async () => {
    const id = await accepted();
    expect(
      (await drive.act(reviewer, id, 'verify', { findings: '现场核查：布局与申报一致' })).statusCode,
    ).toBe(200);
    const early = await drive.act(reviewer, id, 'submit_review', { opinion: '符合条件' });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('more_actors_needed');
    expect((await drive.act(approver, id, 'verify', { findings: '第二名核查人员确认' })).statusCode).toBe(
      200,
    );
    expect((await drive.act(reviewer, id, 'submit_review', { opinion: '符合条件' })).statusCode).toBe(200);
  });

  it('行政许可法第42条: only the agency head extends, by the service’s own extension, and the applicant is told', async () => {
    const id = await accepted();
    const before = (await drive.read(clerk, id)).clocks.find((c: { code: string }) => c.code === 'decision');
    expect(before).toMatchObject({ limit: 10, extendedBy: 0 });
    expect((await drive.act(reviewer, id, 'extend', { reason: '需要补充现场核查' })).statusCode).toBe(403);
    const res = await drive.act(head, id, 'extend', { reason: '需要补充现场核查' });
    expect(res.statusCode).toBe(200);
    const after = res.json().clocks.find((c: { code: string }) => c.code === 'decision');
    expect(after.extendedBy).toBe(5);
    expect(after.dueDay > before.dueDay).toBe(true);
  });

  it('行政许可法第45条: testing or expert review stops the clock, and the applicant is told how long', async () => {
    const id = await accepted();
    const res = await drive.act(reviewer, id, 'suspend', {
      procedure: 'expert_review',
      expected_days: 10,
      reason: '组织专家对加工工艺进行评审',
    });
    expect(res.statusCode).toBe(200);
    const decision = res.json().clocks.find((c: { code: string }) => c.code === 'decision');
    expect(decision.status).toBe('paused');
    expect(res.json().case.dueAt).toBeNull();
    expect(
      (await drive.act(reviewer, id, 'resume'))
        .json()
        .clocks.find((c: { code: string }) => c.code === 'decision').status,
    ).toBe('running');
  });

  it('行政许可法第36、47条: the right to a hearing is offered only where the service touches others’ interests', async () => {
    const id = await accepted();
    expect(codes(await drive.read(reviewer, id))).not.toContain('notify_hearing_rights');
    const hearing = await serviceId(w, HEARING_SERVICE);
    const res = await as(w.app, citizen)({ method: 'GET', url: `/api/v1/services/${hearing}` });
    expect(res.statusCode).toBe(200);
  });

  it('internal control: the reviewer cannot also decide; the grant starts the 10 days to issue the licence (第44条)', async () => {
    const id = await accepted();
    await drive.act(reviewer, id, 'verify', { findings: '核查一' });
    await drive.act(approver, id, 'verify', { findings: '核查二' });
    await drive.act(reviewer, id, 'submit_review', { opinion: '建议准予许可' });
    const grant = await drive.act(approver, id, 'grant', { conditions: '经营项目：热食类食品制售' });
    expect(grant.statusCode).toBe(200);
    const issue = grant.json().clocks.find((c: { code: string }) => c.code === 'issue');
    expect(issue).toMatchObject({ status: 'running', limit: 10, basis: '行政许可法第44条' });
    const done = await drive.act(clerk, id, 'issue_licence', { licence_number: 'JY22301020000001' });
    expect(done.json().case.state.code).toBe('licensed');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type Caller, type DemoWorld, demoWorld, sessionFor, signedIn } from '../harness/people.ts';

let w: DemoWorld;
let citizen: Caller;
let clerk: Caller;
let head: Caller;
let unitId: string;

beforeAll(async () => {
  w = await demoWorld();
  const c = await w.t.db
    .selectFrom('app_user')
    .select('id')
    .where('kind', '=', 'citizen')
    .executeTakeFirstOrThrow();
  citizen = await sessionFor(w.s, c.id);
  clerk = await signedIn(w.s, 'clerk');
  head = await signedIn(w.s, 'head');
  unitId = (
    await w.t.db
      .selectFrom('org_unit')
      .select('id')
      .where('code', '=', '230100-SCJG')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => w.close());

const request = (overrides: object = {}) => ({
  process: 'disclosure_request',
  unitId,
  title: '申请公开2025年食品抽检结果',
  form: { description: '2025年度本市食品安全监督抽检结果', medium: 'online' },
  ...overrides,
});

async function open(key?: string) {
  return as(
    w.app,
    citizen,
  )({
    method: 'POST',
    url: '/api/v1/cases',
    payload: request(),
    headers: key ? { 'idempotency-key': key } : {},
  });
}

describe('a disclosure request through the case engine', () => {
  it('opens with a tracking number, a lookup code and the reply clock running', async () => {
    const res = await open();
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.case.trackingNumber).toMatch(/^230100-\d{8}-\d{6}$/);
    expect(body.lookupCode).toMatch(/^[0-9A-Z]{10}$/);
    expect(body.case.state.code).toBe('submitted');
    expect(body.clocks.map((c: { code: string; status: string }) => `${c.code}:${c.status}`).sort()).toEqual([
      'correction_window:running',
      'reply:running',
    ]);
    expect(body.allowedActions.map((a: { code: string }) => a.code)).toEqual(['withdraw']);
    const tracked = await w.app.inject({
      method: 'GET',
      url: `/api/v1/track?number=${body.case.trackingNumber}&code=${body.lookupCode.toLowerCase()}`,
    });
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json().state.code).toBe('submitted');
    const wrong = await w.app.inject({
      method: 'GET',
      url: `/api/v1/track?number=${body.case.trackingNumber}&code=0000000000`,
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().code).toBe('case_lookup_failed');
  });

  it('is in the clerk’s queue, and an action out of order is a 409 listing the allowed ones', async () => {
    const created = (await open()).json();
    const queue = await as(w.app, clerk)({ method: 'GET', url: '/api/v1/cases' });
    expect(queue.statusCode).toBe(200);
    const item = queue.json().items.find((i: { id: string }) => i.id === created.case.id);
    expect(item.allowedActions).toEqual(['register', 'request_correction']);
    const wrong = await as(
      w.app,
      clerk,
    )({
      method: 'POST',
      url: `/api/v1/cases/${created.case.id}/actions/reply`,
      payload: { expectedVersion: 1, input: { outcome: 'disclosed', explanation: '见附件' } },
    });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json()).toMatchObject({
      code: 'action_not_allowed',
      allowedActions: ['register', 'request_correction'],
    });
    const ok = await as(
      w.app,
      clerk,
    )({
      method: 'POST',
      url: `/api/v1/cases/${created.case.id}/actions/register`,
      payload: { expectedVersion: 1, input: {} },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().case.state.code).toBe('handling');
    const inbox = await as(w.app, citizen)({ method: 'GET', url: '/api/v1/inbox' });
    expect(inbox.statusCode).toBe(200);
    const told = inbox.json().items.find((m: { caseId: string }) => m.caseId === created.case.id);
    expect(told).toMatchObject({
      code: 'case.action',
      params: { action: 'register', actionLabel: { zh: '登记办理' } },
    });
    const stale = await as(
      w.app,
      clerk,
    )({
      method: 'POST',
      url: `/api/v1/cases/${created.case.id}/actions/reply`,
      payload: { expectedVersion: 1, input: { outcome: 'disclosed', explanation: '见附件' } },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    const extended = await as(
      w.app,
      head,
    )({
      method: 'POST',
      url: `/api/v1/cases/${created.case.id}/actions/extend`,
      payload: { expectedVersion: 2, input: { reason: '涉及多个科室，需要协调' } },
    });
    expect(extended.statusCode).toBe(200);
    const reply = extended.json().clocks.find((c: { code: string }) => c.code === 'reply');
    expect(reply.extendedBy).toBe(20);
    expect(reply.limit).toBe(20);
  });

  it('repeats a create with the same Idempotency-Key without a second case', async () => {
    const first = await open('same-key-0001');
    const again = await open('same-key-0001');
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().case.id).toBe(first.json().case.id);
    expect(again.json().lookupCode).toBe(first.json().lookupCode);
    const n = await w.t.db
      .selectFrom('case_record')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', '=', first.json().case.id)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samples } from '../../src/platform/files/samples.ts';
import { as, type Caller, type DemoWorld, demoWorld, sessionFor, signedIn } from '../harness/people.ts';

let w: DemoWorld;
let citizen: Caller;
let business: Caller;
let clerk: Caller;
let unitId: string;

beforeAll(async () => {
  w = await demoWorld();
  const id = async (kind: 'citizen' | 'business') =>
    (await w.t.db.selectFrom('app_user').select('id').where('kind', '=', kind).executeTakeFirstOrThrow()).id;
  citizen = await sessionFor(w.s, await id('citizen'));
  business = await sessionFor(w.s, await id('business'));
  clerk = await signedIn(w.s, 'clerk');
  unitId = (
    await w.t.db
      .selectFrom('org_unit')
      .select('id')
      .where('code', '=', '230100-SCJG')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => w.close());

const count = async (table: 'case_record' | 'stored_file') =>
  Number(
    (
      await w.t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function create(who: Caller, body: object) {
  return as(w.app, who)({ method: 'POST', url: '/api/v1/cases', payload: body });
}
const valid = () => ({
  process: 'disclosure_request',
  unitId,
  title: '申请公开测试信息',
  form: { description: '测试信息', medium: 'online' },
});

function multipart(slot: string, fileName: string, type: string, bytes: Buffer) {
  const boundary = '----yiwangtest';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="slot"\r\n\r\n${slot}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('bad input gets a clear error and changes nothing', () => {
  it('a form that breaks its fields: each field at fault, with a stable code', async () => {
    const before = await count('case_record');
    const res = await create(citizen, { ...valid(), form: { medium: 'fax', extra: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const errors = res
      .json()
      .errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)
      .sort();
    expect(errors).toEqual([
      'body.form.description:required',
      'body.form.extra:unknown_field',
      'body.form.medium:not_an_option',
    ]);
    expect(await count('case_record')).toBe(before);
  });

  it('an unknown process, a unit that is not a department, a missing title', async () => {
    const division = (
      await w.t.db.selectFrom('org_unit').select('id').where('code', '=', '230100').executeTakeFirstOrThrow()
    ).id;
    expect((await create(citizen, { ...valid(), process: 'no_such' })).json().errors[0]).toMatchObject({
      field: 'body.process',
      code: 'unknown_process',
    });
    expect((await create(citizen, { ...valid(), unitId: division })).json().errors[0]).toMatchObject({
      field: 'body.unitId',
    });
    const noTitle = await create(citizen, { ...valid(), title: '' });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().errors[0].field).toContain('title');
  });

  it('staff cannot file a request in an applicant’s name (403, audited)', async () => {
    const res = await create(clerk, valid());
    expect(res.statusCode).toBe(403);
    const denial = await w.t.db
      .selectFrom('audit_event')
      .select(['outcome'])
      .where('action', '=', 'access.denied')
      .where('target_id', '=', 'POST /api/v1/cases')
      .executeTakeFirst();
    expect(denial?.outcome).toBe('denied');
  });

  it('an applicant opening another applicant’s case is refused and the refusal audited', async () => {
    const mine = (await create(citizen, valid())).json();
    const res = await as(w.app, business)({ method: 'GET', url: `/api/v1/cases/${mine.case.id}` });
    expect(res.statusCode).toBe(403);
    const act = await as(
      w.app,
      business,
    )({
      method: 'POST',
      url: `/api/v1/cases/${mine.case.id}/actions/withdraw`,
      payload: { expectedVersion: 1, input: {} },
    });
    expect(act.statusCode).toBe(403);
    const state = await w.t.db
      .selectFrom('case_record')
      .select('state')
      .where('id', '=', mine.case.id)
      .executeTakeFirstOrThrow();
    expect(state.state).toBe('submitted');
    const denials = await w.t.db
      .selectFrom('audit_event')
      .select('target_id')
      .where('action', '=', 'access.denied')
      .where('target_id', 'like', '% /api/v1/cases/:id%')
      .execute();
    expect(denials.length).toBeGreaterThanOrEqual(2);
  });

  it('the same action twice: the second is a 409 and the timeline has one entry', async () => {
    const c = (await create(citizen, valid())).json();
    const register = () =>
      as(
        w.app,
        clerk,
      )({
        method: 'POST',
        url: `/api/v1/cases/${c.case.id}/actions/register`,
        payload: { expectedVersion: 1, input: {} },
      });
    expect((await register()).statusCode).toBe(200);
    const second = await register();
    expect(second.statusCode).toBe(409);
    expect(second.json().allowedActions).toEqual(['consult_third_party', 'reply']);
    const entries = await w.t.db
      .selectFrom('case_action')
      .select('action')
      .where('case_id', '=', c.case.id)
      .where('action', '=', 'register')
      .execute();
    expect(entries).toHaveLength(1);
  });

  it('an action input that breaks its fields names the field', async () => {
    const c = (await create(citizen, valid())).json();
    const res = await as(
      w.app,
      clerk,
    )({
      method: 'POST',
      url: `/api/v1/cases/${c.case.id}/actions/request_correction`,
      payload: { expectedVersion: 1, input: { reason: '' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'body.input.reason', code: 'required' });
  });
});

describe('many at once', () => {
  it('opens more cases at once than the pool has connections, each with its own number', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        as(
          w.app,
          citizen,
        )({
          method: 'POST',
          url: '/api/v1/cases',
          payload: valid(),
          headers: { 'idempotency-key': `burst-${i}-abcdefgh` },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(30).fill(201));
    expect(new Set(results.map((r) => r.json().case.trackingNumber)).size).toBe(30);
  });
});

describe('materials', () => {
  it('stores a sniffed, encrypted material and lists it on the case; the download is the same bytes', async () => {
    const c = (await create(citizen, valid())).json();
    const pdf = samples.pdf('身份证明');
    const up = await as(
      w.app,
      citizen,
    )({
      method: 'POST',
      url: `/api/v1/cases/${c.case.id}/attachments`,
      ...multipart('id_proof', 'id.pdf', 'application/pdf', pdf),
    });
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({
      slot: 'id_proof',
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
    });
    const detail = await as(w.app, clerk)({ method: 'GET', url: `/api/v1/cases/${c.case.id}` });
    expect(detail.json().attachments.map((a: { id: string }) => a.id)).toEqual([up.json().id]);
    const down = await as(
      w.app,
      clerk,
    )({ method: 'GET', url: `/api/v1/cases/${c.case.id}/attachments/${up.json().id}` });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(pdf)).toBe(true);
  });

  it('refuses a file whose content is not the declared type, and an unknown slot, storing nothing', async () => {
    const c = (await create(citizen, valid())).json();
    const before = await count('stored_file');
    const lie = await as(
      w.app,
      citizen,
    )({
      method: 'POST',
      url: `/api/v1/cases/${c.case.id}/attachments`,
      ...multipart('id_proof', 'id.pdf', 'application/pdf', samples.png()),
    });
    expect(lie.statusCode).toBe(422);
    expect(lie.json().code).toBe('file_type_mismatch');
    const slot = await as(
      w.app,
      citizen,
    )({
      method: 'POST',
      url: `/api/v1/cases/${c.case.id}/attachments`,
      ...multipart('nonsense', 'id.pdf', 'application/pdf', samples.pdf()),
    });
    expect(slot.statusCode).toBe(400);
    expect(slot.json().errors[0]).toMatchObject({ field: 'body.slot', code: 'unknown_slot' });
    expect(await count('stored_file')).toBe(before);
  });
});

describe('the queue', () => {
  it('lists what the clerk may act on, earliest due first, and filters overdue work', async () => {
    const res = await as(w.app, clerk)({ method: 'GET', url: '/api/v1/cases?limit=200' });
    expect(res.statusCode).toBe(200);
    const due = res
      .json()
      .items.map((i: { dueAt: string | null }) => i.dueAt)
      .filter(Boolean);
    expect(due).toEqual([...due].sort());
    expect(res.json().items.every((i: { allowedActions: string[] }) => i.allowedActions.length > 0)).toBe(
      true,
    );
    const overdue = await as(w.app, clerk)({ method: 'GET', url: '/api/v1/cases?overdue=true' });
    expect(overdue.json().items.length).toBeGreaterThan(0);
    expect(overdue.json().items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    const mine = await as(w.app, citizen)({ method: 'GET', url: '/api/v1/cases' });
    expect(mine.json().total).toBeGreaterThan(0);
  });
});

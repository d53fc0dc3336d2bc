import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/identity/seed.ts';
import type { CaServices } from '../../src/platform/ca/index.ts';
import { confirmSealUse } from '../../src/platform/ca/sealing/authorization.ts';
import { SealRefusedError } from '../../src/platform/ca/sealing/provider.ts';
import { inTransaction } from '../../src/platform/db/transaction.ts';
import { poppler, popplerAvailable } from '../documents/poppler.ts';
import { as, type Caller, type DemoWorld, demoWorld, sessionFor, signedIn } from '../harness/people.ts';
import { initTestCa, issueSeal, pendingSealRequest, testCa, unitId } from './caKit.ts';
import { passwordOnlyKeeper } from './keeper.ts';

/**
 * 电子签名法第13条: a reliable signature is under the signer's sole control. Here: the seal of a
 * unit is used only by that unit's seal keeper, only after a fresh confirmation, and only for that
 * unit's documents; every use and every refusal is audited.
 */

const hasPoppler = popplerAvailable();
let w: DemoWorld;
let ca: CaServices;
let unit: string;
let otherUnit: string;
let keeper: Caller;
let otherKeeper: Caller;
let demoKeeper: Caller;
let clerk: Caller;

const affix = (caller: Caller, id: string, body: object) =>
  as(w.app, caller)({ method: 'POST', url: `/api/v1/seal-requests/${id}/affix`, payload: body });
const statusOf = async (id: string) =>
  (await w.t.db.selectFrom('seal_request').select('status').where('id', '=', id).executeTakeFirstOrThrow())
    .status;
const auditCount = async (action: string, outcome: 'success' | 'failure' | 'denied', targetId: string) =>
  (
    await w.t.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', action)
      .where('outcome', '=', outcome)
      .where('target_id', '=', targetId)
      .executeTakeFirstOrThrow()
  ).n;

beforeAll(async () => {
  w = await demoWorld();
  ca = testCa(w.s);
  await initTestCa(ca);
  unit = await unitId(w.t.db, '230100-SCJG');
  otherUnit = await unitId(w.t.db, '230102-SCJG');
  await issueSeal(ca, unit);
  await issueSeal(ca, otherUnit);
  keeper = await sessionFor(w.s, await passwordOnlyKeeper(w.t.db, unit, 'keeper_a'));
  otherKeeper = await sessionFor(w.s, await passwordOnlyKeeper(w.t.db, otherUnit, 'keeper_b'));
  demoKeeper = await signedIn(w.s, 'sealkeeper');
  clerk = await signedIn(w.s, 'clerk');
});
afterAll(() => w.close());

describe('the seal queue', () => {
  it('shows a unit its own waiting documents, oldest first, and no one else’s', async () => {
    const first = await pendingSealRequest(ca, unit, keeper.userId);
    const second = await pendingSealRequest(ca, unit, keeper.userId);
    const mine = await as(w.app, keeper)({ method: 'GET', url: '/api/v1/seal-requests' });
    expect(mine.statusCode).toBe(200);
    const ids = mine.json().items.map((i: { id: string }) => i.id);
    expect(ids.indexOf(first)).toBeLessThan(ids.indexOf(second));
    expect(mine.json().items[0]).toMatchObject({ unitName: '哈尔滨市市场监督管理局', status: 'pending' });
    const theirs = await as(w.app, otherKeeper)({ method: 'GET', url: '/api/v1/seal-requests' });
    expect(theirs.json().items.map((i: { id: string }) => i.id)).not.toContain(first);
    const clerks = await as(w.app, clerk)({ method: 'GET', url: '/api/v1/seal-requests' });
    expect(clerks.json().items).toEqual([]);
  });

  it('lets only the unit’s keeper preview the draft', async () => {
    const id = await pendingSealRequest(ca, unit, keeper.userId);
    const own = await as(w.app, keeper)({ method: 'GET', url: `/api/v1/seal-requests/${id}/document` });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(
      (await as(w.app, otherKeeper)({ method: 'GET', url: `/api/v1/seal-requests/${id}/document` }))
        .statusCode,
    ).toBe(403);
  });
});

describe('affixing a seal', () => {
  it('refuses a wrong password, changes nothing and audits the attempt', async () => {
    const id = await pendingSealRequest(ca, unit, keeper.userId);
    const before = await w.t.db
      .selectFrom('seal_request as r')
      .innerJoin('stored_file as f', 'f.id', 'r.file_id')
      .select('f.sha256')
      .where('r.id', '=', id)
      .executeTakeFirstOrThrow();
    const res = await affix(keeper, id, { password: 'wrong-password-1' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors[0]).toMatchObject({ field: 'body.password', code: 'wrong_password' });
    expect(await statusOf(id)).toBe('pending');
    const after = await w.t.db
      .selectFrom('seal_request as r')
      .innerJoin('stored_file as f', 'f.id', 'r.file_id')
      .select('f.sha256')
      .where('r.id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after.sha256).toEqual(before.sha256);
    expect(await auditCount('seal.authorize', 'failure', id)).toBe(1);
  });

  it('asks the keeper with a second factor for the code as well', async () => {
    const id = await pendingSealRequest(ca, unit, keeper.userId);
    const res = await affix(demoKeeper, id, { password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'body.code', code: 'code_required' });
    const wrong = await affix(demoKeeper, id, { password: DEMO_PASSWORD, code: '000000' });
    expect(wrong.json().errors[0]).toMatchObject({ field: 'body.code', code: 'wrong_code' });
    expect(await statusOf(id)).toBe('pending');
  });

  it('refuses the keeper of another unit and anyone without the seal role', async () => {
    const id = await pendingSealRequest(ca, unit, keeper.userId);
    const other = await affix(otherKeeper, id, { password: DEMO_PASSWORD });
    expect(other.statusCode).toBe(403);
    expect((await affix(clerk, id, { password: DEMO_PASSWORD })).statusCode).toBe(403);
    expect(await statusOf(id)).toBe('pending');
  });

  it('seals with the unit’s certificate, time-stamps it and registers the code', async () => {
    const id = await pendingSealRequest(ca, unit, keeper.userId);
    const res = await affix(keeper, id, { password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    const { verificationCode, sealedDocumentId } = res.json();
    expect(verificationCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(await statusOf(id)).toBe('sealed');
    expect(await auditCount('seal.affix', 'success', sealedDocumentId)).toBe(1);
    const pdf = await as(w.app, keeper)({ method: 'GET', url: `/api/v1/seal-requests/${id}/document` });
    if (hasPoppler) {
      const text = poppler('pdftotext', pdf.rawPayload).replace(/\s+/g, '');
      expect(text).toContain(verificationCode);
      expect(text).not.toContain('本文书尚未加盖电子印章');
    }
    const verified = await w.app.inject({
      method: 'GET',
      url: `/api/v1/verify/${verificationCode.toLowerCase()}`,
    });
    expect(verified.json()).toMatchObject({
      verdict: 'valid',
      signingUnit: '哈尔滨市市场监督管理局',
      algorithm: 'SM2-SM3',
      contentIntact: true,
      certificate: { statusAtSigning: 'good', statusNow: 'good' },
      document: { verificationCode, title: '受理通知书' },
    });
    expect(Date.now() - Date.parse(verified.json().signedAt)).toBeLessThan(60_000);
    const again = await affix(keeper, id, { password: DEMO_PASSWORD });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_sealed');
  });

  it('refuses a unit that has no seal certificate, and seals nothing', async () => {
    const bare = await unitId(w.t.db, '230103-SCJG');
    const bareKeeper = await sessionFor(w.s, await passwordOnlyKeeper(w.t.db, bare, 'keeper_c'));
    const id = await pendingSealRequest(ca, bare, bareKeeper.userId);
    const res = await affix(bareKeeper, id, { password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('no_seal_certificate');
    expect(await statusOf(id)).toBe('pending');
  });
});

describe('the seal provider', () => {
  const confirm = (userId: string, id: string, orgUnitId: string) =>
    inTransaction(w.t.db, {}, (tx) =>
      confirmSealUse(tx, w.s, userId, { id, orgUnitId }, { password: DEMO_PASSWORD }),
    );

  it('does not let an authorization for unit A sign with unit B’s seal', async () => {
    const id = await pendingSealRequest(ca, unit, keeper.userId);
    const confirmed = await confirm(keeper.userId, id, unit);
    if (!confirmed.ok) throw new Error('confirmation failed');
    const input = {
      orgUnitId: otherUnit,
      keeperUserId: keeper.userId,
      requestId: id,
      authorization: confirmed.authorization,
      pdf: Buffer.from('%PDF-1.7'),
    };
    await expect(ca.provider.sealPdf(input)).rejects.toMatchObject({ code: 'authorization_not_fresh' });
  });

  it('does not accept a stale authorization or another person’s', async () => {
    const id = await pendingSealRequest(ca, unit, keeper.userId);
    const confirmed = await confirm(keeper.userId, id, unit);
    if (!confirmed.ok) throw new Error('confirmation failed');
    const stale = { ...confirmed.authorization, at: new Date(Date.now() - 5 * 60_000) };
    const base = { orgUnitId: unit, requestId: id, pdf: Buffer.from('%PDF-1.7') };
    await expect(
      ca.provider.sealPdf({ ...base, keeperUserId: keeper.userId, authorization: stale }),
    ).rejects.toBeInstanceOf(SealRefusedError);
    await expect(
      ca.provider.sealPdf({
        ...base,
        keeperUserId: otherKeeper.userId,
        authorization: confirmed.authorization,
      }),
    ).rejects.toMatchObject({ code: 'authorization_not_fresh' });
  });
});

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/identity/seed.ts';
import { readTotpSecret } from '../../src/platform/auth/secondFactor.ts';
import { currentTotp } from '../../src/platform/auth/totp.ts';
import type { PlatformServices } from '../../src/platform/services.ts';
import { cookieFrom, type DemoWorld, demoWorld } from '../harness/people.ts';
import type { TestDatabase } from '../harness/testDb.ts';

let t: TestDatabase;
let s: PlatformServices;
let app: FastifyInstance;

let world: DemoWorld;

beforeAll(async () => {
  world = await demoWorld();
  ({ t, s, app } = world);
});
afterAll(() => world.close());

const login = (identifier: string, password: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { identifier, password }, headers });

async function totpOf(username: string): Promise<string> {
  const row = await t.db
    .selectFrom('app_user')
    .select('totp_secret_enc')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return currentTotp(readTotpSecret(s, row.totp_secret_enc as Buffer));
}

async function auditActions(userId: string) {
  const rows = await t.owner
    .selectFrom('audit_event')
    .select(['action', 'outcome'])
    .where('target_id', '=', userId)
    .execute();
  return rows.map((r) => `${r.action}:${r.outcome}`);
}

describe('staff sign-in (GB/T 22239 level 3: two factors, one cryptographic)', () => {
  it('takes a password, then a TOTP code, rotating the session id at the second step', async () => {
    const first = await login('approver', DEMO_PASSWORD);
    expect(first.statusCode).toBe(200);
    expect(first.json().stage).toBe('second_factor');
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const step1 = cookieFrom(first.headers['set-cookie']);
    const cookie = `yiwang_session=${step1}`;
    const notYet = await app.inject({ url: '/api/v1/admin/users', headers: { cookie } });
    expect(notYet.statusCode).toBe(401);
    const second = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/second-factor',
      headers: { cookie, 'x-csrf-token': first.json().csrfToken },
      payload: { code: await totpOf('approver') },
    });
    expect(second.statusCode).toBe(200);
    expect(second.json().stage).toBe('complete');
    const step2 = cookieFrom(second.headers['set-cookie']);
    expect(step2).not.toBe(step1);
    const stale = await app.inject({ url: '/api/v1/me', headers: { cookie } });
    expect(stale.statusCode).toBe(401);
    const me = await app.inject({ url: '/api/v1/me', headers: { cookie: `yiwang_session=${step2}` } });
    expect(me.json()).toMatchObject({
      kind: 'staff',
      stage: 'complete',
      memberships: [{ roleCode: 'approver' }],
    });
  });

  it('refuses the same TOTP code twice (no replay)', async () => {
    const code = await totpOf('reviewer');
    const pass = async () => {
      const r = await login('reviewer', DEMO_PASSWORD);
      return app.inject({
        method: 'POST',
        url: '/api/v1/auth/second-factor',
        headers: {
          cookie: `yiwang_session=${cookieFrom(r.headers['set-cookie'])}`,
          'x-csrf-token': r.json().csrfToken,
        },
        payload: { code },
      });
    };
    expect((await pass()).statusCode).toBe(200);
    const replay = await pass();
    expect(replay.statusCode).toBe(400);
    expect(replay.json().errors[0]).toMatchObject({ field: 'body.code', code: 'wrong_code' });
  });

  it('answers an unknown user exactly as a wrong password', async () => {
    const unknown = await login('nobody-here', 'Whatever1!');
    const wrong = await login('clerk', 'Whatever1!');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(unknown.json())).toEqual(strip(wrong.json()));
    expect(unknown.json().code).toBe('invalid_credentials');
  });

  it('locks the account after 5 failures, even against the right password, and audits each', async () => {
    const userId = (
      await t.db.selectFrom('app_user').select('id').where('username', '=', 'head').executeTakeFirstOrThrow()
    ).id;
    for (let i = 0; i < 5; i++) expect((await login('head', `Wrong-${i}-pass`)).statusCode).toBe(401);
    const locked = await login('head', DEMO_PASSWORD);
    expect(locked.statusCode).toBe(401);
    expect(locked.json().code).toBe('invalid_credentials');
    const user = await t.db
      .selectFrom('app_user')
      .select('locked_until')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(user.locked_until?.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    const actions = await auditActions(userId);
    expect(actions.filter((a) => a === 'auth.login:failure')).toHaveLength(6);
    await t.owner
      .updateTable('app_user')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('id', '=', userId)
      .execute();
    expect((await login('head', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a state-changing request whose CSRF token is missing, and audits the refusal', async () => {
    const r = await login('publisher', DEMO_PASSWORD);
    const cookie = `yiwang_session=${cookieFrom(r.headers['set-cookie'])}`;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/second-factor',
      headers: { cookie },
      payload: { code: '123456' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
    const denied = await t.owner
      .selectFrom('audit_event')
      .select('target_id')
      .where('action', '=', 'access.denied')
      .execute();
    expect(denied.map((d) => d.target_id)).toContain('POST /api/v1/auth/second-factor');
  });

  it('ignores a session id planted before sign-in (no fixation)', async () => {
    const planted = 'attacker-chosen-session-id-0123456789abcdef';
    const r = await login('statistician', DEMO_PASSWORD, { cookie: `yiwang_session=${planted}` });
    expect(cookieFrom(r.headers['set-cookie'])).not.toBe(planted);
  });

  it('ends a session idle past its limit', async () => {
    const r = await login('steward', DEMO_PASSWORD);
    const id = cookieFrom(r.headers['set-cookie']);
    await t.owner
      .updateTable('user_session')
      .set({ expires_at: new Date(Date.now() - 1) })
      .where('ended_at', 'is', null)
      .execute();
    const res = await app.inject({ url: '/api/v1/me', headers: { cookie: `yiwang_session=${id}` } });
    expect(res.statusCode).toBe(401);
  });

  it('lets a recovery code stand in for the app, once', async () => {
    // A new staff member enrols: the codes are shown once, at confirmation.
    const admin = await login('secadmin', DEMO_PASSWORD);
    const adminCookie = `yiwang_session=${cookieFrom(admin.headers['set-cookie'])}`;
    const second = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/second-factor',
      headers: { cookie: adminCookie, 'x-csrf-token': admin.json().csrfToken },
      payload: { code: await totpOf('secadmin') },
    });
    const h = {
      cookie: `yiwang_session=${cookieFrom(second.headers['set-cookie'])}`,
      'x-csrf-token': second.json().csrfToken,
    };
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/users',
      headers: h,
      payload: { username: 'newbie', displayName: '新同事' },
    });
    expect(created.statusCode).toBe(201);
    const { initialPassword } = created.json();

    const first = await login('newbie', initialPassword);
    expect(first.json().stage).toBe('enrol_second_factor');
    let hh = {
      cookie: `yiwang_session=${cookieFrom(first.headers['set-cookie'])}`,
      'x-csrf-token': first.json().csrfToken,
    };
    const enrol = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/second-factor/enrolment',
      headers: hh,
    });
    expect(enrol.json().uri).toMatch(/^otpauth:\/\/totp\//);
    expect(enrol.json().qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const confirm = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/second-factor/enrolment/confirm',
      headers: hh,
      payload: { code: await currentTotp(enrol.json().secret) },
    });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json().stage).toBe('password_change');
    const codes: string[] = confirm.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    hh = {
      cookie: `yiwang_session=${cookieFrom(confirm.headers['set-cookie'])}`,
      'x-csrf-token': confirm.json().csrfToken,
    };
    const weak = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: hh,
      payload: { currentPassword: initialPassword, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors.map((e: { code: string }) => e.code)).toEqual([
      'password.too_short',
      'password.too_few_classes',
    ]);
    const changed = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: hh,
      payload: { currentPassword: initialPassword, newPassword: 'New-pass-2026' },
    });
    expect(changed.json().stage).toBe('complete');

    const again = await login('newbie', 'New-pass-2026');
    const useCode = (cookieHeader: string, csrf: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/second-factor',
        headers: { cookie: cookieHeader, 'x-csrf-token': csrf },
        payload: { code: codes[0] },
      });
    expect(
      (await useCode(`yiwang_session=${cookieFrom(again.headers['set-cookie'])}`, again.json().csrfToken))
        .statusCode,
    ).toBe(200);
    const third = await login('newbie', 'New-pass-2026');
    expect(
      (await useCode(`yiwang_session=${cookieFrom(third.headers['set-cookie'])}`, third.json().csrfToken))
        .statusCode,
    ).toBe(400);
  });
});

import { execFileSync } from 'node:child_process';
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/identity/seed.ts';
import type { CaServices } from '../../src/platform/ca/index.ts';
import { as, type Caller, type DemoWorld, demoWorld, sessionFor, signedIn } from '../harness/people.ts';
import { createTestApp } from '../harness/testApp.ts';
import { initTestCa, issueSeal, pendingSealRequest, testCa, unitId } from './caKit.ts';
import { passwordOnlyKeeper } from './keeper.ts';

/**
 * Private keys are never exportable (电子签名法第13条第1款第1项: under the signer's sole control):
 * after every CA operation the API offers, no response and no log line holds any private key of
 * the CA, in hex, base64 or raw bytes, nor a PEM private key block.
 */

let w: DemoWorld;
let app: FastifyInstance;
let ca: CaServices;
const logLines: string[] = [];
const bodies: Buffer[] = [];

const call = async (caller: Caller | undefined, options: InjectOptions): Promise<LightMyRequestResponse> => {
  const res = await as(app, caller)(options);
  bodies.push(res.rawPayload, Buffer.from(JSON.stringify(res.headers)));
  return res;
};

beforeAll(async () => {
  w = await demoWorld();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  app = await createTestApp(w.t.db, { services: w.s, logger: pino({ level: 'trace' }, sink) });
  ca = testCa(w.s);
  await initTestCa(ca);
});
afterAll(async () => {
  await app.close();
  await w.close();
});

describe('private keys', () => {
  it('appear in no response and no log line, whatever the CA was asked', async () => {
    const secadmin = await signedIn(w.s, 'secadmin');
    const unit = await unitId(w.t.db, '230100-SCJG');
    const seal = await issueSeal(ca, unit);
    const keeper = await sessionFor(w.s, await passwordOnlyKeeper(w.t.db, unit, 'keeper_leak'));
    const request = await pendingSealRequest(ca, unit, keeper.userId);
    const issued = await call(secadmin, {
      method: 'POST',
      url: '/api/v1/ca/admin/certificates',
      payload: { profile: 'seal', orgUnitId: unit, algorithm: 'ECDSA-P256-SHA256' },
    });
    expect(issued.statusCode).toBe(201);
    await call(secadmin, { method: 'POST', url: `/api/v1/ca/admin/certificates/${issued.json().id}/renew` });
    await call(secadmin, {
      method: 'POST',
      url: `/api/v1/ca/admin/certificates/${issued.json().id}/revoke`,
      payload: { reason: 'superseded' },
    });
    const overview = await call(secadmin, { method: 'GET', url: '/api/v1/ca/admin/overview' });
    const list = await call(secadmin, { method: 'GET', url: '/api/v1/ca/admin/certificates?limit=200' });
    for (const c of list.json().items as { serial: string }[]) {
      await call(undefined, { method: 'GET', url: `/api/v1/ca/certificates/${c.serial}.pem` });
      await call(undefined, { method: 'GET', url: `/api/v1/ca/status/${c.serial}` });
    }
    for (const h of overview.json().hierarchies as {
      issuing: { serial: string };
      root: { serial: string };
    }[]) {
      await call(undefined, { method: 'GET', url: `/api/v1/ca/crl/${h.issuing.serial}.crl` });
      await call(undefined, { method: 'GET', url: `/api/v1/ca/crl/${h.root.serial}.crl` });
    }
    const tsq = execFileSync('openssl', ['ts', '-query', '-digest', 'a'.repeat(64), '-sha256', '-cert'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    await call(undefined, {
      method: 'POST',
      url: '/api/v1/ca/tsa',
      headers: { 'content-type': 'application/timestamp-query' },
      payload: tsq,
    });
    const sealed = await call(keeper, {
      method: 'POST',
      url: `/api/v1/seal-requests/${request}/affix`,
      payload: { password: DEMO_PASSWORD },
    });
    expect(sealed.statusCode).toBe(200);
    await call(keeper, { method: 'GET', url: `/api/v1/seal-requests/${request}/document` });
    await call(undefined, { method: 'GET', url: `/api/v1/verify/${sealed.json().verificationCode}` });
    await call(keeper, {
      method: 'POST',
      url: `/api/v1/seal-requests/${request}/affix`,
      payload: { password: 'wrong' },
    });
    expect(seal.serial_hex).toMatch(/^[0-9a-f]+$/);

    const keys = await w.t.db
      .selectFrom('ca_key')
      .select(['id', 'sealed_private'])
      .where('store', '=', 'software')
      .execute();
    expect(keys.length).toBeGreaterThanOrEqual(8);
    const haystack = Buffer.concat([...bodies, Buffer.from(logLines.join('\n'))]);
    const text = haystack.toString('latin1');
    expect(logLines.length).toBeGreaterThan(10);
    expect(text).not.toContain('PRIVATE KEY');
    for (const key of keys) {
      const secret = w.s.cipher.decryptBytes(key.sealed_private as Buffer, `ca_key:${key.id}`);
      // The scalar itself: the last 32 bytes of an SM2 key, inside the PKCS#8 of an ECDSA one.
      const scalar =
        secret.length === 32
          ? secret
          : secret.subarray(secret.indexOf(Buffer.from('0420', 'hex')) + 2).subarray(0, 32);
      expect(scalar.length).toBe(32);
      for (const form of [
        scalar.toString('hex'),
        scalar.toString('hex').toUpperCase(),
        scalar.toString('base64'),
        scalar.toString('base64url'),
      ]) {
        expect(text.includes(form), `key ${key.id} leaked as ${form.slice(0, 6)}…`).toBe(false);
      }
      expect(haystack.includes(scalar)).toBe(false);
      expect(haystack.includes(key.sealed_private as Buffer)).toBe(false);
    }
  });
});

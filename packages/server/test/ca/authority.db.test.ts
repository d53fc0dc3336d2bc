import { execFile, execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hierarchy } from '../../src/platform/ca/authority.ts';
import type { CaServices } from '../../src/platform/ca/index.ts';
import { CaAlreadyInitialisedError, initCa, refreshCrls } from '../../src/platform/ca/index.ts';
import { toPem } from '../../src/platform/ca/pki/x509/index.ts';
import { as, type Caller, type DemoWorld, demoWorld, signedIn } from '../harness/people.ts';
import { initTestCa, issueSeal, TEST_CA_NAME, testCa, unitId } from './caKit.ts';

/**
 * The CA as relying parties see it, checked with the machine's own OpenSSL: chains, CRLs, OCSP
 * and RFC 3161 time-stamps; and the register of certificates, which keeps every record.
 */

let w: DemoWorld;
let ca: CaServices;
let hierarchies: Hierarchy[];
let secadmin: Caller;
let unit: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yiwang-ca-'));
const file = (name: string, bytes: Buffer | string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
};
const execFileAsync = promisify(execFile);
const openssl = (args: string[]) => spawnSync('openssl', args, { encoding: 'utf8' });

beforeAll(async () => {
  w = await demoWorld();
  ca = testCa(w.s);
  hierarchies = await initTestCa(ca);
  secadmin = await signedIn(w.s, 'secadmin');
  unit = await unitId(w.t.db, '230100-SCJG');
});
afterAll(() => w.close());

const suite = (algorithm: string) => hierarchies.find((h) => h.algorithm === algorithm) as Hierarchy;
const chainFiles = (h: Hierarchy) => ({
  root: file(`root-${h.algorithm}.pem`, toPem(h.root.der)),
  issuing: file(`issuing-${h.algorithm}.pem`, toPem(h.issuing.der)),
});
// OpenSSL 3.0 verifies SM2 certificate signatures with the default ID only when told to.
const distid = (algorithm: string) => (algorithm === 'SM2-SM3' ? ['-vfyopt', 'distid:1234567812345678'] : []);

describe('yiwang ca init', () => {
  it('makes a root, an issuing CA and a TSA for SM2 and ECDSA, once', async () => {
    expect(hierarchies.map((h) => h.algorithm)).toEqual(['SM2-SM3', 'ECDSA-P256-SHA256']);
    for (const h of hierarchies) {
      expect(h.root.subject_text).toContain(TEST_CA_NAME);
      expect(h.issuing.issuer_id).toBe(h.root.id);
      expect(h.tsa.issuer_id).toBe(h.issuing.id);
    }
    await expect(initCa(ca.db, ca.keys, { caName: TEST_CA_NAME, urls: ca.urls })).rejects.toBeInstanceOf(
      CaAlreadyInitialisedError,
    );
  });

  it('issues seal certificates that the machine’s openssl chains to the root', async () => {
    for (const algorithm of ['SM2-SM3', 'ECDSA-P256-SHA256'] as const) {
      const seal = await issueSeal(ca, unit, algorithm);
      const { root, issuing } = chainFiles(suite(algorithm));
      const leaf = file(`seal-${algorithm}.pem`, toPem(seal.der));
      if (algorithm === 'SM2-SM3') {
        // OpenSSL 3.0 applies the SM2 ID to the certificate it verifies only, so one link at a time.
        const upper = openssl(['verify', ...distid(algorithm), '-CAfile', root, issuing]);
        expect(`${upper.stdout}${upper.stderr}`).toContain(': OK');
        const lower = openssl(['verify', ...distid(algorithm), '-partial_chain', '-CAfile', issuing, leaf]);
        expect(`${lower.stdout}${lower.stderr}`).toContain(': OK');
      } else {
        const res = openssl(['verify', '-CAfile', root, '-untrusted', issuing, leaf]);
        expect(`${res.stdout}${res.stderr}`).toContain(': OK');
      }
      const text = execFileSync('openssl', ['x509', '-in', leaf, '-noout', '-text'], { encoding: 'utf8' });
      expect(text).toContain('Digital Signature');
      expect(text).toContain(`/api/v1/ca/crl/${suite(algorithm).issuing.serial_hex}.crl`);
    }
  });
});

describe('revocation', () => {
  it('puts a revoked certificate on the next CRL, which openssl verifies and honours', async () => {
    const h = suite('ECDSA-P256-SHA256');
    const seal = await issueSeal(ca, unit, 'ECDSA-P256-SHA256');
    const revoked = await as(
      w.app,
      secadmin,
    )({
      method: 'POST',
      url: `/api/v1/ca/admin/certificates/${seal.id}/revoke`,
      payload: { reason: 'keyCompromise' },
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked', revocationReason: 'keyCompromise' });
    const crl = await w.app.inject({ method: 'GET', url: `/api/v1/ca/crl/${h.issuing.serial_hex}.crl` });
    expect(crl.headers['content-type']).toBe('application/pkix-crl');
    const { root, issuing } = chainFiles(h);
    const crlFile = file('issuing.crl', crl.rawPayload);
    const check = openssl(['crl', '-in', crlFile, '-inform', 'DER', '-CAfile', issuing, '-noout', '-text']);
    expect(`${check.stdout}${check.stderr}`).toContain('verify OK');
    expect(check.stdout.toUpperCase()).toContain(seal.serial_hex.toUpperCase());
    expect(check.stdout).toContain('Key Compromise');
    const crlPem = file(
      'issuing-crl.pem',
      execFileSync('openssl', ['crl', '-in', crlFile, '-inform', 'DER']),
    );
    const leaf = file('revoked.pem', toPem(seal.der));
    const verdict = openssl([
      'verify',
      '-crl_check',
      '-CRLfile',
      crlPem,
      '-CAfile',
      root,
      '-untrusted',
      issuing,
      leaf,
    ]);
    expect(verdict.status).not.toBe(0);
    expect(`${verdict.stdout}${verdict.stderr}`).toContain('certificate revoked');
    const status = await w.app.inject({ method: 'GET', url: `/api/v1/ca/status/${seal.serial_hex}` });
    expect(status.json()).toMatchObject({ status: 'revoked', reason: 'keyCompromise' });
    const again = await as(
      w.app,
      secadmin,
    )({
      method: 'POST',
      url: `/api/v1/ca/admin/certificates/${seal.id}/revoke`,
      payload: { reason: 'superseded' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_revoked');
  });

  it('answers OCSP for good and revoked certificates, as openssl’s client reads it', async () => {
    const h = suite('ECDSA-P256-SHA256');
    const good = await issueSeal(ca, unit, 'ECDSA-P256-SHA256');
    const bad = await issueSeal(ca, unit, 'ECDSA-P256-SHA256');
    await as(
      w.app,
      secadmin,
    )({
      method: 'POST',
      url: `/api/v1/ca/admin/certificates/${bad.id}/revoke`,
      payload: { reason: 'affiliationChanged' },
    });
    await w.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = w.app.server.address() as AddressInfo;
    const { root, issuing } = chainFiles(h);
    // The server answers in this process, so the client must not block it: an asynchronous child.
    const ask = (der: Buffer, name: string) =>
      execFileAsync(
        'openssl',
        [
          'ocsp',
          '-issuer',
          issuing,
          '-cert',
          file(name, toPem(der)),
          '-url',
          `http://127.0.0.1:${port}/api/v1/ca/ocsp`,
          '-CAfile',
          root,
          '-resp_text',
        ],
        { encoding: 'utf8' },
      );
    const a = await ask(good.der, 'good.pem');
    expect(`${a.stdout}${a.stderr}`).toContain('Response verify OK');
    expect(a.stdout).toMatch(/: good/);
    const b = await ask(bad.der, 'bad.pem');
    expect(b.stdout).toMatch(/: revoked/);
    expect(b.stdout).toContain('affiliationChanged');
    const garbage = await w.app.inject({
      method: 'POST',
      url: '/api/v1/ca/ocsp',
      headers: { 'content-type': 'application/ocsp-request' },
      payload: Buffer.from('not ocsp'),
    });
    expect(garbage.statusCode).toBe(200);
    expect(garbage.rawPayload.subarray(0, 5).toString('hex')).toBe('30030a0101');
  });
});

describe('CRL publication', () => {
  it('re-signs every CRL older than a day, and none younger', async () => {
    expect(await refreshCrls(ca.db, ca.keys)).toBe(0);
    const h = suite('SM2-SM3');
    const before = await w.t.db
      .selectFrom('ca_crl')
      .select((eb) => eb.fn.max('number').as('n'))
      .where('issuer_id', '=', h.issuing.id)
      .executeTakeFirstOrThrow();
    const dayAfter = new Date(Date.now() + 25 * 3_600_000);
    expect(await refreshCrls(ca.db, ca.keys, dayAfter)).toBe(4);
    const after = await w.t.db
      .selectFrom('ca_crl')
      .select(['number', 'next_update'])
      .where('issuer_id', '=', h.issuing.id)
      .orderBy('number', 'desc')
      .executeTakeFirstOrThrow();
    expect(after.number).toBe(Number(before.n) + 1);
    expect(after.next_update.getTime()).toBe(dayAfter.getTime() + 7 * 86_400_000);
  });
});

describe('time-stamping (RFC 3161)', () => {
  it('stamps a query from openssl ts, which verifies the reply', async () => {
    const h = suite('ECDSA-P256-SHA256');
    const data = file('data.txt', '黑龙江省一网通办');
    const query = execFileSync('openssl', ['ts', '-query', '-data', data, '-sha256', '-cert'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/v1/ca/tsa',
      headers: { 'content-type': 'application/timestamp-query' },
      payload: query,
    });
    expect(res.headers['content-type']).toBe('application/timestamp-reply');
    const reply = file('reply.tsr', res.rawPayload);
    const { root, issuing } = chainFiles(h);
    const verified = openssl([
      'ts',
      '-verify',
      '-data',
      data,
      '-in',
      reply,
      '-CAfile',
      root,
      '-untrusted',
      issuing,
    ]);
    expect(`${verified.stdout}${verified.stderr}`).toContain('Verification: OK');
    const logged = await w.t.db
      .selectFrom('ca_timestamp')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(logged.n).toBeGreaterThanOrEqual(1);
    const bad = await w.app.inject({
      method: 'POST',
      url: '/api/v1/ca/tsa',
      headers: { 'content-type': 'application/timestamp-query' },
      payload: Buffer.from('garbage'),
    });
    expect(bad.statusCode).toBe(200);
    const text = openssl(['ts', '-reply', '-in', file('bad.tsr', bad.rawPayload), '-text']);
    expect(text.stdout).toMatch(/Status: Rejected/);
  });
});

describe('the register', () => {
  it('never deletes a certification record', async () => {
    // The application's role may not delete at all; even the owner is stopped by the trigger.
    await expect(sql`DELETE FROM ca_certificate`.execute(w.t.db)).rejects.toThrow(/permission denied/);
    await expect(sql`DELETE FROM ca_certificate`.execute(w.t.owner)).rejects.toThrow(/kept, never deleted/);
    await expect(sql`DELETE FROM ca_crl`.execute(w.t.owner)).rejects.toThrow(/kept, never deleted/);
    await expect(sql`UPDATE sealed_document SET title = 'x'`.execute(w.t.db)).rejects.toThrow(
      /permission denied/,
    );
    const row = await w.t.db
      .selectFrom('ca_certificate')
      .select(['not_after', 'retain_until'])
      .executeTakeFirstOrThrow();
    expect(row.retain_until.getUTCFullYear() - row.not_after.getUTCFullYear()).toBe(5);
  });

  it('refuses bad issue requests with a clear problem and writes nothing', async () => {
    const before = await w.t.db
      .selectFrom('ca_certificate')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const call = (payload: object) =>
      as(w.app, secadmin)({ method: 'POST', url: '/api/v1/ca/admin/certificates', payload });
    const unknownUnit = await call({ profile: 'seal', orgUnitId: '00000000-0000-7000-8000-000000000000' });
    expect(unknownUnit.statusCode).toBe(404);
    const citizen = await w.t.db
      .selectFrom('app_user')
      .select('id')
      .where('kind', '=', 'citizen')
      .executeTakeFirstOrThrow();
    const wrongKind = await call({ profile: 'staff', userId: citizen.id });
    expect(wrongKind.statusCode).toBe(422);
    expect(wrongKind.json().code).toBe('holder_kind_mismatch');
    const bad = await call({ profile: 'seal', orgUnitId: 'not-a-uuid', algorithm: 'RSA' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const after = await w.t.db
      .selectFrom('ca_certificate')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('does not revoke the CA’s own certificates from the admin screen', async () => {
    const h = suite('SM2-SM3');
    for (const row of [h.root, h.issuing, h.tsa]) {
      const res = await as(
        w.app,
        secadmin,
      )({
        method: 'POST',
        url: `/api/v1/ca/admin/certificates/${row.id}/revoke`,
        payload: { reason: 'superseded' },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('not_revocable');
    }
  });

  it('lists certificates with their status for the security administrator', async () => {
    const res = await as(
      w.app,
      secadmin,
    )({ method: 'GET', url: '/api/v1/ca/admin/certificates?profile=seal&status=revoked' });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .items.every(
          (c: { status: string; profile: string }) => c.status === 'revoked' && c.profile === 'seal',
        ),
    ).toBe(true);
    const overview = await as(w.app, secadmin)({ method: 'GET', url: '/api/v1/ca/admin/overview' });
    expect(overview.json().hierarchies).toHaveLength(2);
    expect(overview.json().hierarchies[0].crlNumber).toBeGreaterThanOrEqual(1);
  });
});

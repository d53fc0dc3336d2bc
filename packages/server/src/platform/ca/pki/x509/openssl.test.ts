// Interoperability with the machine's openssl (3.0): what we issue must be what other software accepts.
//
// SM2 and OpenSSL 3.0: openssl verifies an SM2 signature on an X.509 object only when that object carries
// a distinguishing ID, and its command line can attach one (`-vfyopt distid:1234567812345678`) to the
// target certificate of `openssl verify` alone. So for SM2 each certificate is verified as the target of
// its own `openssl verify -vfyopt distid:1234567812345678` (the issuing CA under -CAfile root.pem, the seal
// certificate under `-partial_chain -CAfile issuing.pem`); the whole chain in one call fails at depth 1.
// CRLs and OCSP responses have no such option (`openssl crl -CAfile` prints "verify failure", `-crl_check`
// reports "CRL signature failure"), so for SM2 their signatures are checked with
// `openssl pkeyutl -verify -rawin -digest sm3 -pkeyopt distid:1234567812345678` over the exact TBS bytes,
// and their content with `openssl crl -text` / `openssl ocsp -no_signature_verify`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE_ALGORITHMS, SM2_DEFAULT_ID } from '../algorithms.ts';
import { describeCertificate, toPem } from './certificates.ts';
import { buildCrl, type CrlEntry } from './crl.ts';
import { buildOcspResponse, certIdMatches, type OcspSingleStatus, parseOcspRequest } from './ocsp.ts';
import { DAY, type Hierarchy, issueUnder, makeHierarchy, NOW, SEAL_SUBJECT, URLS } from './testFixtures.ts';

const SM2_DISTID = `distid:${SM2_DEFAULT_ID}`;

describe.each(SIGNATURE_ALGORITHMS)('openssl accepts what we make (%s)', (algorithm) => {
  const sm2 = algorithm === 'SM2-SM3';
  let h: Hierarchy;
  let dir: string;
  let leafSerial: string;
  const path = (name: string) => join(dir, name);
  const write = (name: string, content: string | Uint8Array) => writeFileSync(path(name), content);
  const openssl = (...args: string[]) => {
    const run = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (run.error) throw run.error;
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  };

  beforeAll(async () => {
    h = await makeHierarchy(algorithm);
    dir = mkdtempSync(join(tmpdir(), 'yiwang-x509-'));
    write('root.pem', toPem(h.root.certificate));
    write('issuing.pem', toPem(h.issuing.certificate));
    write('chain.pem', toPem(h.root.certificate) + toPem(h.issuing.certificate));
    write('leaf.pem', toPem(h.leaf.certificate));
    leafSerial = describeCertificate(h.leaf.certificate).serialHex;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** openssl's own check of an SM2 signature over tbs by the key spki. */
  const sm2SignatureVerifies = (spki: Uint8Array, [tbs, signature]: [Uint8Array, Uint8Array]) => {
    write('signer-pub.pem', toPem(spki, 'PUBLIC KEY'));
    write('tbs.bin', tbs);
    write('sig.der', signature);
    const args = ['-verify', '-pubin', '-inkey', 'signer-pub.pem', '-rawin', '-digest', 'sm3'];
    return openssl('pkeyutl', ...args, '-pkeyopt', SM2_DISTID, '-in', 'tbs.bin', '-sigfile', 'sig.der');
  };

  it('verifies the chain root → issuing CA → seal', () => {
    if (!sm2) {
      const run = openssl('verify', '-CAfile', 'root.pem', '-untrusted', 'issuing.pem', 'leaf.pem');
      expect(run.output).toContain('leaf.pem: OK');
      expect(run.status).toBe(0);
      return;
    }
    const issuing = openssl('verify', '-vfyopt', SM2_DISTID, '-CAfile', 'root.pem', 'issuing.pem');
    expect(issuing.output).toContain('issuing.pem: OK');
    const leaf = openssl(
      'verify',
      '-vfyopt',
      SM2_DISTID,
      '-partial_chain',
      '-CAfile',
      'issuing.pem',
      'leaf.pem',
    );
    expect(leaf.output).toContain('leaf.pem: OK');
    // And the negative: the seal certificate is not signed by the root.
    const wrong = openssl(
      'verify',
      '-vfyopt',
      SM2_DISTID,
      '-partial_chain',
      '-CAfile',
      'root.pem',
      'leaf.pem',
    );
    expect(wrong.status).not.toBe(0);
  });

  it('shows the extensions each profile should have', async () => {
    const text = (file: string) =>
      openssl('x509', '-in', file, '-noout', '-text', '-nameopt', 'utf8,sep_comma_plus').output;
    const leaf = text('leaf.pem');
    expect(leaf).toContain(`O=${SEAL_SUBJECT.organization}`);
    expect(leaf).toContain(`serialNumber=${SEAL_SUBJECT.serialNumber}`);
    expect(leaf).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Non Repudiation/);
    expect(leaf).not.toContain('Extended Key Usage');
    expect(leaf).toMatch(
      /CRL Distribution Points:\s+Full Name:\s+URI:http:\/\/ca\.yiwang\.example\/crl\/issuing\.crl/,
    );
    expect(leaf).toContain(`OCSP - URI:${URLS.ocsp}`);
    expect(leaf).toContain(`CA Issuers - URI:${URLS.caIssuers}`);
    expect(text('issuing.pem')).toMatch(/Basic Constraints: critical\s+CA:TRUE, pathlen:0/);
    expect(text('root.pem')).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign/);

    write('tsa.pem', toPem((await issueUnder(h.issuing, 'tsa', { commonName: '一网时间戳' })).certificate));
    expect(text('tsa.pem')).toMatch(/X509v3 Extended Key Usage: critical\s+Time Stamping/);
    write('ocsp.pem', toPem((await issueUnder(h.issuing, 'ocsp', { commonName: '一网OCSP' })).certificate));
    const ocsp = text('ocsp.pem');
    expect(ocsp).toMatch(/X509v3 Extended Key Usage:\s+OCSP Signing/);
    expect(ocsp).toContain('OCSP No Check');
  });

  it('accepts the CRL and finds the seal certificate revoked', async () => {
    const crlOf = async (file: string, entries: CrlEntry[]) => {
      const crl = await buildCrl({
        issuerCertificate: h.issuing.certificate,
        issuerKey: h.issuing.key,
        number: 3,
        thisUpdate: new Date(NOW.getTime() - 60_000),
        nextUpdate: new Date(NOW.getTime() + DAY),
        entries,
      });
      write(`${file}.der`, crl);
      write(`${file}.pem`, toPem(crl, 'X509 CRL'));
      return crl;
    };
    const revokedAt = new Date(NOW.getTime() - 60_000);
    const crl = await crlOf('crl', [{ serialHex: leafSerial, revokedAt, reason: 'keyCompromise' }]);
    const text = openssl('crl', '-in', 'crl.der', '-inform', 'DER', '-noout', '-text').output;
    expect(text).toContain(`Serial Number: ${leafSerial.replace(/^00/, '').toUpperCase()}`);
    expect(text).toMatch(/CRL Reason Code:\s+Key Compromise/);
    expect(text).toMatch(/CRL Number:\s+3/);
    if (sm2) {
      const signed = sm2SignatureVerifies(h.issuing.key.spki, envelope(crl));
      expect(signed.output).toContain('Signature Verified Successfully');
      return;
    }
    const crlCheck = openssl('crl', '-in', 'crl.der', '-inform', 'DER', '-CAfile', 'chain.pem', '-noout');
    expect(crlCheck.output).toContain('verify OK');
    const verify = (crlFile: string) =>
      openssl(
        'verify',
        '-crl_check',
        '-CRLfile',
        crlFile,
        '-CAfile',
        'root.pem',
        '-untrusted',
        'issuing.pem',
        'leaf.pem',
      );
    const revoked = verify('crl.pem');
    expect(revoked.status).not.toBe(0);
    expect(revoked.output).toContain('certificate revoked');
    // The control: the same check with a CRL that does not list the seal certificate passes.
    await crlOf('crl-other', [{ serialHex: '01', revokedAt, reason: 'superseded' }]);
    const notRevoked = verify('crl-other.pem');
    expect(notRevoked.output).toContain('leaf.pem: OK');
    expect(notRevoked.status).toBe(0);
  });

  it('parses the OCSP requests openssl makes, with and without nonce', () => {
    for (const [file, nonce, digest] of [
      ['req.der', '-no_nonce', '-sha1'],
      ['req-nonce.der', '-nonce', '-sha1'],
      ['req-sha256.der', '-nonce', '-sha256'],
    ] as const) {
      const run = openssl(
        'ocsp',
        digest,
        '-issuer',
        'issuing.pem',
        '-cert',
        'leaf.pem',
        '-reqout',
        file,
        nonce,
      );
      expect(run.status).toBe(0);
      const request = parseOcspRequest(readFile(path(file)));
      expect(request.certIds).toHaveLength(1);
      const [certId] = request.certIds;
      if (!certId) throw new Error('no CertID');
      expect(certId.serialHex).toBe(leafSerial);
      expect(certIdMatches(certId, { issuerCertificate: h.issuing.certificate, serialHex: leafSerial })).toBe(
        true,
      );
      expect(certIdMatches(certId, { issuerCertificate: h.root.certificate, serialHex: leafSerial })).toBe(
        false,
      );
      if (nonce === '-nonce') expect(request.nonce?.subarray(0, 2)).toEqual(Buffer.from([0x04, 16]));
      else expect(request.nonce).toBeUndefined();
    }
  });

  it.each(['issuing CA', 'delegated responder'] as const)(
    'answers OCSP as the %s, and openssl reads it',
    async (who) => {
      const delegated =
        who === 'delegated responder'
          ? await issueUnder(h.issuing, 'ocsp', { commonName: '一网OCSP' })
          : undefined;
      const responder = delegated ?? h.issuing;
      openssl('ocsp', '-issuer', 'issuing.pem', '-cert', 'leaf.pem', '-reqout', 'req.der', '-nonce');
      const request = parseOcspRequest(readFile(path('req.der')));
      const status = (s: Partial<OcspSingleStatus>): OcspSingleStatus => ({
        certId: request.certIds[0] as OcspSingleStatus['certId'],
        status: 'good',
        thisUpdate: new Date(NOW.getTime() - 60_000),
        nextUpdate: new Date(NOW.getTime() + DAY),
        ...s,
      });
      const respond = async (s: OcspSingleStatus, nonce = request.nonce) => {
        const der = await buildOcspResponse({
          responderCertificate: responder.certificate,
          responderKey: responder.key,
          producedAt: NOW,
          ...(nonce ? { nonce } : {}),
          responses: [s],
        });
        write('resp.der', der);
        return der;
      };
      const verification = sm2 ? ['-no_signature_verify'] : ['-CAfile', 'chain.pem'];
      // -cert makes openssl match our CertID to the certificate (it builds its own request, so no nonce) …
      const byCertificate = () =>
        openssl(
          'ocsp',
          '-respin',
          'resp.der',
          '-issuer',
          'issuing.pem',
          '-cert',
          'leaf.pem',
          '-no_nonce',
          ...verification,
        );
      // … and -reqin compares the nonce with the request's.
      const byRequest = () =>
        openssl('ocsp', '-reqin', 'req.der', '-respin', 'resp.der', '-resp_text', ...verification);

      const good = await respond(status({}));
      expect(byCertificate().output).toContain('leaf.pem: good');
      const text = byRequest().output;
      expect(text).toContain('Cert Status: good');
      expect(text).toContain('OCSP Nonce');
      expect(text).not.toMatch(/Nonce Verify error|no nonce in response/);
      if (!sm2) expect(text).toContain('Response verify OK');
      else
        expect(sm2SignatureVerifies(responder.key.spki, basicEnvelope(good)).output).toContain(
          'Signature Verified Successfully',
        );

      await respond(
        status({ status: 'revoked', revokedAt: new Date(NOW.getTime() - DAY), reason: 'keyCompromise' }),
      );
      const revoked = byCertificate().output;
      expect(revoked).toContain('leaf.pem: revoked');
      expect(revoked).toContain('Reason: keyCompromise');
      if (!sm2) expect(revoked).toContain('Response verify OK');
      await respond(status({ status: 'unknown' }));
      expect(byCertificate().output).toContain('leaf.pem: unknown');
      // The nonce check can fail: a response without the nonce draws openssl's warning.
      await respond(status({}), Buffer.alloc(0));
      expect(byRequest().output).toContain('no nonce in response');
    },
  );

  function readFile(file: string): Buffer {
    return Buffer.from(spawnSync('cat', [file]).stdout);
  }
});

/** The TBS bytes and signature of a signed SEQUENCE { tbs, algorithm, BIT STRING }. */
function envelope(der: Uint8Array): [Buffer, Buffer] {
  const sequence = asn1js.fromBER(new Uint8Array(der)).result as asn1js.Sequence;
  const [tbs, , signature] = sequence.valueBlock.value;
  if (!tbs || !(signature instanceof asn1js.BitString)) throw new Error('not a signed structure');
  return [Buffer.from(tbs.valueBeforeDecodeView), Buffer.from(signature.valueBlock.valueHexView)];
}

/** envelope() of the BasicOCSPResponse inside an OCSPResponse. */
function basicEnvelope(der: Uint8Array): [Buffer, Buffer] {
  return envelope(
    pkijs.OCSPResponse.fromBER(der).responseBytes?.response.valueBlock.valueHexView ?? new Uint8Array(),
  );
}

import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { algorithmOfSignatureOid, SIGNATURE_ALGORITHMS, verifySignature } from '../algorithms.ts';
import { describeCertificate } from './certificates.ts';
import {
  buildOcspResponse,
  certIdMatches,
  type OcspCertId,
  OcspRequestError,
  ocspErrorResponse,
  parseOcspRequest,
} from './ocsp.ts';
import { DAY, type Hierarchy, issueUnder, makeHierarchy, NOW } from './testFixtures.ts';

const bytes = (b: ArrayBuffer | undefined) => Buffer.from(b ?? new ArrayBuffer(0));
const pkiCertificate = (der: Uint8Array) => pkijs.Certificate.fromBER(der);

/** An OCSP request made by pkijs (its CertID hashing goes through WebCrypto, independent of ours). */
async function pkijsRequest(
  h: Hierarchy,
  hashAlgorithm: 'SHA-1' | 'SHA-256',
  nonce?: Buffer,
): Promise<Buffer> {
  const request = new pkijs.OCSPRequest();
  const issuerCertificate = pkiCertificate(h.issuing.certificate);
  const reqCert = await pkijs.CertID.create(pkiCertificate(h.leaf.certificate), {
    issuerCertificate,
    hashAlgorithm,
  });
  request.tbsRequest.requestList = [new pkijs.Request({ reqCert })];
  if (nonce) {
    const extnValue = new asn1js.OctetString({ valueHex: new Uint8Array(nonce).buffer }).toBER();
    request.tbsRequest.requestExtensions = [
      new pkijs.Extension({ extnID: '1.3.6.1.5.5.7.48.1.2', extnValue }),
    ];
  }
  return Buffer.from(request.toSchema(true).toBER());
}

/** The BasicOCSPResponse inside an OCSPResponse, with its status. */
function basicOf(der: Buffer): { status: number; basic?: pkijs.BasicOCSPResponse } {
  const response = pkijs.OCSPResponse.fromBER(der);
  const status = response.responseStatus.valueBlock.valueDec;
  if (!response.responseBytes) return { status };
  return {
    status,
    basic: pkijs.BasicOCSPResponse.fromBER(response.responseBytes.response.valueBlock.valueHexView),
  };
}

describe.each(SIGNATURE_ALGORITHMS)('OCSP (%s)', (algorithm) => {
  let h: Hierarchy;
  beforeAll(async () => {
    h = await makeHierarchy(algorithm);
  });

  it('parses requests with SHA-1 and SHA-256 CertIDs, and matches them to the certificate', async () => {
    const serialHex = describeCertificate(h.leaf.certificate).serialHex;
    for (const hash of ['SHA-1', 'SHA-256'] as const) {
      const parsed = parseOcspRequest(await pkijsRequest(h, hash));
      expect(parsed.nonce).toBeUndefined();
      const [certId] = parsed.certIds;
      expect(certId?.serialHex).toBe(serialHex);
      expect(certId?.hashAlgorithmOid).toBe(hash === 'SHA-1' ? '1.3.14.3.2.26' : '2.16.840.1.101.3.4.2.1');
      if (!certId) throw new Error('no CertID');
      expect(certIdMatches(certId, { issuerCertificate: h.issuing.certificate, serialHex })).toBe(true);
      expect(certIdMatches(certId, { issuerCertificate: h.issuing.certificate, serialHex: '01' })).toBe(
        false,
      );
      expect(certIdMatches(certId, { issuerCertificate: h.root.certificate, serialHex })).toBe(false);
      expect(
        certIdMatches(
          { ...certId, hashAlgorithmOid: '1.2.3' },
          { issuerCertificate: h.issuing.certificate, serialHex },
        ),
      ).toBe(false);
    }
  });

  it('returns the nonce as sent', async () => {
    const nonce = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
    const parsed = parseOcspRequest(await pkijsRequest(h, 'SHA-1', nonce));
    expect(parsed.nonce).toEqual(Buffer.concat([Buffer.from([0x04, 16]), nonce]));
  });

  it('throws OcspRequestError for garbage', () => {
    for (const bytes of [
      Buffer.alloc(0),
      Buffer.from('garbage'),
      Buffer.from('3000', 'hex'),
      h.leaf.certificate,
    ]) {
      expect(() => parseOcspRequest(bytes)).toThrow(OcspRequestError);
    }
  });

  it('builds a signed response with each status, the nonce and the responder certificate', async () => {
    const requestDer = await pkijsRequest(h, 'SHA-256', Buffer.alloc(16, 7));
    const request = parseOcspRequest(requestDer);
    const certId = request.certIds[0] as OcspCertId;
    const other = { ...certId, serialHex: '0bad' };
    const revokedAt = new Date(NOW.getTime() - DAY);
    const der = await buildOcspResponse({
      responderCertificate: h.issuing.certificate,
      responderKey: h.issuing.key,
      producedAt: NOW,
      ...(request.nonce ? { nonce: request.nonce } : {}),
      responses: [
        {
          certId,
          status: 'revoked',
          revokedAt,
          reason: 'keyCompromise',
          thisUpdate: NOW,
          nextUpdate: new Date(NOW.getTime() + DAY),
        },
        { certId: other, status: 'good', thisUpdate: NOW },
        { certId: other, status: 'unknown', thisUpdate: NOW },
      ],
    });
    const { status, basic } = basicOf(der);
    expect(status).toBe(0);
    if (!basic) throw new Error('no BasicOCSPResponse');
    const data = basic.tbsResponseData;
    expect(data.responses.map((r) => r.certStatus.idBlock.tagNumber)).toEqual([1, 0, 2]);
    // The CertID is echoed byte for byte, NULL hash parameters included.
    const asked = pkijs.OCSPRequest.fromBER(requestDer).tbsRequest.requestList[0]?.reqCert;
    expect(bytes(data.responses[0]?.certID.toSchema().toBER())).toEqual(bytes(asked?.toSchema().toBER()));
    expect(asked).toBeDefined();
    expect(data.responses[0]?.thisUpdate).toEqual(NOW);
    expect(bytes(data.responses[0]?.certStatus.toBER())).toEqual(
      bytes(
        new asn1js.Constructed({
          idBlock: { tagClass: 3, tagNumber: 1 },
          value: [
            new asn1js.GeneralizedTime({ valueDate: revokedAt }),
            new asn1js.Constructed({
              idBlock: { tagClass: 3, tagNumber: 0 },
              value: [new asn1js.Enumerated({ value: 1 })],
            }),
          ],
        }).toBER(),
      ),
    );
    const nonce = data.responseExtensions?.find((e) => e.extnID === '1.3.6.1.5.5.7.48.1.2');
    expect(Buffer.from(nonce?.extnValue.valueBlock.valueHexView ?? [])).toEqual(request.nonce);
    expect(basic.certs).toHaveLength(1);
    const signatureAlgorithm = algorithmOfSignatureOid(basic.signatureAlgorithm.algorithmId);
    expect(signatureAlgorithm).toBe(algorithm);
    expect(basic.signatureAlgorithm.algorithmParams).toBeUndefined();
    const signed = verifySignature(
      algorithm,
      h.issuing.key.spki,
      data.tbsView,
      basic.signature.valueBlock.valueHexView,
    );
    expect(signed).toBe(true);
  });

  it('accepts a delegated responder and refuses an end entity as responder', async () => {
    const responder = await issueUnder(h.issuing, 'ocsp', { commonName: 'OCSP 响应器' });
    const certId = parseOcspRequest(await pkijsRequest(h, 'SHA-1')).certIds[0] as OcspCertId;
    const o = { producedAt: NOW, responses: [{ certId, status: 'good' as const, thisUpdate: NOW }] };
    const der = await buildOcspResponse({
      ...o,
      responderCertificate: responder.certificate,
      responderKey: responder.key,
    });
    expect(basicOf(der).status).toBe(0);
    await expect(
      buildOcspResponse({ ...o, responderCertificate: h.leaf.certificate, responderKey: h.leaf.key }),
    ).rejects.toThrow(/neither a CA/);
    await expect(
      buildOcspResponse({ ...o, responderCertificate: responder.certificate, responderKey: h.issuing.key }),
    ).rejects.toThrow(/does not belong/);
  });
});

describe('ocspErrorResponse', () => {
  it('is the bare status', () => {
    expect(ocspErrorResponse('malformedRequest').toString('hex')).toBe('30030a0101');
    expect(ocspErrorResponse('internalError').toString('hex')).toBe('30030a0102');
    expect(ocspErrorResponse('unauthorized').toString('hex')).toBe('30030a0106');
    expect(basicOf(ocspErrorResponse('unauthorized'))).toEqual({ status: 6 });
  });
});

import { initTestCa, issueSeal, pendingSealRequest, testCa, unitId } from '../../ca/caKit.ts';
import type { RowGroup } from './index.ts';

const SECURITY_ADMIN = ['security_admin'];
const KEEPER = ['seal_keeper'];

/**
 * The CA's public face is anyone's (relying parties have no account); certificate administration
 * is the security administrator's; a unit's seal queue is its seal keeper's alone.
 */
export const caGroup: RowGroup = {
  setup: async ({ services, fixture }) => {
    const ca = testCa(services);
    const [sm2] = await initTestCa(ca);
    const unit = await unitId(services.db, '230100-SCJG');
    const seal = await issueSeal(ca, unit);
    const spare = await issueSeal(ca, unit);
    fixture.caSerial = sm2?.issuing.serial_hex ?? '';
    fixture.sealSerial = seal.serial_hex;
    fixture.sealCertificate = seal.id;
    fixture.spareCertificate = spare.id;
    fixture.caUnit = unit;
    fixture.sealRequest = await pendingSealRequest(ca, unit, fixture.citizen as string);
  },
  rows: [
    {
      method: 'GET',
      route: '/api/v1/ca/certificates/{file}',
      allowed: 'anyone',
      url: (f) => `/api/v1/ca/certificates/${f.sealSerial}.cer`,
    },
    {
      method: 'GET',
      route: '/api/v1/ca/crl/{file}',
      allowed: 'anyone',
      url: (f) => `/api/v1/ca/crl/${f.caSerial}.crl`,
    },
    {
      method: 'GET',
      route: '/api/v1/ca/status/{serial}',
      allowed: 'anyone',
      url: (f) => `/api/v1/ca/status/${f.sealSerial}`,
    },
    {
      method: 'POST',
      route: '/api/v1/ca/ocsp',
      allowed: 'anyone',
      url: () => '/api/v1/ca/ocsp',
      headers: () => ({ 'content-type': 'application/ocsp-request' }),
      body: () => Buffer.from('3000', 'hex'),
    },
    {
      method: 'POST',
      route: '/api/v1/ca/tsa',
      allowed: 'anyone',
      url: () => '/api/v1/ca/tsa',
      headers: () => ({ 'content-type': 'application/timestamp-query' }),
      body: () => Buffer.from('3000', 'hex'),
    },
    { method: 'POST', route: '/api/v1/verify', allowed: 'anyone', url: () => '/api/v1/verify' },
    {
      method: 'GET',
      route: '/api/v1/verify/{code}',
      allowed: 'anyone',
      url: () => '/api/v1/verify/ABCD-EFGH-JKMN-PQRS',
    },
    {
      method: 'GET',
      route: '/api/v1/ca/admin/overview',
      allowed: SECURITY_ADMIN,
      url: () => '/api/v1/ca/admin/overview',
    },
    {
      method: 'GET',
      route: '/api/v1/ca/admin/certificates',
      allowed: SECURITY_ADMIN,
      url: () => '/api/v1/ca/admin/certificates',
    },
    {
      method: 'POST',
      route: '/api/v1/ca/admin/certificates',
      allowed: SECURITY_ADMIN,
      url: () => '/api/v1/ca/admin/certificates',
      body: (f) => ({ profile: 'seal', orgUnitId: f.caUnit, algorithm: 'ECDSA-P256-SHA256' }),
    },
    {
      method: 'POST',
      route: '/api/v1/ca/admin/certificates/{id}/renew',
      allowed: SECURITY_ADMIN,
      url: (f) => `/api/v1/ca/admin/certificates/${f.spareCertificate}/renew`,
    },
    {
      method: 'POST',
      route: '/api/v1/ca/admin/certificates/{id}/revoke',
      allowed: SECURITY_ADMIN,
      url: (f) => `/api/v1/ca/admin/certificates/${f.spareCertificate}/revoke`,
      body: () => ({ reason: 'superseded' }),
    },
    {
      method: 'GET',
      route: '/api/v1/seal-requests',
      allowed: 'signed_in',
      url: () => '/api/v1/seal-requests',
    },
    {
      method: 'GET',
      route: '/api/v1/seal-requests/{id}/document',
      allowed: KEEPER,
      url: (f) => `/api/v1/seal-requests/${f.sealRequest}/document`,
    },
    {
      method: 'POST',
      route: '/api/v1/seal-requests/{id}/affix',
      allowed: KEEPER,
      url: (f) => `/api/v1/seal-requests/${f.sealRequest}/affix`,
      body: () => ({ password: 'not the password' }),
    },
  ],
};

import { scratchFileSettings } from '../../src/caseEngine.ts';
import {
  type CaServices,
  defaultCaSettings,
  initCa,
  openCa,
  SoftwareKeyStore,
} from '../../src/platform/ca/index.ts';
import { issueHolderCertificate } from '../../src/platform/ca/issue.ts';
import type { SignatureAlgorithm } from '../../src/platform/ca/pki/algorithms.ts';
import { requestSeal } from '../../src/platform/ca/sealing/requests.ts';
import type { Db } from '../../src/platform/db/database.ts';
import { inTransaction } from '../../src/platform/db/transaction.ts';
import { samples } from '../../src/platform/documents/fixtures.ts';
import { renderDocument } from '../../src/platform/documents/index.ts';
import { noScanner, openFileStore, storeFile } from '../../src/platform/files/index.ts';
import type { PlatformServices } from '../../src/platform/services.ts';

export const TEST_CA_NAME = '测试电子政务认证中心';

/** The CA services over the same cipher and scratch file store as an app built by createTestApp. */
export function testCa(s: PlatformServices, sealAlgorithm: SignatureAlgorithm = 'SM2-SM3'): CaServices {
  const files = openFileStore(scratchFileSettings(), s.cipher, s.db);
  return openCa(
    s,
    { ...defaultCaSettings, name: TEST_CA_NAME, sealAlgorithm },
    files,
    new SoftwareKeyStore(s.cipher),
  );
}

/** `yiwang ca init` on the test database. */
export async function initTestCa(ca: CaServices, auditKeySpki?: Buffer) {
  return initCa(ca.db, ca.keys, { caName: TEST_CA_NAME, urls: ca.urls, auditKeySpki });
}

export async function unitId(db: Db, code: string): Promise<string> {
  return (await db.selectFrom('org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

export async function issueSeal(
  ca: CaServices,
  orgUnitId: string,
  algorithm: SignatureAlgorithm = 'SM2-SM3',
) {
  const outcome = await inTransaction(ca.db, {}, (tx) =>
    issueHolderCertificate(tx, ca, { profile: 'seal', orgUnitId, algorithm }, null),
  );
  if (!outcome.ok) throw new Error(outcome.detail);
  return outcome.certificate;
}

/** A document issued by a unit and waiting for its seal, as the approval module leaves one. */
export async function pendingSealRequest(
  ca: CaServices,
  orgUnitId: string,
  ownerUserId: string,
): Promise<string> {
  const unit = await ca.db
    .selectFrom('org_unit')
    .select('name_zh')
    .where('id', '=', orgUnitId)
    .executeTakeFirstOrThrow();
  const code = 'licensing.acceptance';
  const version = 1;
  const params = samples[code];
  const render = {
    templateCode: code,
    templateVersion: version,
    params,
    issuingUnit: unit.name_zh,
    documentNumber: '哈市监许受〔2026〕1号',
    issuedOn: '2026-11-27',
    createdAt: '2026-11-27T02:00:00.000Z',
  };
  const draft = await renderDocument(code, version, params, {
    issuingUnit: render.issuingUnit,
    documentNumber: render.documentNumber,
    issuedOn: render.issuedOn,
    createdAt: new Date(render.createdAt),
  });
  return inTransaction(ca.db, {}, async (tx) => {
    const file = await storeFile(
      tx,
      { ...ca.files, scanner: noScanner },
      {
        ownerUserId,
        purpose: 'document',
        fileName: 'decision.pdf',
        declaredType: 'application/pdf',
        bytes: draft,
      },
    );
    return requestSeal(tx, {
      orgUnitId,
      fileId: file.id,
      caseId: null,
      title: '受理通知书',
      documentNumber: render.documentNumber,
      render,
      draft,
    });
  });
}

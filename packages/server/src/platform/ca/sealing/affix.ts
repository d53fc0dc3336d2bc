import { v7 as uuidv7 } from 'uuid';
import { recordEvent } from '../../audit/record.ts';
import type { Tx } from '../../db/transaction.ts';
import { renderDocument } from '../../documents/index.ts';
import { type FileStore, replaceFileContent } from '../../files/index.ts';
import { addSignatureField } from '../pdf/index.ts';
import type { FreshAuthorization } from './authorization.ts';
import type { SealProvider } from './provider.ts';
import { loadSealRequest, newVerificationCode } from './requests.ts';

export type SealingDeps = {
  provider: SealProvider;
  files: FileStore;
  verificationUrl: (code: string) => string;
};

export type AffixOutcome =
  | { ok: true; sealedDocumentId: string; verificationCode: string; sha256: string }
  | { ok: false; code: 'not_found' | 'already_sealed' };

/**
 * Seals one requested document: draws it again with the seal, its verification code and QR code,
 * signs it with the unit's seal (time-stamped), puts the sealed copy in place of the draft and
 * registers it for public verification. The caller has checked that this person keeps the seal and
 * has just confirmed (`FreshAuthorization`); the provider checks the confirmation again.
 */
export async function affixSeal(
  tx: Tx,
  deps: SealingDeps,
  requestId: string,
  keeperUserId: string,
  authorization: FreshAuthorization,
): Promise<AffixOutcome> {
  const request = await loadSealRequest(tx, requestId, true);
  if (!request) return { ok: false, code: 'not_found' };
  if (request.status !== 'pending') return { ok: false, code: 'already_sealed' };
  const verificationCode = newVerificationCode();
  const { render } = request;
  const draft = await renderDocument(render.templateCode, render.templateVersion, render.params, {
    issuingUnit: render.issuingUnit,
    documentNumber: render.documentNumber,
    issuedOn: render.issuedOn,
    createdAt: new Date(render.createdAt),
    seal: {
      verificationCode,
      verificationUrl: deps.verificationUrl(verificationCode),
      beforeEnd: (doc, where) =>
        addSignatureField(doc, {
          name: render.issuingUnit,
          reason: `${request.title} ${request.document_number}`,
          location: render.issuingUnit,
          widget: { page: where.page, rect: where.rect },
        }),
    },
  });
  const sealed = await deps.provider.sealPdf({
    orgUnitId: request.org_unit_id,
    keeperUserId,
    requestId,
    authorization,
    pdf: draft,
    tx,
  });
  const file = await replaceFileContent(tx, deps.files, request.file_id, sealed.pdf);
  const sealedDocumentId = uuidv7();
  await tx
    .insertInto('sealed_document')
    .values({
      id: sealedDocumentId,
      verification_code: verificationCode,
      file_id: request.file_id,
      org_unit_id: request.org_unit_id,
      certificate_id: sealed.certificate.id,
      timestamp_serial: sealed.timestampSerial,
      title: request.title,
      document_number: request.document_number,
      sha256: file.sha256,
      signed_at: sealed.signedAt,
      authorized_by: keeperUserId,
    })
    .execute();
  await tx
    .updateTable('seal_request')
    .set({ status: 'sealed', sealed_document_id: sealedDocumentId })
    .where('id', '=', requestId)
    .execute();
  const sha256 = file.sha256.toString('hex');
  await recordEvent(tx, {
    action: 'seal.affix',
    outcome: 'success',
    targetType: 'sealed_document',
    targetId: sealedDocumentId,
    details: {
      certificate: sealed.certificate.serial_hex,
      timestamp: sealed.timestampSerial,
      sha256,
      method: authorization.method,
    },
  });
  return { ok: true, sealedDocumentId, verificationCode, sha256 };
}

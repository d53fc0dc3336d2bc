import {
  affixedSealSchema,
  affixSealSchema,
  idParamSchema,
  sealRequestListSchema,
  sealRequestQuerySchema,
} from '@yiwang/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { recordEvent } from '../../audit/record.ts';
import { inTransaction } from '../../db/transaction.ts';
import { readFile } from '../../files/index.ts';
import { requirePrincipal } from '../../http/authenticate.ts';
import { contentDisposition } from '../../http/download.ts';
import {
  authorize,
  ConflictProblem,
  NotFoundProblem,
  problemResponses,
  ValidationProblem,
} from '../../http/problems.ts';
import type { PlatformServices } from '../../services.ts';
import type { CaServices } from '../index.ts';
import { affixSeal } from './affix.ts';
import { confirmSealUse, keepsSealOf } from './authorization.ts';
import { SealRefusedError } from './provider.ts';
import { listSealRequests, loadSealRequest } from './requests.ts';

const tags = ['seals'];
const NOT_KEEPER = 'only the seal keeper of the issuing unit may use its seal';

/**
 * The seal keeper's queue (待用印): documents issued by their unit, waiting for its seal. Sealing
 * needs the keeper's password (and TOTP code) again, for each document.
 */
export function registerSealRoutes(app: FastifyInstance, services: PlatformServices, ca: CaServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/seal-requests',
    {
      schema: {
        tags,
        summary: 'Documents waiting for (or sealed with) the seals I keep, oldest first',
        querystring: sealRequestQuerySchema,
        response: { 200: sealRequestListSchema, ...problemResponses(400, 401) },
      },
    },
    async (request) => {
      const rows = await listSealRequests(ca.db, requirePrincipal(request), request.query.status);
      return {
        items: rows.map((row) => ({
          id: row.id,
          orgUnitId: row.org_unit_id,
          unitName: row.unit_name,
          caseId: row.case_id,
          title: row.title,
          documentNumber: row.document_number,
          requestedAt: row.requested_at.toISOString(),
          status: row.status,
          verificationCode: row.verification_code ?? null,
        })),
      };
    },
  );
  r.get(
    '/api/v1/seal-requests/:id/document',
    {
      schema: {
        tags,
        summary: 'The document to be sealed (or as sealed), PDF, for its unit’s seal keeper',
        params: idParamSchema,
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const row = await loadSealRequest(ca.db, request.params.id);
      if (!row) throw new NotFoundProblem('no such seal request');
      authorize(keepsSealOf(principal, row.org_unit_id), NOT_KEEPER);
      const { bytes } = await readFile(ca.db, ca.files, row.file_id);
      await inTransaction(ca.db, request.actor, (tx) =>
        recordEvent(tx, {
          action: 'seal_request.read',
          outcome: 'success',
          targetType: 'seal_request',
          targetId: row.id,
        }),
      );
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', contentDisposition('inline', `${row.document_number}.pdf`))
        .send(bytes);
    },
  );
  r.post(
    '/api/v1/seal-requests/:id/affix',
    {
      schema: {
        tags,
        summary:
          'Seal the document with the unit’s electronic seal, confirming with password (and TOTP code)',
        params: idParamSchema,
        body: affixSealSchema,
        response: { 200: affixedSealSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const id = request.params.id;
      const outcome = await inTransaction(ca.db, request.actor, async (tx) => {
        const row = await loadSealRequest(tx, id, true);
        if (!row) return { kind: 'not_found' as const };
        if (!keepsSealOf(principal, row.org_unit_id)) return { kind: 'forbidden' as const };
        if (row.status !== 'pending') return { kind: 'already_sealed' as const };
        const confirmed = await confirmSealUse(
          tx,
          services,
          principal.userId,
          { id, orgUnitId: row.org_unit_id },
          request.body,
        );
        if (!confirmed.ok) return { kind: 'refused' as const, confirmed };
        const sealed = await affixSeal(tx, ca, id, principal.userId, confirmed.authorization).catch(
          asConflict,
        );
        return { kind: 'sealed' as const, sealed };
      });
      if (outcome.kind === 'not_found') throw new NotFoundProblem('no such seal request');
      authorize(outcome.kind !== 'forbidden', NOT_KEEPER);
      if (outcome.kind === 'already_sealed')
        throw new ConflictProblem('already_sealed', 'this document is sealed already');
      if (outcome.kind === 'refused') {
        const { field, code } = outcome.confirmed;
        throw new ValidationProblem([{ field, code, message: REFUSALS[code], params: {} }]);
      }
      if (!outcome.sealed.ok)
        throw new ConflictProblem(outcome.sealed.code, 'the seal request changed meanwhile');
      return outcome.sealed;
    },
  );
}

const REFUSALS = {
  wrong_password: 'the password is wrong',
  code_required: 'enter the code from your authenticator app',
  wrong_code: 'the code is wrong or was already used',
  locked: 'the account is locked for a while after too many failures',
} as const;

function asConflict(error: unknown): never {
  if (error instanceof SealRefusedError) throw new ConflictProblem(error.code, error.message);
  throw error;
}

import { type CaseAttachment, caseAttachmentSchema, problemSchema } from '@yiwang/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordEvent } from '../platform/audit/record.ts';
import type { Db } from '../platform/db/database.ts';
import { inTransaction, type Tx } from '../platform/db/transaction.ts';
import {
  type FileStore,
  listCaseFiles,
  readFile,
  readUpload,
  type StoredFile,
  storeFile,
} from '../platform/files/index.ts';
import { requirePrincipal } from '../platform/http/authenticate.ts';
import { contentDisposition } from '../platform/http/download.ts';
import {
  authorize,
  HttpProblem,
  NotFoundProblem,
  problemResponses,
  ValidationProblem,
} from '../platform/http/problems.ts';
import type { CaseEngine } from './engine.ts';
import { findCase, loadFacts } from './facts.ts';
import { allowedActions, canViewCase, isApplicantOf } from './policy.ts';

export function presentAttachment(f: StoredFile): CaseAttachment {
  return {
    id: f.id,
    slot: f.purpose,
    fileName: f.file_name,
    contentType: f.sniffed_type,
    sizeBytes: Number(f.size_bytes),
    sha256: f.sha256.toString('hex'),
    scanStatus: f.scan_status,
    uploadedAt: f.uploaded_at.toISOString(),
  };
}

type SlotLimits = { formats?: string[]; maxBytes?: number };

/** The slot must be the case's, and a service may accept fewer formats or smaller files than the store. */
function checkSlot(
  slot: string,
  upload: { declaredType: string; bytes: Buffer },
  slots: Readonly<Record<string, object>>,
): void {
  const spec = slots[slot] as SlotLimits | undefined;
  if (!spec) {
    throw new ValidationProblem([
      { field: 'body.slot', code: 'unknown_slot', message: 'not a material of this case' },
    ]);
  }
  const declared = upload.declaredType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (spec.formats && !spec.formats.includes(declared)) {
    throw new HttpProblem(415, 'file_type_not_allowed', 'File type not allowed', {
      detail: `this material takes ${spec.formats.join(', ')}`,
      errors: [
        {
          field: 'body.file',
          code: 'format_not_accepted',
          message: 'not a format this material takes',
          params: { formats: spec.formats },
        },
      ],
    });
  }
  if (spec.maxBytes && upload.bytes.length > spec.maxBytes) {
    throw new HttpProblem(413, 'file_too_large', 'File too large', {
      detail: `this material takes at most ${spec.maxBytes} bytes`,
    });
  }
}

/** The material slots among `slots` that hold no file yet. */
export async function missingMaterials(tx: Tx, caseId: string, slots: readonly string[]): Promise<string[]> {
  if (slots.length === 0) return [];
  const held = await tx
    .selectFrom('stored_file')
    .select('purpose')
    .where('case_id', '=', caseId)
    .where('purpose', 'in', [...slots])
    .execute();
  const have = new Set(held.map((h) => h.purpose));
  return slots.filter((s) => !have.has(s));
}

export async function listAttachments(db: Db | Tx, caseId: string): Promise<CaseAttachment[]> {
  return (await listCaseFiles(db as Db, caseId)).map(presentAttachment);
}

const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

/**
 * Materials of a case: the applicant uploads while the case is open, and so may staff who can act
 * on it now (a scan made at the window). Downloads follow the case's own view policy and each is
 * an audited read.
 */
export function registerAttachmentRoutes(
  app: FastifyInstance,
  db: Db,
  engine: CaseEngine,
  files: FileStore,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];
  r.post(
    '/api/v1/cases/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Upload a material (multipart: `slot` and `file`); the type is sniffed and must match',
        consumes: ['multipart/form-data'],
        params: z.object({ id: z.uuid() }),
        response: {
          201: caseAttachmentSchema,
          ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422, 503),
        },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const row = await findCase(db, request.params.id);
      if (!row) throw new NotFoundProblem('no such case');
      const def = engine.registry.get(row.process_code, row.process_version);
      const facts = await loadFacts(db, row);
      const mayUpload = isApplicantOf(principal, facts) || allowedActions(principal, def, facts).length > 0;
      authorize(canViewCase(principal, def, facts) && mayUpload, 'you may not add materials to this case');
      if (def.states[row.state]?.terminal) {
        throw new HttpProblem(409, 'case_closed', 'Case closed', {
          detail: 'a closed case takes no more materials',
        });
      }
      const upload = await readUpload(request, { maxBytes: files.maxUploadBytes });
      const slot = upload.fields.slot ?? '';
      checkSlot(slot, upload, row.spec?.materials ?? def.materials ?? {});
      const stored = await inTransaction(db, request.actor, (tx) =>
        storeFile(tx, files, {
          ownerUserId: principal.userId,
          caseId: row.id,
          purpose: slot,
          fileName: upload.fileName,
          declaredType: upload.declaredType,
          bytes: upload.bytes,
        }),
      );
      return reply.status(201).send(presentAttachment(stored));
    },
  );
  r.get(
    '/api/v1/cases/:id/attachments/:fileId',
    {
      schema: {
        tags,
        summary: 'Download a material of a case you may see',
        params: fileParams,
        response: {
          200: z.any().describe('the file'),
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const row = await findCase(db, request.params.id);
      if (!row) throw new NotFoundProblem('no such case');
      const def = engine.registry.get(row.process_code, row.process_version);
      authorize(canViewCase(principal, def, await loadFacts(db, row)), 'this case is not yours to see');
      const file = await readFile(db, files, request.params.fileId);
      if (file.row.case_id !== row.id) throw new NotFoundProblem('no such material on this case');
      await inTransaction(db, request.actor, (tx) =>
        recordEvent(tx, {
          action: 'file.read',
          outcome: 'success',
          targetType: 'stored_file',
          targetId: file.row.id,
        }),
      );
      return reply
        .header('content-type', file.row.sniffed_type)
        .header('content-disposition', contentDisposition('attachment', file.row.file_name))
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    },
  );
}

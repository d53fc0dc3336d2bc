import {
  auditEventPageSchema,
  auditEventQuerySchema,
  auditStatusSchema,
  consistencyProofQuerySchema,
  consistencyProofSchema,
  idParamSchema,
  inclusionProofSchema,
} from '@yiwang/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isOfficer } from '../access/policy.ts';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { requirePrincipal } from '../http/authenticate.ts';
import { authorize, NotFoundProblem, problemResponses } from '../http/problems.ts';
import { consistencyProofBetween, inclusionProofForEvent } from './proofs.ts';
import { recordEvent } from './record.ts';
import { auditStatus, eventsToCsv, searchEvents } from './viewer.ts';

const tags = ['audit'];
const errors = problemResponses(400, 401, 403, 404);

/**
 * The security auditor's view of the trail. Reading it is itself recorded, so even the
 * auditor leaves a trace (GB/T 22239: audit records are protected and their use is logged).
 */
export function registerAuditRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const allow = (request: Parameters<typeof requirePrincipal>[0]) =>
    authorize(
      isOfficer(requirePrincipal(request), 'security_auditor'),
      'the audit trail is for the security auditor',
    );
  const noteRead = (
    request: Parameters<typeof requirePrincipal>[0],
    what: string,
    details: Record<string, string | number>,
  ) =>
    inTransaction(db, request.actor, (tx) =>
      recordEvent(tx, { action: 'audit.read', outcome: 'success', targetType: what, details }),
    );

  r.get(
    '/api/v1/audit/status',
    {
      schema: {
        tags,
        summary: 'Counts, pending events and the signed checkpoints',
        response: { 200: auditStatusSchema, ...errors },
      },
    },
    async (request) => {
      allow(request);
      return auditStatus(db);
    },
  );
  r.get(
    '/api/v1/audit/events',
    {
      schema: {
        tags,
        summary: 'Search audit events, newest first',
        querystring: auditEventQuerySchema,
        response: { 200: auditEventPageSchema, ...errors },
      },
    },
    async (request) => {
      allow(request);
      await noteRead(request, 'audit_event', { filter: JSON.stringify(request.query) });
      return searchEvents(db, request.query);
    },
  );
  r.get(
    '/api/v1/audit/events.csv',
    {
      schema: {
        tags,
        summary: 'The same search as CSV (at most 10,000 rows)',
        querystring: auditEventQuerySchema,
        response: { 200: z.string(), ...errors },
      },
    },
    async (request, reply) => {
      allow(request);
      await noteRead(request, 'audit_event', { export: 'csv', filter: JSON.stringify(request.query) });
      const page = await searchEvents(db, { ...request.query, limit: 10_000 });
      const name = `yiwang-audit-${new Date().toISOString().slice(0, 10)}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(eventsToCsv(page.items));
    },
  );
  r.get(
    '/api/v1/audit/events/:id/proof',
    {
      schema: {
        tags,
        summary: 'Proof that an event is in the log at the latest checkpoint',
        params: idParamSchema,
        response: { 200: inclusionProofSchema, ...errors },
      },
    },
    async (request) => {
      allow(request);
      const proof = await inclusionProofForEvent(db, request.params.id);
      if (!proof) throw new NotFoundProblem('the event is not yet under a checkpoint');
      return {
        eventId: proof.eventId,
        leafIndex: proof.leafIndex,
        treeSize: proof.treeSize,
        leafHash: proof.leafHash,
        rootHash: proof.rootHash,
        proof: proof.proof,
      };
    },
  );
  r.get(
    '/api/v1/audit/consistency',
    {
      schema: {
        tags,
        summary: 'Proof that a later checkpoint extends an earlier one',
        querystring: consistencyProofQuerySchema,
        response: { 200: consistencyProofSchema, ...errors },
      },
    },
    async (request) => {
      allow(request);
      const proof = await consistencyProofBetween(db, request.query.from, request.query.to);
      if (!proof) throw new NotFoundProblem('no checkpoints of those sizes');
      return {
        from: proof.fromSize,
        to: proof.toSize,
        fromRoot: proof.fromRoot,
        toRoot: proof.toRoot,
        proof: proof.proof,
      };
    },
  );
}

import {
  caseActionParamsSchema,
  caseActionRequestSchema,
  caseDetailSchema,
  caseListSchema,
  createCaseSchema,
  createdCaseSchema,
  idempotencyKeyHeaderSchema,
  idParamSchema,
  listCasesQuerySchema,
  processListSchema,
  trackCaseQuerySchema,
  trackedCaseSchema,
} from '@yiwang/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readsBusinessData } from '../platform/access/policy.ts';
import type { Principal } from '../platform/access/principal.ts';
import { recordEvent } from '../platform/audit/record.ts';
import type { Db } from '../platform/db/database.ts';
import { inTransaction } from '../platform/db/transaction.ts';
import { requirePrincipal } from '../platform/http/authenticate.ts';
import { authorize, NotFoundProblem, problemResponses } from '../platform/http/problems.ts';
import { type MaterialCheck, performAction } from './actions.ts';
import { type CreateFlowDeps, createCase } from './create.ts';
import { type AttachmentLister, loadDetail, loadSummaryRow } from './detail.ts';
import type { CaseEngine } from './engine.ts';
import { loadFacts } from './facts.ts';
import { allowedActions, canViewCase } from './policy.ts';
import { presentProcess, presentSummary } from './present.ts';
import { applicantCases, factsFor, staffQueue } from './queries.ts';
import { trackCase } from './track.ts';

const tags = ['cases'];
const errors = problemResponses(400, 401, 403, 404, 409, 422);

export type CaseRouteDeps = CaseEngine &
  CreateFlowDeps & { missingMaterials?: MaterialCheck; listAttachments?: AttachmentLister };

/** Reads a case for a person the policy lets see it; the read of non-public data is audited. */
async function readCase(deps: CaseRouteDeps, db: Db, request: FastifyRequest, id: string, viewer: Principal) {
  const row = await loadSummaryRow(db, id);
  if (!row) throw new NotFoundProblem('no such case');
  const def = deps.registry.get(row.process_code, row.process_version);
  const facts = await loadFacts(db, row);
  authorize(canViewCase(viewer, def, facts), 'this case is not yours to see');
  return inTransaction(db, request.actor, async (tx) => {
    await recordEvent(tx, {
      action: 'case.read',
      outcome: 'success',
      targetType: 'case_record',
      targetId: id,
    });
    return loadDetail(deps, tx, row, viewer, facts);
  });
}

export function registerCaseRoutes(app: FastifyInstance, db: Db, deps: CaseRouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/processes',
    {
      schema: {
        tags,
        summary: 'The processes the platform runs, with their states, actions and clocks',
        response: { 200: processListSchema },
      },
    },
    async () => ({ items: deps.registry.all().map(presentProcess) }),
  );
  r.post(
    '/api/v1/cases',
    {
      schema: {
        tags,
        summary: 'Open a case; repeat safely with the same Idempotency-Key',
        headers: idempotencyKeyHeaderSchema,
        body: createCaseSchema,
        response: { 200: createdCaseSchema, 201: createdCaseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const result = await createCase(
        deps,
        db,
        request,
        principal,
        request.body,
        request.headers['idempotency-key'],
      );
      if (result.replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.status(result.replayed ? 200 : 201).send(result.body);
    },
  );
  r.get(
    '/api/v1/cases',
    {
      schema: {
        tags,
        summary: 'Staff: the cases I may act on, by due time. Applicants: my own cases',
        querystring: listCasesQuerySchema,
        response: { 200: caseListSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const staff = principal.kind === 'staff';
      authorize(!staff || readsBusinessData(principal), 'the officers do not read cases');
      const page = staff
        ? await staffQueue(db, deps.registry, principal, request.query)
        : await applicantCases(db, deps.registry, principal, request.query);
      const facts = await factsFor(db, page.rows);
      if (page.rows.length > 0) {
        await inTransaction(db, request.actor, (tx) =>
          recordEvent(tx, {
            action: 'case.listed',
            outcome: 'success',
            targetType: 'case_record',
            details: { ids: page.rows.map((row) => row.id) },
          }),
        );
      }
      return {
        total: page.total,
        items: page.rows.map((row) => {
          const def = deps.registry.get(row.process_code, row.process_version);
          const f = facts.get(row.id);
          return { ...presentSummary(row, def), allowedActions: f ? allowedActions(principal, def, f) : [] };
        }),
      };
    },
  );
  r.get(
    '/api/v1/cases/:id',
    {
      schema: {
        tags,
        summary: 'A case with its clocks, timeline and the actions open to me',
        params: idParamSchema,
        response: { 200: caseDetailSchema, ...errors },
      },
    },
    async (request) => readCase(deps, db, request, request.params.id, requirePrincipal(request)),
  );
  r.post(
    '/api/v1/cases/:id/actions/:action',
    {
      schema: {
        tags,
        summary: 'Take an action; a wrong one gets 409 with the allowed actions',
        params: caseActionParamsSchema,
        body: caseActionRequestSchema,
        response: { 200: caseDetailSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      // The answer is the case as the action left it, read in the action's own transaction: the
      // action is the audited act, so the read that shows its result is not recorded again.
      return inTransaction(db, request.actor, async (tx) => {
        const row = await performAction(deps, tx, {
          caseId: request.params.id,
          action: request.params.action,
          input: request.body.input,
          expectedVersion: request.body.expectedVersion,
          actor: { kind: 'person', principal },
          now: new Date(),
        });
        const summary = await loadSummaryRow(tx, row.id);
        if (!summary) throw new NotFoundProblem('no such case');
        return loadDetail(deps, tx, summary, principal, await loadFacts(tx, row));
      });
    },
  );
  r.get(
    '/api/v1/track',
    {
      config: { rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Follow a case with its tracking number and lookup code, without an account',
        querystring: trackCaseQuerySchema,
        response: { 200: trackedCaseSchema, ...problemResponses(400, 404, 429) },
      },
    },
    async (request) => trackCase(deps, db, request, request.query.number, request.query.code),
  );
}

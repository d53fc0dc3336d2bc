import {
  applicationDraftSchema,
  createdCaseSchema,
  idempotencyKeyHeaderSchema,
  problemSchema,
  rateCaseSchema,
  ratingSchema,
  saveDraftSchema,
  serviceIdParamSchema,
  statisticsQuerySchema,
  statisticsSchema,
  submitApplicationSchema,
} from '@yiwang/contracts';
import { chinaDateOf } from '@yiwang/standards';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CreateFlowDeps } from '../../cases/create.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { requirePrincipal } from '../../platform/http/authenticate.ts';
import { contentDisposition } from '../../platform/http/download.ts';
import { authorize, NotFoundProblem, problemResponses } from '../../platform/http/problems.ts';
import { saveDraft, submitApplication } from './applications.ts';
import { isApplicant, mayReadStatistics, statisticsCover } from './policy.ts';
import { rateCase } from './ratings.ts';
import { licenceStatistics } from './statistics.ts';
import { statisticsWorkbook } from './workbook.ts';

const tags = ['approval'];
const errors = problemResponses(400, 401, 403, 404, 409);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 好差评 and the figures: the applicant rates, departments and the public read the results. */
export function registerApprovalRoutes(
  app: FastifyInstance,
  db: Db,
  engine: CreateFlowDeps,
  followUpWorkdays: number,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  registerApplicationRoutes(app, db, engine);
  r.post(
    '/api/v1/ratings',
    {
      schema: {
        tags,
        summary: 'Rate a finished transaction (好差评); a bad review needs a reason',
        body: rateCaseSchema,
        response: { 201: ratingSchema, ...errors },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const rating = await inTransaction(db, request.actor, async (tx) =>
        rateCase(
          tx,
          { registry: engine.registry, calendar: await engine.calendars.current(tx), followUpWorkdays },
          principal,
          request.body,
          new Date(),
        ),
      );
      return reply.status(201).send(rating);
    },
  );
  const statistics = async (
    query: z.infer<typeof statisticsQuerySchema>,
    covers?: Parameters<typeof licenceStatistics>[4],
  ) => licenceStatistics(db, await engine.calendars.current(db), query, chinaDateOf(new Date()), covers);
  r.get(
    '/api/v1/approval/statistics',
    {
      schema: {
        tags,
        summary: 'Licensing figures for the departments my statistics roles reach',
        querystring: statisticsQuerySchema,
        response: { 200: statisticsSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      authorize(
        mayReadStatistics(principal),
        'statistics are for statisticians, department heads and supervisors',
      );
      return statistics(request.query, statisticsCover(principal));
    },
  );
  r.get(
    '/api/v1/approval/statistics.xlsx',
    {
      schema: {
        tags,
        summary: 'The same figures as an Excel workbook',
        querystring: statisticsQuerySchema,
        response: { 200: z.any().describe('an .xlsx workbook'), 401: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      authorize(
        mayReadStatistics(principal),
        'statistics are for statisticians, department heads and supervisors',
      );
      const book = await statisticsWorkbook(await statistics(request.query, statisticsCover(principal)));
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition('attachment', '行政许可统计.xlsx'))
        .send(book);
    },
  );
  r.get(
    '/api/v1/approval/statistics/public',
    {
      schema: {
        tags,
        summary: 'Each department’s on-time share, for anyone (政务公开)',
        querystring: statisticsQuerySchema,
        response: { 200: statisticsSchema, 400: problemSchema },
      },
    },
    async (request) => statistics(request.query),
  );
}

/** Applying: drafts kept on the server, and the submission that opens a licence case. */
function registerApplicationRoutes(app: FastifyInstance, db: Db, engine: CreateFlowDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/approval/applications',
    {
      schema: {
        tags,
        summary:
          'Apply for a service: the form is checked against the service’s schema; repeat safely with an Idempotency-Key',
        headers: idempotencyKeyHeaderSchema,
        body: submitApplicationSchema,
        response: {
          200: createdCaseSchema,
          201: createdCaseSchema,
          ...problemResponses(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const result = await submitApplication(
        engine,
        db,
        request,
        requirePrincipal(request),
        request.body,
        request.headers['idempotency-key'],
      );
      if (result.replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.status(result.replayed ? 200 : 201).send(result.body);
    },
  );
  r.get(
    '/api/v1/approval/drafts/:serviceId',
    {
      schema: {
        tags,
        summary: 'My draft application for a service',
        params: serviceIdParamSchema,
        response: { 200: applicationDraftSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      authorize(isApplicant(principal), 'drafts are for applicants');
      const draft = await db
        .selectFrom('application_draft')
        .select(['service_id', 'form', 'updated_at'])
        .where('user_id', '=', principal.userId)
        .where('service_id', '=', request.params.serviceId)
        .executeTakeFirst();
      if (!draft) throw new NotFoundProblem('no draft');
      return { serviceId: draft.service_id, form: draft.form, updatedAt: draft.updated_at.toISOString() };
    },
  );
  r.put(
    '/api/v1/approval/drafts/:serviceId',
    {
      schema: {
        tags,
        summary: 'Keep my draft application on the server',
        params: serviceIdParamSchema,
        body: saveDraftSchema,
        response: { 200: applicationDraftSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      authorize(isApplicant(principal), 'drafts are for applicants');
      return saveDraft(db, request, principal, request.params.serviceId, request.body.form);
    },
  );
}

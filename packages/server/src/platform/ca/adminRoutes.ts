import {
  caOverviewSchema,
  certificateListQuerySchema,
  certificateListSchema,
  certificateSummarySchema,
  idParamSchema,
  issueCertificateSchema,
  revokeCertificateSchema,
} from '@yiwang/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { isOfficer } from '../access/policy.ts';
import { recordEvent } from '../audit/record.ts';
import { inTransaction } from '../db/transaction.ts';
import { requirePrincipal } from '../http/authenticate.ts';
import {
  authorize,
  ConflictProblem,
  HttpProblem,
  NotFoundProblem,
  problemResponses,
} from '../http/problems.ts';
import { caOverview, listCertificates } from './admin.ts';
import { crlUrl } from './authority.ts';
import type { CaServices } from './index.ts';
import { issueHolderCertificate, renewCertificate, revokeCertificate } from './issue.ts';
import { presentCertificate } from './present.ts';

const tags = ['ca'];
const errors = problemResponses(400, 401, 403, 404, 409, 422);

/**
 * The security administrator's CA screens (等保 三员: certificates are security administration):
 * overview, list, issue, renew, revoke. Keys never appear: a certificate is public, its key is not
 * reachable through any of these routes.
 */
export function registerCaAdminRoutes(app: FastifyInstance, ca: CaServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const requireSecurityAdmin = (request: FastifyRequest) => {
    const principal = requirePrincipal(request);
    authorize(isOfficer(principal, 'security_admin'), 'the CA is administered by the security administrator');
    return principal;
  };
  r.get(
    '/api/v1/ca/admin/overview',
    {
      schema: {
        tags,
        summary: 'The CA hierarchies, their CRLs and certificate counts',
        response: { 200: caOverviewSchema, ...errors },
      },
    },
    async (request) => {
      requireSecurityAdmin(request);
      return caOverview(ca.db, (serial) => crlUrl(ca.urls, serial));
    },
  );
  r.get(
    '/api/v1/ca/admin/certificates',
    {
      schema: {
        tags,
        summary: 'Certificates issued by this CA, newest first',
        querystring: certificateListQuerySchema,
        response: { 200: certificateListSchema, ...errors },
      },
    },
    async (request) => {
      requireSecurityAdmin(request);
      const page = await listCertificates(ca.db, request.query);
      await inTransaction(ca.db, request.actor, (tx) =>
        recordEvent(tx, {
          action: 'ca.certificates.read',
          outcome: 'success',
          details: { count: page.items.length },
        }),
      );
      return page;
    },
  );
  r.post(
    '/api/v1/ca/admin/certificates',
    {
      schema: {
        tags,
        summary: 'Issue a seal certificate for a unit or a signing certificate for a person',
        body: issueCertificateSchema,
        response: { 201: certificateSummarySchema, ...errors },
      },
    },
    async (request, reply) => {
      const { userId } = requireSecurityAdmin(request);
      const outcome = await inTransaction(ca.db, request.actor, (tx) =>
        issueHolderCertificate(tx, ca, request.body, userId),
      );
      if (!outcome.ok) throw issueProblem(outcome.code, outcome.detail);
      return reply.code(201).send(presentCertificate(outcome.certificate));
    },
  );
  r.post(
    '/api/v1/ca/admin/certificates/:id/renew',
    {
      schema: {
        tags,
        summary: 'A new key and certificate for the same holder',
        params: idParamSchema,
        response: { 201: certificateSummarySchema, ...errors },
      },
    },
    async (request, reply) => {
      const { userId } = requireSecurityAdmin(request);
      const outcome = await inTransaction(ca.db, request.actor, (tx) =>
        renewCertificate(tx, ca, request.params.id, userId),
      );
      if (!outcome.ok) throw issueProblem(outcome.code, outcome.detail);
      return reply.code(201).send(presentCertificate(outcome.certificate));
    },
  );
  r.post(
    '/api/v1/ca/admin/certificates/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a certificate with a reason; the next CRL is published at once',
        params: idParamSchema,
        body: revokeCertificateSchema,
        response: { 200: certificateSummarySchema, ...errors },
      },
    },
    async (request) => {
      const { userId } = requireSecurityAdmin(request);
      const outcome = await inTransaction(ca.db, request.actor, (tx) =>
        revokeCertificate(tx, ca, request.params.id, request.body.reason, userId),
      );
      if (!outcome.ok) throw issueProblem(outcome.code, outcome.detail);
      return presentCertificate(outcome.certificate);
    },
  );
}

function issueProblem(code: string, detail: string): HttpProblem {
  switch (code) {
    case 'not_found':
    case 'holder_not_found':
      return new NotFoundProblem(detail);
    case 'holder_kind_mismatch':
      return new HttpProblem(422, code, 'The holder cannot have this kind of certificate', { detail });
    default:
      return new ConflictProblem(code, detail);
  }
}

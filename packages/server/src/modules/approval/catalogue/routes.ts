import {
  createServiceSchema,
  listServicesQuerySchema,
  managedServiceListSchema,
  managedServicesQuerySchema,
  problemSchema,
  serviceFacetsSchema,
  serviceGuideQuerySchema,
  serviceListSchema,
  serviceParamsSchema,
  serviceVersionInputSchema,
  serviceVersionListSchema,
  serviceVersionParamsSchema,
  serviceVersionSchema,
} from '@yiwang/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Principal } from '../../../platform/access/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { inTransaction, type Tx } from '../../../platform/db/transaction.ts';
import { requirePrincipal } from '../../../platform/http/authenticate.ts';
import { authorize, NotFoundProblem, problemResponses } from '../../../platform/http/problems.ts';
import { queryWords } from '../../../platform/search/query.ts';
import { canManageService, canReadPublishedServices, managesServices } from './policy.ts';
import { presentSummary, presentVersion } from './present.ts';
import {
  facetCounts,
  findService,
  findVersion,
  listManagedServices,
  listPublishedServices,
  type ServiceRow,
  versionHistory,
} from './queries.ts';
import {
  createService,
  divisionScope,
  loadOwningUnit,
  lockService,
  newDraft,
  publishDraft,
  updateDraft,
} from './service.ts';

const tags = ['services'];
const adminErrors = problemResponses(400, 401, 403, 404, 409);
const place = (s: ServiceRow) => ({
  id: s.owning_unit_id,
  territorialPath: s.territorial_path,
  linePath: s.line_path,
});

/**
 * The service catalogue: the portal's guides (办事指南) for everyone, and the department
 * administrator's drafts, edits and publications for the units their membership reaches.
 */
export function registerServiceCatalogueRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** The manage steps: signed in, a department administrator at all, then over this service's unit. */
  const managed = async <T>(
    request: FastifyRequest,
    serviceId: string,
    work: (tx: Tx, service: ServiceRow, principal: Principal) => Promise<T>,
  ): Promise<T> => {
    const principal = requirePrincipal(request);
    authorize(managesServices(principal));
    const found = await findService(db, serviceId);
    if (!found) throw new NotFoundProblem(`no service ${serviceId}`);
    authorize(
      canManageService(principal, place(found)),
      'the service belongs to a unit you do not administer',
    );
    return inTransaction(db, request.actor, async (tx) =>
      work(tx, await lockService(tx, serviceId), principal),
    );
  };

  r.get(
    '/api/v1/services',
    {
      schema: {
        tags,
        summary: 'Published services (事项清单): by department, theme, life event or place, or searched',
        querystring: listServicesQuerySchema,
        response: { 200: serviceListSchema, 400: problemSchema },
      },
    },
    async (request) => {
      authorize(canReadPublishedServices(request.principal));
      const { q, division } = request.query;
      const words = q ? queryWords(q) : [];
      const { rows, total } = await listPublishedServices(
        db,
        request.query,
        words,
        division ? divisionScope(division) : undefined,
      );
      return { items: rows.map((row) => presentSummary(row, words)), total };
    },
  );
  r.get(
    '/api/v1/services/facets',
    {
      schema: {
        tags,
        summary: 'How many published services each department, theme and life event has',
        response: { 200: serviceFacetsSchema },
      },
    },
    async () => {
      const f = await facetCounts(db);
      return {
        departments: f.departments.map((d) => ({
          id: d.id,
          code: d.code,
          name: { zh: d.name_zh, en: d.name_en },
          count: d.count,
        })),
        themes: f.themes,
        lifeEvents: f.lifeEvents,
      };
    },
  );
  r.get(
    '/api/v1/services/managed',
    {
      schema: {
        tags,
        summary: 'The services of the units a department administrator reaches, with their newest version',
        querystring: managedServicesQuerySchema,
        response: { 200: managedServiceListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      authorize(managesServices(principal));
      const memberships = principal.memberships.filter((m) => m.roleCode === 'dept_admin');
      const { rows, total } = await listManagedServices(db, memberships, request.query);
      return {
        items: rows.map((row) => ({
          id: row.id,
          code: row.code,
          owningUnit: {
            id: row.unit_id,
            code: row.unit_code,
            name: { zh: row.unit_name_zh, en: row.unit_name_en },
          },
          latest: { version: row.version, status: row.status, name: { zh: row.name_zh, en: row.name_en } },
          publishedVersion: row.published_version,
          retiredAt: row.retired_at?.toISOString() ?? null,
        })),
        total,
      };
    },
  );
  r.get(
    '/api/v1/services/:id',
    {
      schema: {
        tags,
        summary: 'A service guide (办事指南): the published version, or an earlier published one',
        params: serviceParamsSchema,
        querystring: serviceGuideQuerySchema,
        response: { 200: serviceVersionSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      authorize(canReadPublishedServices(request.principal));
      const row = await findVersion(db, request.params.id, request.query.version);
      // Drafts are the department's work in progress: not part of the public guide.
      if (!row || row.status === 'draft') throw new NotFoundProblem('no such published service or version');
      return presentVersion(row);
    },
  );
  r.post(
    '/api/v1/services',
    {
      schema: {
        tags,
        summary: 'Define a new service: its code, owning unit and first version, a draft',
        body: createServiceSchema,
        response: { 201: serviceVersionSchema, ...adminErrors },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      authorize(managesServices(principal));
      const row = await inTransaction(db, request.actor, async (tx) => {
        const unit = await loadOwningUnit(tx, request.body.unitId);
        authorize(
          canManageService(principal, {
            id: unit.id,
            territorialPath: unit.territorial_path,
            linePath: unit.line_path,
          }),
          'the unit is not one you administer',
        );
        return createService(tx, principal.userId, request.body);
      });
      return reply.status(201).send(presentVersion(row));
    },
  );
  r.get(
    '/api/v1/services/:id/versions',
    {
      schema: {
        tags,
        summary: 'Every version of a service, newest first, drafts included',
        params: serviceParamsSchema,
        response: { 200: serviceVersionListSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      authorize(managesServices(principal));
      const service = await findService(db, request.params.id);
      if (!service) throw new NotFoundProblem(`no service ${request.params.id}`);
      authorize(
        canManageService(principal, place(service)),
        'the service belongs to a unit you do not administer',
      );
      return { items: (await versionHistory(db, service.id)).map(presentVersion) };
    },
  );
  r.post(
    '/api/v1/services/:id/versions',
    {
      schema: {
        tags,
        summary: 'Start editing: a new draft copied from the newest version (one draft at a time)',
        params: serviceParamsSchema,
        response: { 201: serviceVersionSchema, ...adminErrors },
      },
    },
    async (request, reply) => {
      const row = await managed(request, request.params.id, (tx, service, principal) =>
        newDraft(tx, service, principal.userId),
      );
      return reply.status(201).send(presentVersion(row));
    },
  );
  r.put(
    '/api/v1/services/:id/versions/:version',
    {
      schema: {
        tags,
        summary: 'Replace a draft’s content; a published version is never changed (409 version_published)',
        params: serviceVersionParamsSchema,
        body: serviceVersionInputSchema,
        response: { 200: serviceVersionSchema, ...adminErrors },
      },
    },
    async (request) =>
      presentVersion(
        await managed(request, request.params.id, (tx, service) =>
          updateDraft(tx, service, request.params.version, request.body),
        ),
      ),
  );
  r.post(
    '/api/v1/services/:id/versions/:version/publish',
    {
      schema: {
        tags,
        summary: 'Publish a draft; the version published before is superseded (cases keep theirs)',
        params: serviceVersionParamsSchema,
        response: { 200: serviceVersionSchema, ...adminErrors },
      },
    },
    async (request) =>
      presentVersion(
        await managed(request, request.params.id, (tx, service, principal) =>
          publishDraft(tx, service, request.params.version, principal.userId),
        ),
      ),
  );
}

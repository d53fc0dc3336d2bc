import {
  createOrgUnitSchema,
  idParamSchema,
  listOrgUnitsQuerySchema,
  mergeOrgUnitSchema,
  orgUnitDetailSchema,
  orgUnitListSchema,
  orgUnitSchema,
  problemSchema,
  renameOrgUnitSchema,
  retireOrgUnitSchema,
} from '@yiwang/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { requirePrincipal } from '../../platform/http/authenticate.ts';
import { authorize, NotFoundProblem, problemResponses } from '../../platform/http/problems.ts';
import { canChangeOrgTree } from './policy.ts';
import { ancestorsOnPath, findUnit, listUnits, nameHistory } from './queries.ts';
import { addDepartment, mergeUnit, presentUnit, renameUnit, retireUnit } from './service.ts';

const tags = ['orgs'];
const errors = problemResponses(400, 401, 403, 404, 409);
const brief = (r: { id: string; code: string; name_zh: string; name_en: string }) => ({
  id: r.id,
  code: r.code,
  name: { zh: r.name_zh, en: r.name_en },
});

export function registerOrgRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/orgs/units',
    {
      schema: {
        tags,
        summary: 'Browse or search the territorial (块) and line (条) trees',
        querystring: listOrgUnitsQuerySchema,
        response: { 200: orgUnitListSchema, 400: problemSchema },
      },
    },
    async (request) => ({ items: (await listUnits(db, request.query)).map(presentUnit) }),
  );
  r.get(
    '/api/v1/orgs/units/:id',
    {
      schema: {
        tags,
        summary: 'One unit with its ancestors in both trees and its former names',
        params: idParamSchema,
        response: { 200: orgUnitDetailSchema, ...errors },
      },
    },
    async (request) => {
      const unit = await findUnit(db, request.params.id);
      if (!unit) throw new NotFoundProblem();
      const [territorial, line, names] = await Promise.all([
        ancestorsOnPath(db, unit.territorial_path),
        ancestorsOnPath(db, unit.line_path),
        nameHistory(db, unit.id),
      ]);
      return {
        unit: presentUnit(unit),
        territorialAncestors: territorial.map(brief),
        lineAncestors: line.map(brief),
        nameHistory: names.map((n) => ({
          name: { zh: n.name_zh, en: n.name_en },
          validFrom: n.valid_from,
          validTo: n.valid_to,
          reason: n.reason,
        })),
      };
    },
  );
  r.post(
    '/api/v1/orgs/units',
    {
      schema: {
        tags,
        summary: 'Add a department',
        body: createOrgUnitSchema,
        response: { 201: orgUnitSchema, ...errors },
      },
    },
    async (request, reply) => {
      authorize(canChangeOrgTree(requirePrincipal(request)));
      const unit = await inTransaction(db, request.actor, (tx) => addDepartment(tx, request.body));
      return reply.status(201).send(presentUnit(unit));
    },
  );
  r.post(
    '/api/v1/orgs/units/:id/rename',
    {
      schema: {
        tags,
        summary: 'Rename a unit from a date, keeping the old name',
        params: idParamSchema,
        body: renameOrgUnitSchema,
        response: { 200: orgUnitSchema, ...errors },
      },
    },
    async (request) => {
      authorize(canChangeOrgTree(requirePrincipal(request)));
      return presentUnit(
        await inTransaction(db, request.actor, (tx) => renameUnit(tx, request.params.id, request.body)),
      );
    },
  );
  r.post(
    '/api/v1/orgs/units/:id/retire',
    {
      schema: {
        tags,
        summary: 'Retire a unit, naming its successor',
        params: idParamSchema,
        body: retireOrgUnitSchema,
        response: { 200: orgUnitSchema, ...errors },
      },
    },
    async (request) => {
      authorize(canChangeOrgTree(requirePrincipal(request)));
      return presentUnit(
        await inTransaction(db, request.actor, (tx) => retireUnit(tx, request.params.id, request.body)),
      );
    },
  );
  r.post(
    '/api/v1/orgs/units/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge a unit into another: it retires and its units move',
        params: idParamSchema,
        body: mergeOrgUnitSchema,
        response: { 200: orgUnitSchema, ...errors },
      },
    },
    async (request) => {
      authorize(canChangeOrgTree(requirePrincipal(request)));
      return presentUnit(
        await inTransaction(db, request.actor, (tx) => mergeUnit(tx, request.params.id, request.body)),
      );
    },
  );
}

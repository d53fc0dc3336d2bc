import {
  createRoleSchema,
  createStaffSchema,
  grantMembershipSchema,
  idParamSchema,
  listUsersQuerySchema,
  registerBusinessSchema,
  registerCitizenSchema,
  registrationResultSchema,
  roleListSchema,
  roleSchema,
  staffCreatedSchema,
  unmaskedSchema,
  unmaskQuerySchema,
  userListSchema,
} from '@yiwang/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../platform/db/transaction.ts';
import { requirePrincipal } from '../../platform/http/authenticate.ts';
import {
  authorize,
  ConflictProblem,
  NotFoundProblem,
  problemResponses,
} from '../../platform/http/problems.ts';
import { revealPersonalField } from '../../platform/pii.ts';
import type { PlatformServices } from '../../platform/services.ts';
import { canManageAccounts, canRevealPersonalData, canVerifyIdentity } from './policy.ts';
import { registerBusiness, registerCitizen } from './registration.ts';
import { createStaff, grantMembership, listUsers, revokeMembership } from './staff.ts';

const tags = ['identity'];
const errors = problemResponses(400, 401, 403, 404, 409);
const registrationLimit = { rateLimit: { max: 10, timeWindow: 60_000 } };

export function registerIdentityAdminRoutes(app: FastifyInstance, s: PlatformServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/register/citizen',
    {
      schema: {
        tags,
        summary: 'Register as a citizen (real name, resident ID number)',
        body: registerCitizenSchema,
        response: { 201: registrationResultSchema, ...errors },
      },
      config: registrationLimit,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await inTransaction(s.db, request.actor, (tx) => registerCitizen(tx, s, request.body))),
  );
  r.post(
    '/api/v1/register/business',
    {
      schema: {
        tags,
        summary: 'Register as a business (unified social credit code)',
        body: registerBusinessSchema,
        response: { 201: registrationResultSchema, ...errors },
      },
      config: registrationLimit,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await inTransaction(s.db, request.actor, (tx) => registerBusiness(tx, s, request.body))),
  );
  r.get(
    '/api/v1/admin/users',
    {
      schema: {
        tags,
        summary: 'Find accounts (personal data masked)',
        querystring: listUsersQuerySchema,
        response: { 200: userListSchema, ...errors },
      },
    },
    async (request) => {
      authorize(canManageAccounts(requirePrincipal(request)));
      return { items: await listUsers(s.db, request.query) };
    },
  );
  r.post(
    '/api/v1/admin/users',
    {
      schema: {
        tags,
        summary: 'Create a staff account; its initial password is shown once',
        body: createStaffSchema,
        response: { 201: staffCreatedSchema, ...errors },
      },
    },
    async (request, reply) => {
      authorize(canManageAccounts(requirePrincipal(request)));
      return reply
        .status(201)
        .send(await inTransaction(s.db, request.actor, (tx) => createStaff(tx, s, request.body)));
    },
  );
  r.post(
    '/api/v1/admin/users/:id/memberships',
    {
      schema: {
        tags,
        summary: 'Grant a role in a unit with a reach',
        params: idParamSchema,
        body: grantMembershipSchema,
        response: { 201: z.object({ id: z.uuid() }), ...errors },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      authorize(canManageAccounts(p));
      const id = await inTransaction(s.db, request.actor, (tx) =>
        grantMembership(tx, request.params.id, request.body, p.userId),
      );
      return reply.status(201).send({ id });
    },
  );
  r.post(
    '/api/v1/admin/users/:id/memberships/:membershipId/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a membership',
        params: z.strictObject({ id: z.uuid(), membershipId: z.uuid() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      authorize(canManageAccounts(requirePrincipal(request)));
      await inTransaction(s.db, request.actor, (tx) =>
        revokeMembership(tx, request.params.id, request.params.membershipId),
      );
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/api/v1/admin/users/:id/unlock',
    {
      schema: {
        tags,
        summary: 'Lift a lockout',
        params: idParamSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      authorize(canManageAccounts(requirePrincipal(request)));
      const done = await inTransaction(s.db, request.actor, (tx) =>
        tx
          .updateTable('app_user')
          .set({ locked_until: null, failed_logins: 0 })
          .where('id', '=', request.params.id)
          .executeTakeFirst(),
      );
      if (Number(done.numUpdatedRows) === 0) throw new NotFoundProblem();
      return reply.status(204).send(null);
    },
  );
  r.get(
    '/api/v1/admin/roles',
    {
      schema: {
        tags,
        summary: 'The roles, built in and added',
        response: { 200: roleListSchema, ...errors },
      },
    },
    async (request) => {
      authorize(canManageAccounts(requirePrincipal(request)));
      const rows = await s.db
        .selectFrom('role')
        .selectAll()
        .orderBy('builtin', 'desc')
        .orderBy('code')
        .execute();
      return {
        items: rows.map((row) => ({
          code: row.code,
          name: { zh: row.name_zh, en: row.name_en },
          officer: row.officer,
          builtin: row.builtin,
        })),
      };
    },
  );
  r.post(
    '/api/v1/admin/roles',
    {
      schema: {
        tags,
        summary: 'Add a role',
        body: createRoleSchema,
        response: { 201: roleSchema, ...errors },
      },
    },
    async (request, reply) => {
      authorize(canManageAccounts(requirePrincipal(request)));
      const { code, nameZh, nameEn } = request.body;
      await inTransaction(s.db, request.actor, (tx) =>
        tx.insertInto('role').values({ code, name_zh: nameZh, name_en: nameEn, officer: null }).execute(),
      ).catch((e: { code?: string }) => {
        if (e.code === '23505') throw new ConflictProblem('role_exists', `the role ${code} exists`);
        throw e;
      });
      return reply
        .status(201)
        .send({ code, name: { zh: nameZh, en: nameEn }, officer: null, builtin: false });
    },
  );
  r.post(
    '/api/v1/users/:id/verify',
    {
      schema: {
        tags,
        summary: 'Mark an account verified: its holder showed their documents at a window',
        params: idParamSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      authorize(canVerifyIdentity(requirePrincipal(request)));
      const done = await inTransaction(s.db, request.actor, (tx) =>
        tx
          .updateTable('app_user')
          .set({ verification_level: 'staff_checked' })
          .where('id', '=', request.params.id)
          .where('kind', '<>', 'staff')
          .executeTakeFirst(),
      );
      if (Number(done.numUpdatedRows) === 0) throw new NotFoundProblem();
      return reply.status(204).send(null);
    },
  );
  r.get(
    '/api/v1/users/:id/personal',
    {
      schema: {
        tags,
        summary: 'Unmask one personal field (audited)',
        params: idParamSchema,
        querystring: unmaskQuerySchema,
        response: { 200: unmaskedSchema, ...errors },
      },
    },
    async (request) => {
      authorize(canRevealPersonalData(requirePrincipal(request)));
      const value = await inTransaction(s.db, request.actor, (tx) =>
        revealPersonalField(tx, s.cipher, request.params.id, request.query.field),
      );
      return { field: request.query.field, value };
    },
  );
}

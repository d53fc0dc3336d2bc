import {
  changePasswordSchema,
  loginResultSchema,
  loginSchema,
  meSchema,
  recoveryCodesSchema,
  secondFactorSchema,
  sessionListSchema,
  totpEnrolmentSchema,
} from '@yiwang/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkPassword } from '../../platform/auth/login.ts';
import {
  confirmTotpEnrolment,
  passSecondFactor,
  startTotpEnrolment,
  wrongCode,
} from '../../platform/auth/secondFactor.ts';
import {
  endAllSessions,
  endSessionByHash,
  type LoadedSession,
  listSessions,
  openSession,
  rotateSession,
} from '../../platform/auth/sessions.ts';
import type { SessionStage } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { clearSessionCookie, setSessionCookie } from '../../platform/http/authenticate.ts';
import {
  ConflictProblem,
  HttpProblem,
  problemResponses,
  UnauthenticatedProblem,
} from '../../platform/http/problems.ts';
import type { PlatformServices } from '../../platform/services.ts';
import { changePassword, describeMe, stageAfterSecondFactor } from './account.ts';

const tags = ['identity'];
const errors = problemResponses(400, 401, 403, 409, 429);

/** The session at one of the given sign-in steps, or a 401 / 409 that says which step is due. */
function requireStage(request: FastifyRequest, stages: SessionStage[]): LoadedSession {
  const session = request.userSession;
  if (!session) throw new UnauthenticatedProblem();
  if (!stages.includes(session.stage)) {
    throw new ConflictProblem('wrong_sign_in_step', `this session is at the step "${session.stage}"`, [
      session.stage,
    ]);
  }
  return session;
}

const client = (request: FastifyRequest) => ({
  clientIp: request.ip,
  userAgent: request.headers['user-agent'] ?? null,
});

export function registerAuthRoutes(app: FastifyInstance, s: PlatformServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const advance = async (
    request: FastifyRequest,
    reply: FastifyReply,
    session: LoadedSession,
    stage: SessionStage,
  ) => {
    const opened = await inTransaction(s.db, request.actor, (tx) =>
      rotateSession(tx, session, stage, client(request), s.security.session),
    );
    setSessionCookie(request, reply, opened, s.security);
    return { stage, csrfToken: opened.csrfToken };
  };

  r.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in with a password (step 1)',
        body: loginSchema,
        response: { 200: loginResultSchema, ...errors },
      },
      config: { csrf: false },
    },
    async (request, reply) => {
      const result = await checkPassword(s.db, s.cipher, s.security, request.body, request.actor);
      if (!result.ok && result.reason === 'too_many_attempts')
        throw new HttpProblem(429, 'too_many_attempts', 'Too many sign-in attempts');
      if (!result.ok)
        throw new HttpProblem(
          401,
          'invalid_credentials',
          'Wrong user name or password, or the account is locked',
        );
      if (request.userSession) await endSessionByHash(s.db, request.userSession.idHash, 'replaced');
      const opened = await inTransaction(s.db, { ...request.actor, userId: result.userId }, (tx) =>
        openSession(
          tx,
          { userId: result.userId, stage: result.stage, ...client(request) },
          s.security.session,
        ),
      );
      setSessionCookie(request, reply, opened, s.security);
      return { stage: result.stage, csrfToken: opened.csrfToken };
    },
  );

  r.post(
    '/api/v1/auth/second-factor',
    {
      schema: {
        tags,
        summary: 'Pass the second factor (step 2): a TOTP or recovery code',
        body: secondFactorSchema,
        response: { 200: loginResultSchema, ...errors },
      },
    },
    async (request, reply) => {
      const session = requireStage(request, ['second_factor']);
      const ok = await inTransaction(s.db, request.actor, (tx) =>
        passSecondFactor(tx, s, session.userId, request.body.code),
      );
      if (!ok) throw wrongCode();
      const stage = await inTransaction(s.db, request.actor, (tx) =>
        stageAfterSecondFactor(tx, s, session.userId),
      );
      return advance(request, reply, session, stage);
    },
  );

  r.post(
    '/api/v1/auth/second-factor/enrolment',
    {
      schema: {
        tags,
        summary: 'Start enrolling an authenticator app',
        response: { 200: totpEnrolmentSchema, ...errors },
      },
    },
    async (request) => {
      const session = requireStage(request, ['enrol_second_factor', 'complete']);
      return inTransaction(s.db, request.actor, async (tx) => {
        const user = await tx
          .selectFrom('app_user')
          .select(['username', 'display_name'])
          .where('id', '=', session.userId)
          .executeTakeFirstOrThrow();
        return startTotpEnrolment(tx, s, session.userId, user.username ?? user.display_name);
      });
    },
  );

  r.post(
    '/api/v1/auth/second-factor/enrolment/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm the authenticator with a code; returns recovery codes once',
        body: secondFactorSchema,
        response: { 200: recoveryCodesSchema, ...errors },
      },
    },
    async (request, reply) => {
      const session = requireStage(request, ['enrol_second_factor', 'complete']);
      const codes = await inTransaction(s.db, request.actor, (tx) =>
        confirmTotpEnrolment(tx, s, session.userId, request.body.code),
      );
      const stage = await inTransaction(s.db, request.actor, (tx) =>
        stageAfterSecondFactor(tx, s, session.userId),
      );
      return { recoveryCodes: codes, ...(await advance(request, reply, session, stage)) };
    },
  );

  r.post(
    '/api/v1/auth/password',
    {
      schema: {
        tags,
        summary: 'Change the password (required at first sign-in and when expired)',
        body: changePasswordSchema,
        response: { 200: loginResultSchema, ...errors },
      },
    },
    async (request, reply) => {
      const session = requireStage(request, ['password_change', 'complete']);
      await inTransaction(s.db, request.actor, async (tx) => {
        await changePassword(tx, s, session.userId, request.body);
        await endAllSessions(tx, session.userId, 'password_changed');
      });
      return advance(request, reply, session, 'complete');
    },
  );

  r.post(
    '/api/v1/auth/logout',
    { schema: { tags, summary: 'Sign out', response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      if (request.userSession) {
        const session = request.userSession;
        await inTransaction(s.db, request.actor, (tx) => endSessionByHash(tx, session.idHash, 'logout'));
      }
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/me',
    {
      schema: {
        tags,
        summary: 'Who I am, at which sign-in step, and my CSRF token',
        response: { 200: meSchema, ...errors },
      },
    },
    async (request) => {
      const session = request.userSession;
      if (!session) throw new UnauthenticatedProblem();
      return describeMe(s.db, session);
    },
  );

  r.get(
    '/api/v1/me/sessions',
    { schema: { tags, summary: 'My open sessions', response: { 200: sessionListSchema, ...errors } } },
    async (request) => {
      const session = requireStage(request, ['complete']);
      const rows = await listSessions(s.db, session.userId);
      return {
        items: rows.map((row) => ({
          id: row.id_hash.subarray(0, 6).toString('hex'),
          current: row.id_hash.equals(session.idHash),
          createdAt: row.created_at.toISOString(),
          lastSeenAt: row.last_seen_at.toISOString(),
          clientIp: row.client_ip,
          userAgent: row.user_agent,
        })),
      };
    },
  );

  r.post(
    '/api/v1/me/sessions/end-all',
    {
      schema: {
        tags,
        summary: 'End every session of mine, this one included',
        response: { 200: z.object({ ended: z.number().int() }), ...errors },
      },
    },
    async (request, reply) => {
      const session = requireStage(request, ['complete']);
      const ended = await inTransaction(s.db, request.actor, (tx) =>
        endAllSessions(tx, session.userId, 'ended_by_user'),
      );
      clearSessionCookie(reply);
      return { ended };
    },
  );
}

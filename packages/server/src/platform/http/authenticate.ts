import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SecuritySettings } from '../../config.ts';
import { loadPrincipal, type Principal } from '../access/principal.ts';
import { type LoadedSession, loadSession, type OpenedSession } from '../auth/sessions.ts';
import type { Db } from '../db/database.ts';
import type { ActorContext } from '../db/transaction.ts';
import { ForbiddenProblem, UnauthenticatedProblem } from './problems.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, once every sign-in step is done. */
    principal?: Principal;
    /** The session of the cookie, at whatever sign-in step it stands. */
    userSession?: LoadedSession;
    /** Who acts and from where, for the audit trail of every transaction of this request. */
    actor: ActorContext;
  }
  interface FastifyContextConfig {
    /** Routes that a session cookie alone may call without the CSRF header (signing in). */
    csrf?: false;
  }
}

export const SESSION_COOKIE = 'yiwang_session';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Reads the session cookie on every request. State-changing requests that carry a session
 * must also carry its CSRF token in `X-CSRF-Token`: a forged cross-site form cannot.
 */
export async function registerAuthentication(app: FastifyInstance, db: Db, security: SecuritySettings) {
  await app.register(cookie);
  app.decorateRequest('principal', undefined);
  app.decorateRequest('userSession', undefined);
  app.decorateRequest('actor', undefined as unknown as ActorContext);
  app.addHook('onRequest', async (request) => {
    request.actor = { clientIp: request.ip, requestId: String(request.id) };
    const id = request.cookies[SESSION_COOKIE];
    if (!id || !request.url.startsWith('/api/')) return;
    const session = await loadSession(db, id, security.session);
    if (!session) return;
    if (STATE_CHANGING.has(request.method) && request.routeOptions.config.csrf !== false) {
      if (request.headers['x-csrf-token'] !== session.csrfToken) {
        throw new ForbiddenProblem('csrf_failed', 'the X-CSRF-Token header is missing or wrong');
      }
    }
    request.userSession = session;
    request.actor.userId = session.userId;
    if (session.stage === 'complete') request.principal = await loadPrincipal(db, session.userId);
  });
}

/** The authenticate step of a handler: the signed-in person, or a 401. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new UnauthenticatedProblem();
  return request.principal;
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  session: OpenedSession,
  security: SecuritySettings,
) {
  const secure =
    security.secureCookies === 'always' ||
    (security.secureCookies === 'auto' && request.protocol === 'https');
  reply.setCookie(SESSION_COOKIE, session.id, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

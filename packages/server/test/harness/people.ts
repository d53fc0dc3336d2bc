import type { FastifyInstance, InjectOptions } from 'fastify';
import { openSession } from '../../src/platform/auth/sessions.ts';
import type { Db } from '../../src/platform/db/database.ts';
import { inTransaction } from '../../src/platform/db/transaction.ts';
import type { PlatformServices } from '../../src/platform/services.ts';
import { seedDemo } from '../../src/seed.ts';
import { createTestApp, testServices } from './testApp.ts';
import { createTestDatabase, type TestDatabase } from './testDb.ts';

export type Caller = { userId: string; headers: Record<string, string> };

/** The demo organisations and accounts, as a fresh installation in demo mode has them. */
export async function seedPeople(services: PlatformServices): Promise<void> {
  await seedDemo(services);
}

export async function userIdOf(db: Db, username: string): Promise<string> {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A signed-in session made directly, without the sign-in steps (those have tests of their own). */
export async function sessionFor(services: PlatformServices, userId: string): Promise<Caller> {
  const opened = await inTransaction(services.db, { userId }, (tx) =>
    openSession(
      tx,
      { userId, stage: 'complete', clientIp: '127.0.0.1', userAgent: 'test' },
      services.security.session,
    ),
  );
  return { userId, headers: { cookie: `yiwang_session=${opened.id}`, 'x-csrf-token': opened.csrfToken } };
}

export async function signedIn(services: PlatformServices, username: string): Promise<Caller> {
  return sessionFor(services, await userIdOf(services.db, username));
}

/** Calls the app as a caller: their cookie and CSRF header on every request. */
export function as(app: FastifyInstance, caller: Caller | undefined) {
  return (options: InjectOptions) =>
    app.inject({ ...options, headers: { ...(options.headers ?? {}), ...(caller?.headers ?? {}) } });
}

export function cookieFrom(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie.join('; ') : (setCookie ?? '');
  const match = /yiwang_session=([^;]+)/.exec(header);
  if (!match?.[1]) throw new Error(`no session cookie in ${header}`);
  return match[1];
}

export type DemoWorld = {
  t: TestDatabase;
  s: PlatformServices;
  app: FastifyInstance;
  close(): Promise<void>;
};

/** A fresh database with the demo organisations and people, and the app over it. */
export async function demoWorld(): Promise<DemoWorld> {
  const t = await createTestDatabase();
  const s = testServices(t.db);
  await seedPeople(s);
  const app = await createTestApp(t.db, { services: s });
  return {
    t,
    s,
    app,
    close: async () => {
      await app.close();
      await t.destroy();
    },
  };
}

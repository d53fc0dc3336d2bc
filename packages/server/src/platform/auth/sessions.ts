import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { SessionStage } from '../db/schema.ts';
import type { Tx } from '../db/transaction.ts';

export type SessionSettings = { idleMinutes: number; absoluteHours: number };

export type OpenedSession = { id: string; csrfToken: string; expiresAt: Date };

export type LoadedSession = {
  idHash: Buffer;
  userId: string;
  stage: SessionStage;
  csrfToken: string;
  createdAt: Date;
};

// Activity is written at most once a minute: enough for a 30-minute idle limit, and no write per request.
const TOUCH_AFTER_MS = 60_000;

/** The database keeps only a hash: a copy of the table cannot be replayed as cookies. */
export function sessionIdHash(id: string): Buffer {
  return createHash('sha256').update(id).digest();
}

export async function openSession(
  tx: Tx,
  input: { userId: string; stage: SessionStage; clientIp: string | null; userAgent: string | null },
  settings: SessionSettings,
): Promise<OpenedSession> {
  const id = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + settings.idleMinutes * 60_000);
  await tx
    .insertInto('user_session')
    .values({
      id_hash: sessionIdHash(id),
      user_id: input.userId,
      stage: input.stage,
      csrf_token: csrfToken,
      expires_at: expiresAt,
      client_ip: input.clientIp,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { id, csrfToken, expiresAt };
}

/**
 * The live session of a cookie, or nothing. A session idle past its limit, or older than the
 * absolute limit, is ended here and then, with the reason recorded.
 */
export async function loadSession(
  db: Db,
  id: string,
  settings: SessionSettings,
): Promise<LoadedSession | undefined> {
  const idHash = sessionIdHash(id);
  const row = await db
    .selectFrom('user_session')
    .select(['user_id', 'stage', 'csrf_token', 'created_at', 'last_seen_at', 'expires_at'])
    .where('id_hash', '=', idHash)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const now = Date.now();
  const tooOld = now - row.created_at.getTime() > settings.absoluteHours * 3_600_000;
  if (row.expires_at.getTime() <= now || tooOld) {
    await endSessionByHash(db, idHash, tooOld ? 'absolute_limit' : 'idle');
    return undefined;
  }
  if (now - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
    await db
      .updateTable('user_session')
      .set({ last_seen_at: new Date(now), expires_at: new Date(now + settings.idleMinutes * 60_000) })
      .where('id_hash', '=', idHash)
      .execute();
  }
  return {
    idHash,
    userId: row.user_id,
    stage: row.stage,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
  };
}

export async function endSessionByHash(db: Db | Tx, idHash: Buffer, reason: string): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ ended_at: new Date(), end_reason: reason })
    .where('id_hash', '=', idHash)
    .where('ended_at', 'is', null)
    .execute();
}

export async function endAllSessions(tx: Tx, userId: string, reason: string): Promise<number> {
  const result = await tx
    .updateTable('user_session')
    .set({ ended_at: new Date(), end_reason: reason })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * A new session id at every change of privilege (second factor passed, password changed), so a
 * session id planted before the change is worth nothing after it.
 */
export async function rotateSession(
  tx: Tx,
  old: LoadedSession,
  stage: SessionStage,
  client: { clientIp: string | null; userAgent: string | null },
  settings: SessionSettings,
): Promise<OpenedSession> {
  await endSessionByHash(tx, old.idHash, 'rotated');
  return openSession(tx, { userId: old.userId, stage, ...client }, settings);
}

export function listSessions(db: Db, userId: string) {
  return db
    .selectFrom('user_session')
    .select(['id_hash', 'created_at', 'last_seen_at', 'client_ip', 'user_agent', 'stage'])
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .where('expires_at', '>', new Date())
    .orderBy('last_seen_at', 'desc')
    .execute();
}

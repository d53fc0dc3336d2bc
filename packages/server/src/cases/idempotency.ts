import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Db } from '../platform/db/database.ts';
import { type ActorContext, inTransaction, type Tx } from '../platform/db/transaction.ts';
import { HttpProblem } from '../platform/http/problems.ts';

export type StoredResult<T> = { status: number; body: T };

const UNIQUE_VIOLATION = '23505';

function requestHash(body: unknown): Buffer {
  return createHash('sha256')
    .update(canonicalize(body) ?? '')
    .digest();
}

async function replay<T>(
  db: Db,
  userId: string,
  key: string,
  hash: Buffer,
): Promise<StoredResult<T> | undefined> {
  const stored = await db
    .selectFrom('idempotency_record')
    .select(['request_hash', 'status_code', 'response'])
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!stored) return undefined;
  if (!stored.request_hash.equals(hash)) {
    throw new HttpProblem(422, 'idempotency_key_reused', 'Idempotency key reused', {
      detail: 'this Idempotency-Key was used for a different request',
      errors: [
        { field: 'headers.idempotency-key', code: 'reused', message: 'use a new key for a new request' },
      ],
    });
  }
  return { status: stored.status_code, body: stored.response as T };
}

/**
 * Runs a create once per client key: a repeat with the same key and body gets the first result
 * and creates nothing; the same key with another body is refused. The record is written in the
 * creating transaction, so a crash never leaves a result without its record or the reverse. Two
 * repeats racing each other meet at the primary key, and the loser replays the winner.
 */
export async function oncePerKey<T, P>(
  db: Db,
  actor: ActorContext,
  scope: { userId: string; key: string | undefined; body: unknown },
  prepare: () => Promise<P>,
  run: (tx: Tx, prepared: P) => Promise<StoredResult<T>>,
  seal: (body: T) => unknown = (b) => b,
  unseal: (stored: unknown) => T = (s) => s as T,
): Promise<StoredResult<T> & { replayed: boolean }> {
  const { userId, key } = scope;
  if (!key) {
    const prepared = await prepare();
    return { ...(await inTransaction(db, actor, (tx) => run(tx, prepared))), replayed: false };
  }
  const hash = requestHash(scope.body);
  const earlier = await replay<unknown>(db, userId, key, hash);
  if (earlier) return { status: earlier.status, body: unseal(earlier.body), replayed: true };
  // Work that needs its own connection (a counter) is done before the transaction takes one, so a
  // full pool can never wait on itself.
  const prepared = await prepare();
  try {
    const result = await inTransaction(db, actor, async (tx) => {
      const outcome = await run(tx, prepared);
      await tx
        .insertInto('idempotency_record')
        .values({
          user_id: userId,
          key,
          request_hash: hash,
          status_code: outcome.status,
          response: JSON.stringify(seal(outcome.body)),
        })
        .execute();
      return outcome;
    });
    return { ...result, replayed: false };
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    const winner = await replay<unknown>(db, userId, key, hash);
    if (!winner) throw error;
    return { status: winner.status, body: unseal(winner.body), replayed: true };
  }
}

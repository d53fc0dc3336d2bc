import type { CreateSiteFeedback, ListArticlesQuery } from '@yiwang/contracts';
import { sql } from 'kysely';
import { readableBy } from '../../platform/access/classification/sql.ts';
import type { Principal } from '../../platform/access/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { matchesWords } from '../../platform/search/query.ts';

/**
 * Published articles the caller may read. The classification rule and the search are both in
 * the query, so the page, the total and an export hold only readable articles.
 */
function readableArticles(
  db: Db,
  principal: Principal | undefined,
  query: ListArticlesQuery,
  words: string[],
) {
  let q = db
    .selectFrom('portal_article as a')
    .where('a.published_at', '<=', new Date())
    .where(readableBy(principal, 'a'));
  if (query.category) q = q.where('a.category', '=', query.category);
  if (words.length > 0) q = q.where(matchesWords('a.search_vector', words));
  return q;
}

export async function listReadableArticles(
  db: Db,
  principal: Principal | undefined,
  query: ListArticlesQuery,
  words: string[],
) {
  const base = readableArticles(db, principal, query, words);
  const [rows, count] = await Promise.all([
    base
      .selectAll('a')
      .orderBy('a.published_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(query.limit)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

export function insertSiteFeedback(
  db: Db,
  row: CreateSiteFeedback & { id: string; trackingCode: string; requestId: string },
) {
  return db
    .insertInto('site_feedback')
    .values({
      id: row.id,
      tracking_code: row.trackingCode,
      page: row.page,
      category: row.category,
      description: row.description,
      request_id: row.requestId,
    })
    .returning(['tracking_code', 'received_at'])
    .executeTakeFirstOrThrow();
}

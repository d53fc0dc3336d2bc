import type { CreateSiteFeedback, ListArticlesQuery } from '@yiwang/contracts';
import type { Db } from '../../platform/db/database.ts';

export function listPublishedArticles(db: Db, query: ListArticlesQuery) {
  let q = db
    .selectFrom('portal_article')
    .selectAll()
    .where('published_at', '<=', new Date())
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit);
  if (query.category) q = q.where('category', '=', query.category);
  return q.execute();
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

import {
  articleListSchema,
  createSiteFeedbackSchema,
  listArticlesQuerySchema,
  problemSchema,
  siteFeedbackReceiptSchema,
} from '@yiwang/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordClassifiedReads } from '../../platform/access/classification/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { queryWords } from '../../platform/search/query.ts';
import { listReadableArticles } from './queries.ts';
import { articlesToCsv, presentArticle, receiveSiteFeedback } from './service.ts';

const tags = ['portal'];

/**
 * The portal's articles: public ones for everyone; a signed-in person also sees the internal
 * notices the classification rule lets them read, and each such reading is audited.
 */
export function registerPortalRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/portal/articles',
    {
      schema: {
        tags,
        summary: 'Published news and notices the caller may read, newest first; search with highlights',
        querystring: listArticlesQuerySchema,
        response: { 200: articleListSchema, 400: problemSchema },
      },
    },
    async (request) => {
      const words = request.query.q ? queryWords(request.query.q) : [];
      const { rows, total } = await listReadableArticles(db, request.principal, request.query, words);
      await recordClassifiedReads(db, request.actor, 'portal_article', rows);
      return { items: rows.map((row) => presentArticle(row, words)), total };
    },
  );
  r.get(
    '/api/v1/portal/articles.csv',
    {
      schema: {
        tags,
        summary: 'The same list as CSV (at most 50 rows): what the caller may read, nothing more',
        querystring: listArticlesQuerySchema,
        response: { 200: z.string(), 400: problemSchema },
      },
    },
    async (request, reply) => {
      const words = request.query.q ? queryWords(request.query.q) : [];
      const { rows } = await listReadableArticles(db, request.principal, request.query, words);
      await recordClassifiedReads(db, request.actor, 'portal_article', rows);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="yiwang-articles.csv"')
        .send(articlesToCsv(rows));
    },
  );
  r.post(
    '/api/v1/portal/site-feedback',
    {
      schema: {
        tags,
        summary: 'Report an error on the site (网站纠错)',
        body: createSiteFeedbackSchema,
        response: { 201: siteFeedbackReceiptSchema, 400: problemSchema, 413: problemSchema },
      },
      config: { rateLimit: { max: 10, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const receipt = await receiveSiteFeedback(db, request.body, String(request.id));
      return reply.status(201).send(receipt);
    },
  );
}

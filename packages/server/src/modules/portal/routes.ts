import {
  articleListSchema,
  createSiteFeedbackSchema,
  listArticlesQuerySchema,
  problemSchema,
  siteFeedbackReceiptSchema,
} from '@yiwang/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/database.ts';
import { listPublishedArticles } from './queries.ts';
import { presentArticle, receiveSiteFeedback } from './service.ts';

const tags = ['portal'];

/** The public portal's own data: open to everyone, so no policy beyond the rate limit. */
export function registerPortalRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/portal/articles',
    {
      schema: {
        tags,
        summary: 'Published news and notices, newest first',
        querystring: listArticlesQuerySchema,
        response: { 200: articleListSchema, 400: problemSchema },
      },
    },
    async (request) => {
      const rows = await listPublishedArticles(db, request.query);
      return { items: rows.map(presentArticle) };
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

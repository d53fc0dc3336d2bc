import { z } from 'zod';

export const articleCategorySchema = z.enum(['news', 'notice']);

/** A public article on the portal's home page. Both languages are sent; the page picks one. */
export const portalArticleSchema = z.object({
  id: z.uuid(),
  category: articleCategorySchema,
  title: z.object({ zh: z.string(), en: z.string() }),
  summary: z.object({ zh: z.string(), en: z.string() }),
  publisher: z.object({ zh: z.string(), en: z.string() }),
  publishedAt: z.iso.datetime({ offset: true }),
});
export type PortalArticle = z.infer<typeof portalArticleSchema>;

export const listArticlesQuerySchema = z.strictObject({
  category: articleCategorySchema.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type ListArticlesQuery = z.infer<typeof listArticlesQuerySchema>;

export const articleListSchema = z.object({ items: z.array(portalArticleSchema) });
export type ArticleList = z.infer<typeof articleListSchema>;

/** 网站纠错: anyone may report a broken link or a wrong statement on a government site. */
export const siteFeedbackCategorySchema = z.enum(['broken_link', 'wrong_content', 'accessibility', 'other']);

export const createSiteFeedbackSchema = z.strictObject({
  page: z.string().trim().min(1).max(500).startsWith('/'),
  category: siteFeedbackCategorySchema,
  description: z.string().trim().min(5).max(2000),
});
export type CreateSiteFeedback = z.infer<typeof createSiteFeedbackSchema>;

export const siteFeedbackReceiptSchema = z.object({
  trackingCode: z.string(),
  receivedAt: z.iso.datetime({ offset: true }),
});
export type SiteFeedbackReceipt = z.infer<typeof siteFeedbackReceiptSchema>;

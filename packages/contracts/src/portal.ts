import { z } from 'zod';

export const articleCategorySchema = z.enum(['news', 'notice']);

export const highlightPartSchema = z.object({ text: z.string(), hit: z.boolean() });

/** A public article on the portal's home page. Both languages are sent; the page picks one. */
export const portalArticleSchema = z.object({
  id: z.uuid(),
  category: articleCategorySchema,
  title: z.object({ zh: z.string(), en: z.string() }),
  summary: z.object({ zh: z.string(), en: z.string() }),
  publisher: z.object({ zh: z.string(), en: z.string() }),
  publishedAt: z.iso.datetime({ offset: true }),
  classification: z.enum(['public', 'scoped', 'internal', 'confidential']),
  highlight: z
    .object({
      title: z.array(highlightPartSchema),
      summary: z.array(highlightPartSchema),
    })
    .optional()
    .describe('Where the search words occur (in the Chinese text), when searching'),
});
export type PortalArticle = z.infer<typeof portalArticleSchema>;

export const listArticlesQuerySchema = z.strictObject({
  category: articleCategorySchema.optional(),
  q: z.string().trim().min(1).max(50).optional().describe('words to search for, in Chinese or English'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type ListArticlesQuery = z.infer<typeof listArticlesQuerySchema>;

export const articleListSchema = z.object({
  items: z.array(portalArticleSchema),
  total: z.number().int().describe('how many the caller may read, of all that match'),
});
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

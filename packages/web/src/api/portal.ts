import {
  type ArticleList,
  articleListSchema,
  type CreateSiteFeedback,
  type SiteFeedbackReceipt,
  siteFeedbackReceiptSchema,
} from '@yiwang/contracts';
import { api } from './client.ts';

export function fetchArticles(category: 'news' | 'notice', limit = 6): Promise<ArticleList> {
  return api.get(`/api/v1/portal/articles?category=${category}&limit=${limit}`, articleListSchema);
}

export function sendSiteFeedback(input: CreateSiteFeedback): Promise<SiteFeedbackReceipt> {
  return api.post('/api/v1/portal/site-feedback', input, siteFeedbackReceiptSchema);
}

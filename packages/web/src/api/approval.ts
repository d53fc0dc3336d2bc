import { type RateCase, ratingSchema, statisticsSchema } from '@yiwang/contracts';
import { api, queryString } from './client.ts';

/** 好差评: the applicant rates a decided or closed case, once. */
export const rateCase = (input: RateCase) => api.post('/api/v1/ratings', input, ratingSchema);

export type StatisticsRange = { from?: string; to?: string };

/** The figures for the departments the reader's statistics roles reach. */
export const fetchStatistics = (range: StatisticsRange) =>
  api.get(`/api/v1/approval/statistics${queryString(range)}`, statisticsSchema);

/** The same figures as an Excel workbook, downloaded by the browser itself. */
export const statisticsXlsxHref = (range: StatisticsRange) =>
  `/api/v1/approval/statistics.xlsx${queryString(range)}`;

/** Each department's figures, for anyone (政务公开). */
export const fetchPublicStatistics = (range: StatisticsRange) =>
  api.get(`/api/v1/approval/statistics/public${queryString(range)}`, statisticsSchema);

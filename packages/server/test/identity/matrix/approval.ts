import type { RowGroup } from './index.ts';

const APPLICANTS = ['citizen', 'business'];
const STATISTICS = ['statistician', 'dept_admin', 'agency_head', 'supervisor'];

/** Applying, drafts and 好差评 are the applicant's; the figures are for those who answer for them. */
export const approvalGroup: RowGroup = {
  setup: async ({ t, fixture }) => {
    fixture.foodService = (
      await t.db
        .selectFrom('service')
        .select('id')
        .where('code', '=', '230100-SCJG-XK-001')
        .executeTakeFirstOrThrow()
    ).id;
  },
  rows: [
    {
      method: 'POST',
      route: '/api/v1/approval/applications',
      allowed: APPLICANTS,
      url: () => '/api/v1/approval/applications',
      body: (f) => ({ serviceId: f.foodService, form: {} }),
    },
    {
      method: 'GET',
      route: '/api/v1/approval/drafts/{serviceId}',
      allowed: APPLICANTS,
      url: (f) => `/api/v1/approval/drafts/${f.foodService}`,
    },
    {
      method: 'PUT',
      route: '/api/v1/approval/drafts/{serviceId}',
      allowed: APPLICANTS,
      url: (f) => `/api/v1/approval/drafts/${f.foodService}`,
      body: () => ({ form: { operatorName: '矩阵测试' } }),
    },
    {
      method: 'POST',
      route: '/api/v1/ratings',
      allowed: ['citizen'],
      url: () => '/api/v1/ratings',
      body: (f) => ({ caseId: f.case, level: 5 }),
    },
    {
      method: 'GET',
      route: '/api/v1/approval/statistics',
      allowed: STATISTICS,
      url: () => '/api/v1/approval/statistics',
    },
    {
      method: 'GET',
      route: '/api/v1/approval/statistics.xlsx',
      allowed: STATISTICS,
      url: () => '/api/v1/approval/statistics.xlsx',
    },
    {
      method: 'GET',
      route: '/api/v1/approval/statistics/public',
      allowed: 'anyone',
      url: () => '/api/v1/approval/statistics/public',
    },
  ],
};

import { sessionFor, userIdOf } from '../../harness/people.ts';
import type { RowGroup } from './index.ts';

/** The service catalogue: guides for anyone; writing it is the department administrator's, over their units. */
const ADMIN = ['dept_admin'];

const content = (zh: string) => ({
  name: { zh, en: 'Matrix service' },
  legalBasis: '《中华人民共和国行政许可法》第十二条',
  conditions: '矩阵测试条件',
  formSchema: { type: 'object', properties: { a: { type: 'string', maxLength: 10 } } },
  contact: '矩阵测试窗口',
});

export const servicesGroup: RowGroup = {
  setup: async ({ t, services, app, fixture }) => {
    const admin = await sessionFor(services, await userIdOf(t.db, 'deptadmin'));
    const unit = await t.db
      .selectFrom('org_unit')
      .select('id')
      .where('code', '=', '230100-SCJG')
      .executeTakeFirstOrThrow();
    const create = async (code: string, published: boolean) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/services',
        headers: admin.headers,
        payload: { code, unitId: unit.id, ...content('矩阵测试事项') },
      });
      if (res.statusCode !== 201) throw new Error(`matrix service: ${res.body}`);
      const id = res.json().serviceId as string;
      if (published) {
        await app.inject({
          method: 'POST',
          url: `/api/v1/services/${id}/versions/1/publish`,
          headers: admin.headers,
        });
      }
      return id;
    };
    fixture.unitScjg = unit.id;
    fixture.service = await create('230100-SCJG-MX-001', true);
    fixture.draftService = await create('230100-SCJG-MX-002', false);
    fixture.publishService = await create('230100-SCJG-MX-003', false);
  },
  rows: [
    {
      method: 'GET',
      route: '/api/v1/services',
      allowed: 'anyone',
      url: () => `/api/v1/services?q=${encodeURIComponent('食品')}`,
    },
    {
      method: 'GET',
      route: '/api/v1/services/facets',
      allowed: 'anyone',
      url: () => '/api/v1/services/facets',
    },
    {
      method: 'GET',
      route: '/api/v1/services/managed',
      allowed: ADMIN,
      url: () => '/api/v1/services/managed',
    },
    {
      method: 'GET',
      route: '/api/v1/services/{id}',
      allowed: 'anyone',
      url: (f) => `/api/v1/services/${f.service}`,
    },
    {
      method: 'POST',
      route: '/api/v1/services',
      allowed: ADMIN,
      url: () => '/api/v1/services',
      body: (f) => ({ code: '230100-SCJG-MX-010', unitId: f.unitScjg, ...content('矩阵新建事项') }),
    },
    {
      method: 'GET',
      route: '/api/v1/services/{id}/versions',
      allowed: ADMIN,
      url: (f) => `/api/v1/services/${f.service}/versions`,
    },
    {
      method: 'POST',
      route: '/api/v1/services/{id}/versions',
      allowed: ADMIN,
      url: (f) => `/api/v1/services/${f.service}/versions`,
    },
    {
      method: 'PUT',
      route: '/api/v1/services/{id}/versions/{version}',
      allowed: ADMIN,
      url: (f) => `/api/v1/services/${f.draftService}/versions/1`,
      body: () => content('矩阵修改事项'),
    },
    {
      method: 'POST',
      route: '/api/v1/services/{id}/versions/{version}/publish',
      allowed: ADMIN,
      url: (f) => `/api/v1/services/${f.publishService}/versions/1/publish`,
    },
  ],
};

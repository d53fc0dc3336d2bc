import { BUILTIN_ROLES } from '../../../src/modules/identity/roles.ts';
import { inTransaction } from '../../../src/platform/db/transaction.ts';
import { openFileStore, storeFile } from '../../../src/platform/files/index.ts';
import { samples } from '../../../src/platform/files/samples.ts';
import { sessionFor } from '../../harness/people.ts';
import type { RowGroup } from './index.ts';

/** Staff who handle business data: every built-in role but the three officers. */
const HANDLERS = BUILTIN_ROLES.filter((r) => !r.officer).map((r) => r.code);
const APPLICANTS = ['citizen', 'business'];
/** Who sees a disclosure request to 哈尔滨市市场监督管理局: its applicant and the roles that handle it there. */
const VIEWERS = ['citizen', 'clerk', 'agency_head', 'supervisor'];
const ADMIN = ['system_admin'];

export const casesGroup: RowGroup = {
  setup: async ({ t, services, app, fixture }) => {
    const citizen = await sessionFor(services, fixture.citizen as string);
    const open = async () => {
      const unit = await t.db
        .selectFrom('org_unit')
        .select('id')
        .where('code', '=', '230100-SCJG')
        .executeTakeFirstOrThrow();
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: citizen.headers,
        payload: {
          process: 'disclosure_request',
          unitId: unit.id,
          title: '矩阵测试申请',
          form: { description: '矩阵', medium: 'online' },
        },
      });
      if (res.statusCode !== 201) throw new Error(`matrix case: ${res.body}`);
      return res.json();
    };
    const acted = await open();
    fixture.case = acted.case.id;
    fixture.trackingNumber = acted.case.trackingNumber;
    fixture.lookupCode = acted.lookupCode;
    const held = await open();
    fixture.heldCase = held.case.id;
    const files = openFileStore(
      { store: 'local', dir: `/tmp/yiwang-matrix-${process.pid}`, maxUploadBytes: 1_048_576 },
      services.cipher,
      t.db,
    );
    // The app under test has its own store; the download row only needs the policy verdict.
    const stored = await inTransaction(t.db, {}, (tx) =>
      storeFile(tx, files, {
        ownerUserId: fixture.citizen as string,
        caseId: held.case.id,
        purpose: 'id_proof',
        fileName: '身份证明.png',
        declaredType: 'image/png',
        bytes: samples.png(),
      }),
    );
    fixture.file = stored.id;
  },
  rows: [
    { method: 'GET', route: '/api/v1/processes', allowed: 'anyone', url: () => '/api/v1/processes' },
    {
      method: 'POST',
      route: '/api/v1/cases',
      allowed: APPLICANTS,
      url: () => '/api/v1/cases',
      body: (f) => ({
        process: 'disclosure_request',
        unitId: f.leaf,
        title: '矩阵测试',
        form: { description: '矩阵', medium: 'online' },
      }),
    },
    {
      method: 'GET',
      route: '/api/v1/cases',
      allowed: [...HANDLERS, ...APPLICANTS],
      url: () => '/api/v1/cases',
    },
    { method: 'GET', route: '/api/v1/cases/{id}', allowed: VIEWERS, url: (f) => `/api/v1/cases/${f.case}` },
    {
      method: 'POST',
      route: '/api/v1/cases/{id}/actions/{action}',
      allowed: ['clerk'],
      url: (f) => `/api/v1/cases/${f.case}/actions/register`,
      body: () => ({ expectedVersion: 1, input: {} }),
    },
    {
      method: 'GET',
      route: '/api/v1/track',
      allowed: 'anyone',
      url: (f) => `/api/v1/track?number=${f.trackingNumber}&code=${f.lookupCode}`,
    },
    {
      method: 'POST',
      route: '/api/v1/cases/{id}/attachments',
      allowed: ['citizen', 'clerk'],
      url: (f) => `/api/v1/cases/${f.heldCase}/attachments`,
      body: () => ({ slot: 'id_proof' }),
    },
    {
      method: 'GET',
      route: '/api/v1/cases/{id}/attachments/{fileId}',
      allowed: VIEWERS,
      url: (f) => `/api/v1/cases/${f.heldCase}/attachments/${f.file}`,
    },
    {
      method: 'GET',
      route: '/api/v1/calendar/versions',
      allowed: 'anyone',
      url: () => '/api/v1/calendar/versions',
    },
    {
      method: 'GET',
      route: '/api/v1/calendar/year',
      allowed: 'anyone',
      url: () => '/api/v1/calendar/year?year=2026',
    },
    {
      method: 'POST',
      route: '/api/v1/calendar/versions',
      allowed: ADMIN,
      url: () => '/api/v1/calendar/versions',
      body: (_f, c) => ({
        id: `matrix-${c}`,
        note: '矩阵测试',
        notices: [{ year: 2031, holidays: { '2031-01-01': '元旦' }, workdays: {}, source: '矩阵测试' }],
      }),
    },
    {
      method: 'GET',
      route: '/api/v1/calendar/provisional-clocks',
      allowed: ADMIN,
      url: () => '/api/v1/calendar/provisional-clocks',
    },
    { method: 'GET', route: '/api/v1/tasks', allowed: HANDLERS, url: () => '/api/v1/tasks' },
    {
      method: 'POST',
      route: '/api/v1/tasks/{id}/done',
      allowed: HANDLERS,
      url: (f) => `/api/v1/tasks/${f.case}/done`,
      body: () => ({ note: '矩阵测试' }),
    },
  ],
};

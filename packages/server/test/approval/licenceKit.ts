import type { FastifyInstance } from 'fastify';
import { samples } from '../../src/platform/files/samples.ts';
import type { DemoWorld } from '../harness/people.ts';
import { as, type Caller } from '../harness/people.ts';

export const FOOD_LICENCE = '230100-SCJG-XK-001';
export const HEARING_SERVICE = '230100-ZWFW-XK-002';

export const foodForm = {
  operatorName: '哈尔滨市道里区示例餐饮有限公司',
  creditCode: '91230102MA1B2C3D4E',
  legalRepresentative: '王小二',
  premisesAddress: '哈尔滨市道里区中央大街1号',
  mainBusiness: '餐饮服务经营者',
  items: ['热食类食品制售'],
};

export async function serviceId(w: DemoWorld, code: string): Promise<string> {
  return (await w.t.db.selectFrom('service').select('id').where('code', '=', code).executeTakeFirstOrThrow())
    .id;
}

export function multipart(slot: string, fileName: string, type: string, bytes: Buffer) {
  const boundary = '----yiwanglicence';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="slot"\r\n\r\n${slot}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A drive through the API as named callers: apply, upload, act, read. */
export function licenceDriver(app: FastifyInstance) {
  return {
    apply: (who: Caller, id: string, form: object = foodForm) =>
      as(
        app,
        who,
      )({ method: 'POST', url: '/api/v1/approval/applications', payload: { serviceId: id, form } }),
    upload: (who: Caller, caseId: string, slot: string) =>
      as(
        app,
        who,
      )({
        method: 'POST',
        url: `/api/v1/cases/${caseId}/attachments`,
        ...multipart(slot, `${slot}.pdf`, 'application/pdf', samples.pdf(slot)),
      }),
    read: async (who: Caller, caseId: string) =>
      (await as(app, who)({ method: 'GET', url: `/api/v1/cases/${caseId}` })).json(),
    act: async (who: Caller, caseId: string, action: string, input: object = {}) => {
      const current = (await as(app, who)({ method: 'GET', url: `/api/v1/cases/${caseId}` })).json();
      return as(
        app,
        who,
      )({
        method: 'POST',
        url: `/api/v1/cases/${caseId}/actions/${action}`,
        payload: { expectedVersion: current.case?.version ?? 1, input },
      });
    },
  };
}

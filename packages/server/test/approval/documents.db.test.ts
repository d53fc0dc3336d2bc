import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCaseEngine,
  defaultCaseSettings,
  PROCESSES,
  scratchFileSettings,
} from '../../src/caseEngine.ts';
import { runSweeps } from '../../src/cases/sweeps.ts';
import { lawsCited, licenceName, splitItems } from '../../src/modules/approval/documentText.ts';
import {
  courtOf,
  documentPrefix,
  reviewBodyOf,
  type UnitPlace,
} from '../../src/modules/approval/jurisdiction.ts';
import { openFileStore } from '../../src/platform/files/index.ts';
import { samples } from '../../src/platform/files/samples.ts';
import { poppler, popplerAvailable } from '../documents/poppler.ts';
import { as, type Caller, type DemoWorld, demoWorld, sessionFor, signedIn } from '../harness/people.ts';
import { FOOD_LICENCE, HEARING_SERVICE, licenceDriver, multipart, serviceId } from './licenceKit.ts';

/**
 * The licence process issues its written documents as files of the case, in the action's
 * transaction: what the applicant downloads is what the law says they must be told in writing.
 */

const hasPoppler = popplerAvailable();
const squash = (s: string) => s.replace(/—\s*\d+\s*—/g, '').replace(/\s+/g, '');

let w: DemoWorld;
let drive: ReturnType<typeof licenceDriver>;
let business: Caller;
let businessName: string;
let stranger: Caller;
let clerk: Caller;
let reviewer: Caller;
let approver: Caller;
let head: Caller;
let food: string;

beforeAll(async () => {
  w = await demoWorld();
  drive = licenceDriver(w.app);
  const b = await w.t.db
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('kind', '=', 'business')
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  business = await sessionFor(w.s, b.id);
  businessName = b.display_name;
  const c = await w.t.db
    .selectFrom('app_user')
    .select('id')
    .where('kind', '=', 'citizen')
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  stranger = await sessionFor(w.s, c.id);
  clerk = await signedIn(w.s, 'clerk');
  reviewer = await signedIn(w.s, 'reviewer');
  approver = await signedIn(w.s, 'approver');
  head = await signedIn(w.s, 'head');
  food = await serviceId(w, FOOD_LICENCE);
  // The demo's window staff work for market regulation; the hearing service belongs to the
  // municipal government services office, so they are given the same roles there too.
  const zwfw = await w.t.db
    .selectFrom('org_unit')
    .select('id')
    .where('code', '=', '230100-ZWFW')
    .executeTakeFirstOrThrow();
  await w.t.db
    .insertInto('membership')
    .values(
      (
        [
          [clerk, 'clerk'],
          [reviewer, 'reviewer'],
        ] as const
      ).map(([who, role]) => ({
        id: crypto.randomUUID(),
        user_id: who.userId,
        org_unit_id: zwfw.id,
        role_code: role,
        reach: 'unit' as const,
        granted_by: null,
        revoked_at: null,
      })),
    )
    .execute();
});
afterAll(() => w?.close());

type Attachment = { id: string; slot: string; fileName: string; contentType: string; sizeBytes: number };

async function applied(who: Caller = business): Promise<{ id: string; tracking: string }> {
  const res = await drive.apply(who, food);
  expect(res.statusCode).toBe(201);
  const id = res.json().case.id;
  for (const slot of ['application_form', 'layout_and_equipment', 'safety_rules']) {
    expect((await drive.upload(who, id, slot)).statusCode).toBe(201);
  }
  return { id, tracking: res.json().case.trackingNumber };
}

async function accepted(who: Caller = business) {
  const c = await applied(who);
  expect((await drive.act(clerk, c.id, 'accept')).statusCode).toBe(200);
  return c;
}

async function reviewed(who: Caller = business) {
  const c = await accepted(who);
  expect((await drive.act(reviewer, c.id, 'verify', { findings: '现场核查一' })).statusCode).toBe(200);
  expect((await drive.act(approver, c.id, 'verify', { findings: '现场核查二' })).statusCode).toBe(200);
  expect((await drive.act(reviewer, c.id, 'submit_review', { opinion: '审查意见' })).statusCode).toBe(200);
  return c;
}

async function documents(who: Caller, caseId: string): Promise<Attachment[]> {
  const detail = await drive.read(who, caseId);
  return (detail.attachments as Attachment[]).filter((a) => a.slot.startsWith('document:'));
}

async function documentOf(who: Caller, caseId: string, code: string): Promise<Attachment> {
  const found = (await documents(who, caseId)).filter((d) => d.slot === `document:${code}`);
  expect(found).toHaveLength(1);
  return found[0] as Attachment;
}

const download = (who: Caller, caseId: string, fileId: string) =>
  as(w.app, who)({ method: 'GET', url: `/api/v1/cases/${caseId}/attachments/${fileId}` });

/** The document the applicant downloads, as poppler reads it. */
async function readDocument(caseId: string, code: string, who: Caller = business) {
  const doc = await documentOf(who, caseId, code);
  const res = await download(who, caseId, doc.id);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  const pdf = res.rawPayload;
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return { doc, pdf, text: hasPoppler ? squash(poppler('pdftotext', pdf)) : '' };
}

async function register(caseId: string) {
  const { rows } = await sql<{
    action: string;
    template_code: string;
    template_version: number;
    document_number: string;
    number: number;
    file_id: string;
  }>`SELECT action, template_code, template_version, document_number, number, file_id
     FROM issued_document WHERE case_id = ${caseId} ORDER BY issued_at, number`.execute(w.t.db);
  return rows;
}

describe('行政许可法第32条: acceptance and its written voucher', () => {
  it.skipIf(!hasPoppler)(
    '行政许可法第32条: accepting issues 受理通知书, which the applicant downloads with the tracking number, their name and the law',
    async () => {
      const c = await accepted();
      const { doc, text } = await readDocument(c.id, 'licensing.acceptance');
      expect(doc.fileName).toBe(`受理通知书-${c.tracking}.pdf`);
      expect(doc.contentType).toBe('application/pdf');
      expect(text).toContain('受理通知书');
      expect(text).toContain(c.tracking);
      expect(text).toContain(businessName);
      expect(text).toContain('行政许可法');
      expect(text).toContain('哈尔滨市市场监督管理局');
      // The service's own limit and its law (10 working days under the 2023 food measures).
      expect(text).toContain('《食品经营许可和备案管理办法》');
      expect(text).toContain('十个工作日');
      expect(text).toContain('本文书尚未加盖电子印章');
      const year = new Date().getFullYear();
      const [issued] = await register(c.id);
      expect(issued).toMatchObject({
        action: 'accept',
        template_code: 'licensing.acceptance',
        template_version: 1,
      });
      expect(issued?.file_id).toBe(doc.id);
      expect(issued?.document_number).toMatch(new RegExp(`^哈市监许受〔(${year}|${year + 1})〕[1-9]\\d*号$`));
      expect(text).toContain(issued?.document_number);
    },
  );

  it('行政许可法第32条: the PDF records the template and version it was written from', async () => {
    const c = await accepted();
    const { pdf } = await readDocument(c.id, 'licensing.acceptance');
    expect(pdf.toString('latin1')).toMatch(/template:licensing\.acceptance@1/);
  });

  it.skipIf(!hasPoppler)(
    '行政许可法第32条第1款第4项: every item of the one correction notice is in 补正材料通知书',
    async () => {
      const c = await applied();
      const items = [
        '经营场所平面布局图未标明粗加工区和备餐区',
        '食品安全管理制度目录缺少进货查验记录制度',
        '法定代表人身份证明复印件不清晰',
      ];
      const res = await drive.act(clerk, c.id, 'request_correction', {
        items: `1. ${items[0]}；2. ${items[1]}\n（3）${items[2]}。`,
      });
      expect(res.statusCode).toBe(200);
      const { doc, text } = await readDocument(c.id, 'licensing.correction');
      expect(doc.fileName).toBe(`补正材料通知书-${c.tracking}.pdf`);
      expect(text).toContain('补正材料通知书');
      expect(text).toContain('共3项');
      items.forEach((item, i) => {
        expect(text).toContain(`${i + 1}.${item}`);
      });
      expect((await register(c.id))[0]?.document_number).toMatch(/^哈市监许补〔\d{4}〕[1-9]\d*号$/);
    },
  );

  it.skipIf(!hasPoppler)(
    '行政许可法第32条第1款第2项: 不予受理决定书 names the agency to apply to, and the 60 days and 6 months',
    async () => {
      const c = await applied();
      const res = await drive.act(clerk, c.id, 'reject_not_competent', {
        reason: '该事项由区级市场监管部门受理',
        competent_agency: '哈尔滨市道里区市场监督管理局',
      });
      expect(res.statusCode).toBe(200);
      const { text } = await readDocument(c.id, 'licensing.refusal_to_accept');
      expect(text).toContain('不予受理决定书');
      expect(text).toContain('请你单位向哈尔滨市道里区市场监督管理局提出申请');
      expect(text).toContain('该事项由区级市场监管部门受理');
      expect(text).toContain('六十日内向哈尔滨市人民政府申请行政复议');
      expect(text).toContain('六个月内依法向哈尔滨市有管辖权的人民法院提起行政诉讼');
      // The wording in force: the 2023 Administrative Reconsideration Law (version 2).
      expect(text).toContain('第二十条');
      expect((await register(c.id))[0]).toMatchObject({
        template_code: 'licensing.refusal_to_accept',
        template_version: 2,
      });
    },
  );

  it('行政许可法第32条: the acceptance notice is numbered in its own series, one up from the last', async () => {
    const first = await accepted();
    const second = await accepted();
    const [a] = await register(first.id);
    const [b] = await register(second.id);
    expect(b?.number).toBe((a?.number ?? 0) + 1);
    expect(b?.document_number.replace(/〔\d{4}〕\d+号$/, '')).toBe('哈市监许受');
  });
});

describe('review and decision', () => {
  it.skipIf(!hasPoppler)(
    '行政许可法第42条: the extension approved by the head issues 延期通知书 with the days and the reason',
    async () => {
      const c = await accepted();
      const res = await drive.act(head, c.id, 'extend', { reason: '需要补充现场核查' });
      expect(res.statusCode).toBe(200);
      const decision = res.json().clocks.find((k: { code: string }) => k.code === 'decision');
      const { text } = await readDocument(c.id, 'licensing.extension');
      expect(text).toContain('延期通知书');
      expect(text).toContain('延长五个工作日');
      expect(text).toContain('因需要补充现场核查');
      const [y, m, d] = (decision.dueDay as string).split('-').map(Number);
      expect(text).toContain(`于${y}年${m}月${d}日前作出行政许可决定`);
      expect(text).toContain('经本机关负责人批准');
    },
  );

  it.skipIf(!hasPoppler)(
    '行政许可法第38条第1款、第44条: the grant issues 准予行政许可决定书 with what is granted and the 10 days to issue',
    async () => {
      const c = await reviewed();
      const res = await drive.act(approver, c.id, 'grant', { conditions: '经营项目：热食类食品制售' });
      expect(res.statusCode).toBe(200);
      const { text } = await readDocument(c.id, 'licensing.grant');
      expect(text).toContain('准予行政许可决定书');
      expect(text).toContain('许可证件名称：食品经营许可证');
      expect(text).toContain('许可范围：经营项目：热食类食品制售');
      expect(text).toContain('十个工作日内向你单位颁发、送达食品经营许可证');
      expect(text).toContain('《中华人民共和国食品安全法》第三十五条');
      // Issuing the licence itself writes no further document.
      expect((await drive.act(clerk, c.id, 'issue_licence', { licence_number: 'JY1' })).statusCode).toBe(200);
      expect((await documents(business, c.id)).map((d) => d.slot).sort()).toEqual([
        'document:licensing.acceptance',
        'document:licensing.grant',
      ]);
    },
  );

  it.skipIf(!hasPoppler)(
    '行政许可法第38条第2款: the refusal issues 不予行政许可决定书 with every reason, 六十日 to ask for review and 六个月 to sue',
    async () => {
      const c = await reviewed();
      const res = await drive.act(approver, c.id, 'refuse', {
        reason: '1. 经营场所距离公共厕所不足25米；\n2. 未配备专职食品安全管理人员。',
      });
      expect(res.statusCode).toBe(200);
      const { doc, text } = await readDocument(c.id, 'licensing.refusal');
      expect(doc.fileName).toBe(`不予行政许可决定书-${c.tracking}.pdf`);
      expect(text).toContain('不予行政许可决定书');
      expect(text).toContain('理由如下（共二项）');
      expect(text).toContain('1.经营场所距离公共厕所不足25米。');
      expect(text).toContain('2.未配备专职食品安全管理人员。');
      expect(text).toContain('第三十八条第二款');
      expect(text).toContain('六十日');
      expect(text).toContain('六个月');
      expect(text).toContain('向哈尔滨市人民政府申请行政复议');
      expect(text).toContain('哈尔滨市有管辖权的人民法院');
      expect((await register(c.id)).map((r) => r.template_code)).toEqual([
        'licensing.acceptance',
        'licensing.refusal',
      ]);
    },
  );

  it.skipIf(!hasPoppler)(
    '行政许可法第47条: telling of the right to a hearing issues 听证告知书 with the last day to ask',
    async () => {
      const hearing = await serviceId(w, HEARING_SERVICE);
      const res = await drive.apply(business, hearing, {
        applicantName: '哈尔滨示例客运有限公司',
        creditCode: '91230102MA1B2C3D4E',
        kind: '班车客运',
        area: '哈尔滨—尚志',
        vehicles: 3,
        drivers: 5,
      });
      expect(res.statusCode).toBe(201);
      const id = res.json().case.id;
      for (const slot of ['application_form', 'vehicle_commitment', 'driver_qualification', 'safety_rules']) {
        expect((await drive.upload(business, id, slot)).statusCode).toBe(201);
      }
      expect((await drive.act(clerk, id, 'accept')).statusCode).toBe(200);
      const told = await drive.act(reviewer, id, 'notify_hearing_rights', {
        interested_parties: '哈尔滨市交通客运集团有限公司、黑龙江龙运客运有限公司',
      });
      expect(told.statusCode).toBe(200);
      const window = told.json().clocks.find((k: { code: string }) => k.code === 'hearing_request');
      const { text } = await readDocument(id, 'licensing.hearing_notice');
      expect(text).toContain('听证告知书');
      expect(text).toContain('利害关系人为哈尔滨市交通客运集团有限公司、黑龙江龙运客运有限公司');
      const [y, m, d] = (window.dueDay as string).split('-').map(Number);
      expect(text).toContain(`即于${y}年${m}月${d}日前`);
      // Issued by the unit that owns this service, in its own series.
      expect(text).toContain('哈尔滨市政务服务管理办公室');
      const issued = await register(id);
      expect(issued.map((r) => r.document_number.replace(/〔\d{4}〕\d+号$/, ''))).toEqual([
        '哈市政务许受',
        '哈市政务许听',
      ]);
      // The acceptance notice of this service states the service's own law (道路运输条例第十条).
      const acceptance = await readDocument(id, 'licensing.acceptance');
      expect(acceptance.text).toContain('依照《中华人民共和国道路运输条例》第十条第二款的规定');
    },
  );

  it('a text the document cannot carry refuses the action with 422, and nothing is issued', async () => {
    const c = await reviewed();
    const res = await drive.act(approver, c.id, 'refuse', { reason: '理'.repeat(600) });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'document_not_issuable' });
    expect(res.json().errors[0]).toMatchObject({ field: 'body.input.reason' });
    expect((await drive.read(business, c.id)).case.state.code).toBe('reviewed');
    expect((await register(c.id)).map((r) => r.template_code)).toEqual(['licensing.acceptance']);
  });
});

describe('who may read a document, and how it is kept', () => {
  it('行政许可法第32条: another applicant cannot download the acceptance notice (403)', async () => {
    const c = await accepted();
    const doc = await documentOf(business, c.id, 'licensing.acceptance');
    expect((await download(stranger, c.id, doc.id)).statusCode).toBe(403);
    expect((await download(clerk, c.id, doc.id)).statusCode).toBe(200);
  });

  it('the stored bytes are sealed: the blob on disk is not a PDF and does not show the tracking number', async () => {
    const c = await accepted();
    const doc = await documentOf(business, c.id, 'licensing.acceptance');
    const row = await w.t.db
      .selectFrom('stored_file')
      .select(['storage_key', 'owner_user_id', 'scan_status', 'purpose'])
      .where('id', '=', doc.id)
      .executeTakeFirstOrThrow();
    // Owned by the clerk who accepted: the act is theirs.
    expect(row.owner_user_id).toBe(clerk.userId);
    expect(row.purpose).toBe('document:licensing.acceptance');
    const key = row.storage_key;
    const blob = fs.readFileSync(path.join(scratchFileSettings().dir, key.slice(0, 2), key.slice(2, 4), key));
    expect(blob.subarray(0, 4).toString('latin1')).not.toBe('%PDF');
    expect(blob.includes(Buffer.from('%PDF'))).toBe(false);
    expect(blob.includes(Buffer.from(c.tracking))).toBe(false);
  });

  it('a client cannot write into a document slot: document:* is no material of the case (400)', async () => {
    const c = await accepted();
    const res = await as(
      w.app,
      business,
    )({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/attachments`,
      ...multipart('document:licensing.acceptance', 'fake.pdf', 'application/pdf', samples.pdf('fake')),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'body.slot', code: 'unknown_slot' });
    expect(await documents(business, c.id)).toHaveLength(1);
  });
});

// Last: the sweep acts on every case of this database whose window has run out.
describe('行政许可法第32条: deemed acceptance', () => {
  it('the platform’s deemed acceptance issues 受理通知书 counting from the day the materials arrived, owned by the applicant', async () => {
    const c = await applied();
    const received = (
      await w.t.db
        .selectFrom('case_record')
        .select('received_on')
        .where('id', '=', c.id)
        .executeTakeFirstOrThrow()
    ).received_on;
    const engine = buildCaseEngine(
      w.s,
      defaultCaseSettings,
      PROCESSES,
      openFileStore(scratchFileSettings(), w.s.cipher, w.t.db),
    );
    const counts = await runSweeps(engine, w.t.db, new Date(Date.now() + 15 * 86_400_000));
    expect(counts.deemed).toBeGreaterThanOrEqual(1);
    const doc = await documentOf(business, c.id, 'licensing.acceptance');
    const row = await w.t.db
      .selectFrom('stored_file')
      .select('owner_user_id')
      .where('id', '=', doc.id)
      .executeTakeFirstOrThrow();
    expect(row.owner_user_id).toBe(business.userId);
    expect((await register(c.id))[0]).toMatchObject({ action: 'deem_accept' });
    if (hasPoppler) {
      const { text } = await readDocument(c.id, 'licensing.acceptance');
      const [y, m, d] = received.split('-').map(Number);
      expect(text).toContain(`本机关决定自${y}年${m}月${d}日起予以受理`);
    }
  });
});

describe('the choices a document is written with', () => {
  const places = new Map([
    ['230000', '黑龙江省'],
    ['230100', '哈尔滨市'],
    ['230102', '道里区'],
    ['230123', '依兰县'],
  ]);
  const unit = (code: string, name: string, extra: Partial<UnitPlace> = {}): UnitPlace => ({
    id: 'u',
    code,
    kind: 'department',
    name,
    lineParentName: null,
    division: code.slice(0, 6),
    places,
    ...extra,
  });

  it('行政复议法第24条: a department’s act is reviewed by the people’s government at its level', () => {
    expect(reviewBodyOf(unit('230100-SCJG', '哈尔滨市市场监督管理局'))).toBe('哈尔滨市人民政府');
    expect(reviewBodyOf(unit('230102-SCJG', '哈尔滨市道里区市场监督管理局'))).toBe('哈尔滨市道里区人民政府');
    expect(reviewBodyOf(unit('230123-SCJG', '依兰县市场监督管理局'))).toBe('依兰县人民政府');
    expect(reviewBodyOf(unit('230000-SCJG', '黑龙江省市场监督管理局'))).toBe('黑龙江省人民政府');
  });

  it('行政复议法第24条、第27条: a government’s act goes one level up, a province’s to itself, a vertical body’s up its line', () => {
    expect(reviewBodyOf(unit('230100', '哈尔滨市', { kind: 'division' }))).toBe('黑龙江省人民政府');
    expect(reviewBodyOf(unit('230102', '道里区', { kind: 'division' }))).toBe('哈尔滨市人民政府');
    expect(reviewBodyOf(unit('230000', '黑龙江省', { kind: 'division' }))).toBe('黑龙江省人民政府');
    expect(
      reviewBodyOf(
        unit('230100-SW', '国家税务总局哈尔滨市税务局', { lineParentName: '国家税务总局黑龙江省税务局' }),
      ),
    ).toBe('国家税务总局黑龙江省税务局');
  });

  it('行政诉讼法第18条: suit goes to the courts of the city where the unit sits', () => {
    expect(courtOf(unit('230100-SCJG', '哈尔滨市市场监督管理局'))).toBe('哈尔滨市有管辖权的人民法院');
    expect(courtOf(unit('230102-SCJG', '哈尔滨市道里区市场监督管理局'))).toBe('哈尔滨市有管辖权的人民法院');
    expect(courtOf(unit('230000-SCJG', '黑龙江省市场监督管理局'))).toBe('哈尔滨市有管辖权的人民法院');
  });

  it('GB/T 9704-2012 §7.2.4: the 机关代字 is the place and the line, or the unit code', () => {
    expect(documentPrefix(unit('230100-SCJG', '哈尔滨市市场监督管理局'))).toBe('哈市监');
    expect(documentPrefix(unit('230000-SCJG', '黑龙江省市场监督管理局'))).toBe('黑市监');
    expect(documentPrefix(unit('230102-SCJG', '哈尔滨市道里区市场监督管理局'))).toBe('哈道里市监');
    expect(documentPrefix(unit('230100-ZWFW', '哈尔滨市政务服务管理办公室'))).toBe('哈市政务');
    expect(documentPrefix(unit('230100-ZJ', '哈尔滨市住房和城乡建设局'))).toBe('230100-ZJ');
  });

  it('staff’s lists become items, numbering and closing marks taken off; a decimal is not a number mark', () => {
    expect(splitItems('1. 甲；2. 乙\n（3）丙。\n\n')).toEqual(['甲', '乙', '丙']);
    expect(splitItems('1、场地面积不足 2. 缺少1.5米宽通道')).toEqual(['场地面积不足', '缺少1.5米宽通道']);
    expect(splitItems('一、材料不全；二、签字缺失')).toEqual(['材料不全', '签字缺失']);
    expect(splitItems('只有一项理由')).toEqual(['只有一项理由']);
  });

  it('names the licence after the service and cites the service’s laws', () => {
    expect(licenceName('食品经营许可')).toBe('食品经营许可证');
    expect(licenceName('个体工商户设立登记')).toBe('行政许可证件');
    expect(
      lawsCited(
        '《中华人民共和国食品安全法》第三十五条：国家对……\n《食品经营许可和备案管理办法》（总局令第78号）。',
      ),
    ).toBe('《中华人民共和国食品安全法》第三十五条、《食品经营许可和备案管理办法》');
    expect(lawsCited('无')).toBeUndefined();
  });
});

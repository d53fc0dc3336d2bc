import { chinaDateOf } from '@yiwang/standards';
import { performAction } from '../../cases/actions.ts';
import { type CaseEngine, openCase } from '../../cases/engine.ts';
import { lookupHashOf, newLookupCode, nextTrackingNumber } from '../../cases/tracking.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { demoPrincipal } from '../identity/seed.ts';
import { disclosureProcess } from './process.ts';

const DAY_MS = 86_400_000;

type Step = {
  action: string;
  input?: Record<string, unknown>;
  by: 'clerk' | 'head' | 'applicant';
  daysLater: number;
};
type Scenario = {
  title: string;
  description: string;
  daysAgo: number;
  applicant: 'citizen' | 'business';
  steps: Step[];
};

/** Requests at every stage, dated so that the queue shows fresh, due-soon, paused and overdue work. */
const SCENARIOS: Scenario[] = [
  {
    title: '申请公开2026年本市食品安全抽检计划',
    description: '2026年度哈尔滨市食品安全监督抽检计划全文',
    daysAgo: 0,
    applicant: 'citizen',
    steps: [],
  },
  {
    title: '申请公开某小区周边餐饮店许可信息',
    description: '道里区某小区周边餐饮服务单位的食品经营许可证编号及有效期',
    daysAgo: 3,
    applicant: 'citizen',
    steps: [
      {
        action: 'request_correction',
        by: 'clerk',
        daysLater: 1,
        input: { reason: '请写明小区的具体名称和地址，以便确定所需信息的范围。' },
      },
    ],
  },
  {
    title: '申请公开2025年度特种设备检验统计',
    description: '2025年全市电梯、锅炉定期检验的数量与合格率',
    daysAgo: 24,
    applicant: 'business',
    steps: [{ action: 'register', by: 'clerk', daysLater: 1 }],
  },
  {
    title: '申请公开行政处罚决定书',
    description: '2025年第三季度对某超市作出的行政处罚决定书',
    daysAgo: 45,
    applicant: 'citizen',
    steps: [{ action: 'register', by: 'clerk', daysLater: 2 }],
  },
  {
    title: '申请公开企业年报抽查结果（涉及第三方）',
    description: '2025年度企业年度报告抽查结果中某企业的检查记录',
    daysAgo: 10,
    applicant: 'business',
    steps: [
      { action: 'register', by: 'clerk', daysLater: 1 },
      {
        action: 'consult_third_party',
        by: 'clerk',
        daysLater: 2,
        input: { reason: '所需信息涉及第三方企业的商业信息，书面征求其意见（15个工作日）。' },
      },
    ],
  },
  {
    title: '申请公开价格监测报告',
    description: '2025年12月主要农副产品价格监测报告',
    daysAgo: 20,
    applicant: 'citizen',
    steps: [
      { action: 'register', by: 'clerk', daysLater: 1 },
      {
        action: 'reply',
        by: 'clerk',
        daysLater: 6,
        input: {
          outcome: 'already_public',
          explanation: '该报告已在本局门户网站“价格监测”栏目主动公开，可直接查阅下载。',
        },
      },
    ],
  },
];

/** 10:00 China time, `days` days before `now`. */
function morningOf(now: Date, days: number): Date {
  return new Date(`${chinaDateOf(new Date(now.getTime() - days * DAY_MS))}T10:00:00+08:00`);
}

/** Demo disclosure requests to 哈尔滨市市场监督管理局; does nothing once there are any. */
export async function seedDisclosureDemo(engine: CaseEngine, db: Db, now = new Date()): Promise<number> {
  const existing = await db
    .selectFrom('case_record')
    .select('id')
    .where('process_code', '=', disclosureProcess.code)
    .executeTakeFirst();
  if (existing) return 0;
  const unit = await db
    .selectFrom('org_unit')
    .select(['id', 'division_code'])
    .where('code', '=', '230100-SCJG')
    .executeTakeFirst();
  if (!unit) return 0;
  const people = {
    clerk: await demoPrincipal(db, { username: 'clerk' }),
    head: await demoPrincipal(db, { username: 'head' }),
    citizen: await demoPrincipal(db, { kind: 'citizen' }),
    business: await demoPrincipal(db, { kind: 'business' }),
  };
  for (const s of SCENARIOS) {
    const at = morningOf(now, s.daysAgo);
    const applicant = people[s.applicant];
    const trackingNumber = await nextTrackingNumber(db, unit.division_code, chinaDateOf(at));
    const row = await inTransaction(db, { userId: applicant.userId }, (tx) =>
      openCase(engine, tx, {
        def: disclosureProcess,
        principal: applicant,
        unit: { id: unit.id, divisionCode: unit.division_code },
        title: s.title,
        form: { description: s.description, medium: 'online' },
        trackingNumber,
        lookupHash: lookupHashOf(engine.cipher, trackingNumber, newLookupCode()),
        now: at,
      }),
    );
    for (const step of s.steps) {
      const principal = step.by === 'applicant' ? applicant : people[step.by];
      await inTransaction(db, { userId: principal.userId }, (tx) =>
        performAction(engine, tx, {
          caseId: row.id,
          action: step.action,
          input: step.input ?? {},
          actor: { kind: 'person', principal },
          now: new Date(at.getTime() + step.daysLater * DAY_MS),
        }),
      );
    }
  }
  return SCENARIOS.length;
}

import { chinaDateOf } from '@yiwang/standards';
import { performAction } from '../../cases/actions.ts';
import { type CaseEngine, openCase } from '../../cases/engine.ts';
import { lookupHashOf, newLookupCode, nextTrackingNumber } from '../../cases/tracking.ts';
import type { Principal } from '../../platform/access/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { demoPrincipal } from '../identity/seed.ts';
import { openingTerms } from './applications.ts';
import { findVersion } from './catalogue/queries.ts';
import { licenceProcess } from './process.ts';

const DAY_MS = 86_400_000;

type Who = 'clerk' | 'reviewer' | 'approver' | 'head' | 'applicant';
type Step = { action: string; by: Who; daysLater: number; input?: Record<string, unknown> };
type Scenario = { service: string; daysAgo: number; form: Record<string, unknown>; steps: Step[] };

const FOOD = '230100-SCJG-XK-001';
const foodForm = (operatorName: string, premisesAddress: string) => ({
  operatorName,
  creditCode: '91230102MA1B2C3D4E',
  legalRepresentative: '李明',
  premisesAddress,
  mainBusiness: '餐饮服务经营者',
  items: ['热食类食品制售'],
});
const review: Step[] = [
  { action: 'accept', by: 'clerk', daysLater: 0 },
  { action: 'verify', by: 'reviewer', daysLater: 1, input: { findings: '现场核查：功能区布局与申报一致' } },
  { action: 'verify', by: 'approver', daysLater: 1, input: { findings: '第二名核查人员确认设备设施' } },
  {
    action: 'submit_review',
    by: 'reviewer',
    daysLater: 2,
    input: { opinion: '符合食品经营许可条件，建议准予许可' },
  },
];

/** Food-licence applications at every stage, so that the queues, clocks and figures have content. */
const SCENARIOS: Scenario[] = [
  {
    service: FOOD,
    daysAgo: 0,
    form: foodForm('哈尔滨市道里区老街饺子馆', '哈尔滨市道里区西十二道街18号'),
    steps: [],
  },
  {
    service: FOOD,
    daysAgo: 2,
    form: foodForm('哈尔滨市南岗区学府面馆', '哈尔滨市南岗区学府路66号'),
    steps: [
      {
        action: 'request_correction',
        by: 'clerk',
        daysLater: 1,
        input: {
          items:
            '1. 经营场所平面布局图未标明粗加工区和备餐区；\n2. 食品安全管理制度目录缺少进货查验记录制度。',
        },
      },
    ],
  },
  {
    service: FOOD,
    daysAgo: 6,
    form: foodForm('哈尔滨市香坊区早点铺', '哈尔滨市香坊区红旗大街9号'),
    steps: [{ action: 'accept', by: 'clerk', daysLater: 1 }],
  },
  {
    service: FOOD,
    daysAgo: 25,
    form: foodForm('哈尔滨市道外区烧烤店', '哈尔滨市道外区南勋街31号'),
    steps: [{ action: 'accept', by: 'clerk', daysLater: 1 }],
  },
  {
    service: FOOD,
    daysAgo: 8,
    form: foodForm('哈尔滨市松北区咖啡馆', '哈尔滨市松北区世茂大道99号'),
    steps: review,
  },
  {
    service: FOOD,
    daysAgo: 14,
    form: foodForm('哈尔滨市道里区江畔酒楼', '哈尔滨市道里区友谊路201号'),
    steps: [
      ...review,
      { action: 'grant', by: 'approver', daysLater: 3, input: { conditions: '经营项目：热食类食品制售' } },
      { action: 'issue_licence', by: 'clerk', daysLater: 4, input: { licence_number: 'JY22301020026001' } },
    ],
  },
  {
    service: FOOD,
    daysAgo: 12,
    form: foodForm('哈尔滨市南岗区夜市摊位', '哈尔滨市南岗区果戈里大街3号'),
    steps: [
      ...review.slice(0, 3),
      {
        action: 'submit_review',
        by: 'reviewer',
        daysLater: 2,
        input: { opinion: '经营场所与污染源距离不足' },
      },
      {
        action: 'refuse',
        by: 'approver',
        daysLater: 3,
        input: {
          reason: '经营场所距离公共厕所不足25米，不符合《食品经营许可和备案管理办法》规定的场所条件。',
        },
      },
    ],
  },
];

const morningOf = (now: Date, days: number) =>
  new Date(`${chinaDateOf(new Date(now.getTime() - days * DAY_MS))}T09:30:00+08:00`);

/** Demo licence applications from the demo business; does nothing once there are any. */
export async function seedLicenceDemo(engine: CaseEngine, db: Db, now = new Date()): Promise<number> {
  const existing = await db
    .selectFrom('case_record')
    .select('id')
    .where('process_code', '=', licenceProcess.code)
    .executeTakeFirst();
  if (existing) return 0;
  const people: Record<Who, Principal> = {
    clerk: await demoPrincipal(db, { username: 'clerk' }),
    reviewer: await demoPrincipal(db, { username: 'reviewer' }),
    approver: await demoPrincipal(db, { username: 'approver' }),
    head: await demoPrincipal(db, { username: 'head' }),
    applicant: await demoPrincipal(db, { kind: 'business' }),
  };
  let opened = 0;
  for (const s of SCENARIOS) {
    const service = await db
      .selectFrom('service')
      .select('id')
      .where('code', '=', s.service)
      .executeTakeFirst();
    const version = service && (await findVersion(db, service.id));
    if (!version) continue;
    const unit = await db
      .selectFrom('org_unit')
      .select(['id', 'division_code'])
      .where('id', '=', version.owning_unit_id)
      .executeTakeFirstOrThrow();
    const at = morningOf(now, s.daysAgo);
    const trackingNumber = await nextTrackingNumber(db, unit.division_code, chinaDateOf(at));
    const terms = openingTerms(version);
    const row = await inTransaction(db, { userId: people.applicant.userId }, (tx) =>
      openCase(engine, tx, {
        def: licenceProcess,
        principal: people.applicant,
        unit: { id: unit.id, divisionCode: unit.division_code },
        title: version.name_zh,
        form: s.form,
        trackingNumber,
        lookupHash: lookupHashOf(engine.cipher, trackingNumber, newLookupCode()),
        now: at,
        spec: terms.spec,
        subjectId: terms.subjectId,
        clockRules: terms.clockRules,
      }),
    );
    for (const step of s.steps) {
      const principal = people[step.by];
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
    opened += 1;
  }
  return opened;
}

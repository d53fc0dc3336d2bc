import { chinaDateOf } from '@yiwang/standards';
import { buildCaseEngine } from '../../src/caseEngine.ts';
import type { ProcessDefinition } from '../../src/cases/definition.ts';
import { type CaseEngine, openCase } from '../../src/cases/engine.ts';
import { lookupHashOf, newLookupCode, nextTrackingNumber } from '../../src/cases/tracking.ts';
import { disclosureProcess } from '../../src/modules/disclosure/process.ts';
import { demoPrincipal } from '../../src/modules/identity/seed.ts';
import type { Principal } from '../../src/platform/access/principal.ts';
import type { Db } from '../../src/platform/db/database.ts';
import { inTransaction } from '../../src/platform/db/transaction.ts';
import type { PlatformServices } from '../../src/platform/services.ts';

/** The demo accounts as principals (the seeds' own helper). */
export const principal = demoPrincipal;

const reason = { name: 'reason', label: { zh: '理由', en: 'Reason' }, type: 'text', required: true } as const;

/**
 * A licence in the shape of the Administrative Licensing Law, for the engine's own tests: a
 * correction window whose expiry is a deemed acceptance (art. 32), a decision clock that then
 * counts from receipt, a material required to accept, and review and decision by two people.
 */
export const licenceFixture: ProcessDefinition = {
  code: 'test_licence',
  version: 1,
  system: 'approval',
  name: { zh: '测试许可', en: 'Test licence' },
  formVersion: 1,
  form: [{ name: 'subject', label: { zh: '事项', en: 'Subject' }, type: 'text', required: true }],
  materials: { application: { zh: '申请书', en: 'Application' } },
  initialState: 'received',
  states: {
    received: { label: { zh: '已收件', en: 'Received' } },
    correcting: { label: { zh: '补正中', en: 'Correcting' } },
    accepted: { label: { zh: '已受理', en: 'Accepted' } },
    reviewed: { label: { zh: '已审查', en: 'Reviewed' } },
    granted: { label: { zh: '准予许可', en: 'Granted' }, terminal: true },
    refused: { label: { zh: '不予许可', en: 'Refused' }, terminal: true },
  },
  clocks: {
    correction_window: {
      label: { zh: '补正告知期限', en: 'Correction window' },
      rule: { limit: 5, unit: 'working_days', basis: '行政许可法第32条' },
      onExpiry: { action: 'deem_accept' },
    },
    decision: {
      label: { zh: '许可决定期限', en: 'Decision' },
      rule: { limit: 20, unit: 'working_days', basis: '行政许可法第42条' },
      escalateTo: 'supervisor',
    },
  },
  create: { by: { applicant: true }, clocks: [{ clock: 'correction_window', effect: 'start' }] },
  actions: {
    accept: {
      label: { zh: '受理', en: 'Accept' },
      from: ['received'],
      to: 'accepted',
      by: { roles: ['clerk'] },
      attachments: ['application'],
      clocks: [
        { clock: 'correction_window', effect: 'stop' },
        { clock: 'decision', effect: 'start' },
      ],
      notifyApplicant: true,
    },
    request_correction: {
      label: { zh: '一次性告知补正', en: 'Ask for a correction' },
      from: ['received'],
      to: 'correcting',
      by: { roles: ['clerk'] },
      fields: [reason],
      clocks: [{ clock: 'correction_window', effect: 'stop' }],
    },
    correct: {
      label: { zh: '补正', en: 'Correct' },
      from: ['correcting'],
      to: 'received',
      by: { applicant: true },
      clocks: [{ clock: 'correction_window', effect: 'restart' }],
    },
    deem_accept: {
      label: { zh: '视为受理', en: 'Deemed accepted' },
      from: ['received'],
      to: 'accepted',
      by: {},
      clocks: [
        { clock: 'correction_window', effect: 'stop' },
        { clock: 'decision', effect: 'start', backdateToReceipt: true },
      ],
    },
    review: {
      label: { zh: '审查', en: 'Review' },
      from: ['accepted'],
      to: 'reviewed',
      by: { roles: ['reviewer'] },
    },
    extend: {
      label: { zh: '延长10日', en: 'Extend by 10' },
      from: ['accepted'],
      to: 'accepted',
      by: { roles: ['agency_head'] },
      fields: [reason],
      clocks: [{ clock: 'decision', effect: 'extend', by: 10 }],
    },
    grant: {
      label: { zh: '准予许可', en: 'Grant' },
      from: ['reviewed'],
      to: 'granted',
      by: { roles: ['approver'] },
      differentActorFrom: ['review'],
      clocks: [{ clock: 'decision', effect: 'stop' }],
    },
    refuse: {
      label: { zh: '不予许可', en: 'Refuse' },
      from: ['reviewed'],
      to: 'refused',
      by: { roles: ['approver'] },
      differentActorFrom: ['review'],
      fields: [reason],
      clocks: [{ clock: 'decision', effect: 'stop' }],
    },
  },
};

export function testEngine(s: PlatformServices, warnShare = 0.2): CaseEngine {
  return buildCaseEngine(s, { sweepSeconds: 30, warnShare }, [disclosureProcess, licenceFixture]);
}

/** Opens a case as the applicant at `at`, straight through the engine. */
export async function openAt(
  engine: CaseEngine,
  db: Db,
  input: {
    def: ProcessDefinition;
    applicant: Principal;
    at: Date;
    form: Record<string, unknown>;
    unitCode?: string;
  },
) {
  const unit = await db
    .selectFrom('org_unit')
    .select(['id', 'division_code'])
    .where('code', '=', input.unitCode ?? '230100-SCJG')
    .executeTakeFirstOrThrow();
  const trackingNumber = await nextTrackingNumber(db, unit.division_code, chinaDateOf(input.at));
  return inTransaction(db, { userId: input.applicant.userId }, (tx) =>
    openCase(engine, tx, {
      def: input.def,
      principal: input.applicant,
      unit: { id: unit.id, divisionCode: unit.division_code },
      title: '测试办件',
      form: input.form,
      trackingNumber,
      lookupHash: lookupHashOf(engine.cipher, trackingNumber, newLookupCode()),
      now: input.at,
    }),
  );
}

export async function clockOf(db: Db, caseId: string, code: string) {
  return db
    .selectFrom('case_clock')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
}

import type { ActionDef, ClockEffect, FieldDef, Label, ProcessDefinition } from '../../cases/definition.ts';

const text = (name: string, zh: string, en: string, required = true, maxLength = 2000): FieldDef => ({
  name,
  label: { zh, en },
  type: 'text',
  required,
  maxLength,
});
const reason = (zh: string, en: string) => text('reason', zh, en);

/** The clocks a decision runs on: the legal limit and, where the service commits to less, its own. */
const DECISION_CLOCKS = ['decision', 'committed'] as const;
const onDecision = (
  effect: 'start' | 'pause' | 'resume' | 'stop',
  backdateToReceipt?: boolean,
): ClockEffect[] =>
  DECISION_CLOCKS.map((clock) =>
    effect === 'start'
      ? { clock, effect, ...(backdateToReceipt ? { backdateToReceipt } : {}) }
      : { clock, effect },
  );

const state = (zh: string, en: string, terminal = false) => ({
  label: { zh, en } as Label,
  ...(terminal ? { terminal } : {}),
});

const OPEN = ['submitted', 'correcting', 'corrected', 'reviewing', 'suspended', 'hearing_rights_notified'];

/** Acceptance (行政许可法第32条): the window's outcomes, each told at once and in writing. */
const acceptance: Record<string, ActionDef> = {
  accept: {
    label: { zh: '受理', en: 'Accept' },
    from: ['submitted', 'corrected'],
    to: 'reviewing',
    by: { roles: ['clerk'] },
    attachments: 'required_materials',
    clocks: [{ clock: 'correction_window', effect: 'stop' }, ...onDecision('start')],
    notifyApplicant: true,
  },
  request_correction: {
    label: { zh: '一次性告知补正', en: 'Ask for every correction at once' },
    from: ['submitted'],
    to: 'correcting',
    by: { roles: ['clerk'] },
    fields: [
      text('items', '需要补正的全部内容（逐项列明）', 'Everything to correct, item by item', true, 4000),
    ],
    clocks: [{ clock: 'correction_window', effect: 'stop' }],
    notifyApplicant: true,
  },
  submit_correction: {
    label: { zh: '提交补正材料', en: 'Submit the corrections' },
    from: ['correcting'],
    to: 'corrected',
    by: { applicant: true },
    fields: [text('note', '补正说明', 'What was corrected', false)],
  },
  reject_not_licensing: {
    label: { zh: '不予受理（不属于行政许可事项）', en: 'Not accepted: not a licensing matter' },
    from: ['submitted', 'corrected'],
    to: 'not_accepted',
    by: { roles: ['clerk'] },
    fields: [reason('不予受理的理由', 'Why it is not a licensing matter')],
    clocks: [{ clock: 'correction_window', effect: 'stop' }],
    notifyApplicant: true,
  },
  reject_not_competent: {
    label: { zh: '不予受理（不属于本机关职权范围）', en: 'Not accepted: another agency’s power' },
    from: ['submitted', 'corrected'],
    to: 'not_accepted',
    by: { roles: ['clerk'] },
    fields: [
      reason('不予受理的理由', 'Why it is not this agency’s power'),
      text('competent_agency', '有权受理的行政机关', 'The agency to apply to', true, 200),
    ],
    clocks: [{ clock: 'correction_window', effect: 'stop' }],
    notifyApplicant: true,
  },
  deem_accept: {
    label: {
      zh: '逾期未告知补正，自收到材料之日起视为受理',
      en: 'Deemed accepted from receipt (no correction notice in time)',
    },
    from: ['submitted'],
    to: 'reviewing',
    by: {},
    clocks: [{ clock: 'correction_window', effect: 'stop' }, ...onDecision('start', true)],
    notifyApplicant: true,
  },
};

/** Review: verification by two (art. 34), time not counted (art. 45), hearings (arts. 36, 47, 48), extension (art. 42). */
const review: Record<string, ActionDef> = {
  verify: {
    label: { zh: '实质审查核查', en: 'Verify the substance' },
    from: ['reviewing'],
    to: 'reviewing',
    by: { roles: ['reviewer', 'approver'] },
    onlyIf: 'substantive_check',
    fields: [text('findings', '核查情况', 'What was verified and found')],
  },
  submit_review: {
    label: { zh: '提交审查意见', en: 'Submit the review' },
    from: ['reviewing'],
    to: 'reviewed',
    by: { roles: ['reviewer'] },
    requiresDistinctActors: { action: 'verify', count: 2, onlyIf: 'substantive_check' },
    fields: [text('opinion', '审查意见', 'Review opinion')],
  },
  suspend: {
    label: {
      zh: '中止计时（听证、检验、检测、专家评审等）',
      en: 'Stop the clock (testing, expert review, …)',
    },
    from: ['reviewing'],
    to: 'suspended',
    by: { roles: ['reviewer'] },
    fields: [
      {
        name: 'procedure',
        label: { zh: '程序', en: 'Procedure' },
        type: 'choice',
        required: true,
        options: [
          { value: 'inspection', label: { zh: '检验、检测、检疫', en: 'Inspection, testing, quarantine' } },
          { value: 'appraisal', label: { zh: '鉴定', en: 'Appraisal' } },
          { value: 'expert_review', label: { zh: '专家评审', en: 'Expert review' } },
          { value: 'bidding', label: { zh: '招标、拍卖', en: 'Bidding, auction' } },
        ],
      },
      {
        name: 'expected_days',
        label: { zh: '所需时间（日）', en: 'Expected duration (days)' },
        type: 'integer',
        required: true,
        min: 1,
        max: 365,
      },
      reason('中止事由（书面告知申请人）', 'Why (the applicant is told in writing)'),
    ],
    clocks: onDecision('pause'),
    notifyApplicant: true,
  },
  resume: {
    label: { zh: '恢复计时', en: 'Restart the clock' },
    from: ['suspended'],
    to: 'reviewing',
    by: { roles: ['reviewer'] },
    clocks: onDecision('resume'),
    notifyApplicant: true,
  },
  notify_hearing_rights: {
    label: { zh: '告知听证权利', en: 'Tell of the right to a hearing' },
    from: ['reviewing'],
    to: 'hearing_rights_notified',
    by: { roles: ['reviewer'] },
    onlyIf: 'hearing_rights',
    fields: [
      text('interested_parties', '利害关系人（逐一列明）', 'Interested parties, each named', true, 2000),
    ],
    clocks: [{ clock: 'hearing_request', effect: 'start' }],
    notifyApplicant: true,
  },
  request_hearing: {
    label: { zh: '申请听证', en: 'Ask for a hearing' },
    from: ['hearing_rights_notified'],
    to: 'hearing',
    by: { applicant: true },
    fields: [reason('申请听证的理由', 'Why a hearing is asked for')],
    clocks: [
      { clock: 'hearing_request', effect: 'stop' },
      { clock: 'hearing', effect: 'start' },
      ...onDecision('pause'),
    ],
  },
  record_hearing_request: {
    label: { zh: '登记利害关系人的听证申请', en: 'Record an interested party’s request for a hearing' },
    from: ['hearing_rights_notified'],
    to: 'hearing',
    by: { roles: ['reviewer'] },
    fields: [reason('申请人及申请理由', 'Who asked, and why')],
    clocks: [
      { clock: 'hearing_request', effect: 'stop' },
      { clock: 'hearing', effect: 'start' },
      ...onDecision('pause'),
    ],
    notifyApplicant: true,
  },
  hearing_window_closed: {
    label: { zh: '听证申请期满未申请', en: 'No hearing asked for in time' },
    from: ['hearing_rights_notified'],
    to: 'reviewing',
    by: {},
    clocks: [{ clock: 'hearing_request', effect: 'stop' }],
  },
  hearing_held: {
    label: { zh: '听证已举行', en: 'Hearing held' },
    from: ['hearing'],
    to: 'reviewing',
    by: { roles: ['reviewer'] },
    fields: [text('record', '听证笔录摘要', 'Summary of the hearing record', true, 4000)],
    clocks: [{ clock: 'hearing', effect: 'stop' }, ...onDecision('resume')],
    notifyApplicant: true,
  },
  extend: {
    label: { zh: '延长审批期限（经本行政机关负责人批准）', en: 'Extend (approved by the agency head)' },
    from: ['reviewing'],
    to: 'reviewing',
    by: { roles: ['agency_head'] },
    fields: [reason('延期理由（告知申请人）', 'Why (told to the applicant)')],
    clocks: [
      { clock: 'decision', effect: 'extend', by: 10 },
      { clock: 'committed', effect: 'extend', by: 10 },
    ],
    notifyApplicant: true,
  },
};

const FOUR_EYES = { differentActorFrom: ['submit_review'], fourEyesFlag: 'four_eyes' } as const;

/** Decision (art. 38) and the licence (art. 44). */
const decision: Record<string, ActionDef> = {
  grant: {
    label: { zh: '准予行政许可', en: 'Grant' },
    from: ['reviewed'],
    to: 'granted',
    by: { roles: ['approver'] },
    ...FOUR_EYES,
    fields: [text('conditions', '许可内容及附加条件', 'What is granted, with any conditions', false, 2000)],
    clocks: [...onDecision('stop'), { clock: 'issue', effect: 'start' }],
    notifyApplicant: true,
  },
  refuse: {
    label: { zh: '不予行政许可', en: 'Refuse' },
    from: ['reviewed'],
    to: 'refused',
    by: { roles: ['approver'] },
    ...FOUR_EYES,
    fields: [reason('不予许可的理由及依据', 'Reasons and their legal basis')],
    clocks: onDecision('stop'),
    notifyApplicant: true,
  },
  return_for_review: {
    label: { zh: '退回重新审查', en: 'Send back for review' },
    from: ['reviewed'],
    to: 'reviewing',
    by: { roles: ['approver'] },
    fields: [reason('退回理由', 'Why')],
  },
  issue_licence: {
    label: { zh: '颁发许可证件', en: 'Issue the licence' },
    from: ['granted'],
    to: 'licensed',
    by: { roles: ['clerk'] },
    fields: [text('licence_number', '许可证编号', 'Licence number', true, 60)],
    clocks: [{ clock: 'issue', effect: 'stop' }],
    notifyApplicant: true,
  },
  withdraw: {
    label: { zh: '撤回申请', en: 'Withdraw the application' },
    from: OPEN,
    to: 'withdrawn',
    by: { applicant: true },
    clocks: [
      { clock: 'correction_window', effect: 'stop' },
      { clock: 'hearing_request', effect: 'stop' },
      { clock: 'hearing', effect: 'stop' },
      ...onDecision('stop'),
    ],
  },
};

/**
 * An administrative licence (行政许可法, 2019). One process for every licensing service: the
 * service fixes, when a case opens, its legal limit and basis, its committed limit, its materials
 * and whether hearings, four eyes and substantive verification apply (the case spec).
 */
export const licenceProcess: ProcessDefinition = {
  code: 'licence',
  version: 1,
  system: 'approval',
  name: { zh: '行政许可', en: 'Administrative licence' },
  formVersion: 1,
  form: [],
  initialState: 'submitted',
  states: {
    submitted: state('待受理', 'Awaiting acceptance'),
    correcting: state('待补正', 'Awaiting corrections'),
    corrected: state('已补正待受理', 'Corrected, awaiting acceptance'),
    not_accepted: state('不予受理', 'Not accepted', true),
    reviewing: state('审查中', 'Under review'),
    suspended: state('中止计时', 'Clock stopped (testing, expert review, …)'),
    hearing_rights_notified: state('已告知听证权利', 'Told of the right to a hearing'),
    hearing: state('听证中', 'Hearing'),
    reviewed: state('待决定', 'Awaiting decision'),
    granted: state('准予许可（待发证）', 'Granted (licence to issue)'),
    refused: state('不予许可', 'Refused', true),
    licensed: state('已发证', 'Licence issued', true),
    withdrawn: state('已撤回', 'Withdrawn', true),
  },
  clocks: {
    correction_window: {
      label: { zh: '补正告知期限', en: 'Time to ask for corrections' },
      rule: { limit: 5, unit: 'working_days', basis: '行政许可法第32条' },
      onExpiry: { action: 'deem_accept' },
    },
    decision: {
      label: { zh: '法定审批时限', en: 'Legal time limit' },
      rule: { limit: 20, unit: 'working_days', basis: '行政许可法第42条' },
      escalateTo: 'supervisor',
    },
    committed: {
      label: { zh: '承诺办结时限', en: 'Committed time limit' },
      rule: { limit: 20, unit: 'working_days', basis: '承诺时限' },
      escalateTo: 'supervisor',
    },
    hearing_request: {
      label: { zh: '听证申请期限', en: 'Time to ask for a hearing' },
      rule: { limit: 5, unit: 'working_days', basis: '行政许可法第47条' },
      onExpiry: { action: 'hearing_window_closed' },
    },
    hearing: {
      label: { zh: '组织听证期限', en: 'Time to hold the hearing' },
      rule: { limit: 20, unit: 'working_days', basis: '行政许可法第47条' },
      escalateTo: 'supervisor',
    },
    issue: {
      label: { zh: '颁发证件期限', en: 'Time to issue the licence' },
      rule: { limit: 10, unit: 'working_days', basis: '行政许可法第44条' },
      escalateTo: 'supervisor',
    },
  },
  create: {
    by: { applicant: true },
    clocks: [{ clock: 'correction_window', effect: 'start' }],
    viaModule: true,
  },
  actions: { ...acceptance, ...review, ...decision },
};

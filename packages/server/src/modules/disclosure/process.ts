import type { FieldDef, ProcessDefinition } from '../../cases/definition.ts';

const reason = (zh: string, en: string): FieldDef => ({
  name: 'reason',
  label: { zh, en },
  type: 'text',
  required: true,
  maxLength: 2000,
});

/** 政府信息公开条例第36条: the kinds of reply, each a stable code. */
export const REPLY_OUTCOMES = [
  {
    value: 'already_public',
    label: { zh: '已主动公开（告知获取途径）', en: 'Already public (where to find it)' },
  },
  { value: 'disclosed', label: { zh: '予以公开', en: 'Disclosed' } },
  { value: 'partly_disclosed', label: { zh: '部分公开（说明理由）', en: 'Partly disclosed (with reasons)' } },
  { value: 'refused', label: { zh: '不予公开（说明理由）', en: 'Refused (with reasons)' } },
  { value: 'not_exist', label: { zh: '信息不存在', en: 'The information does not exist' } },
  { value: 'not_this_agency', label: { zh: '非本机关负责公开', en: 'Not this agency’s to disclose' } },
  { value: 'repeat_request', label: { zh: '重复申请', en: 'Repeat request' } },
  { value: 'other_regime', label: { zh: '按其他法律法规办理', en: 'Other laws apply' } },
  {
    value: 'excessive',
    label: { zh: '申请数量、频次明显超过合理范围', en: 'Unreasonable in number or frequency' },
  },
  { value: 'not_disclosure', label: { zh: '不属于政府信息公开申请', en: 'Not a disclosure request' } },
] as const;

/**
 * A request for government information (政府信息公开条例, 2019). The reply is due within 20
 * working days of receipt (art. 33), +20 with the approval of the head of the disclosure office;
 * an unclear request gets ONE correction notice within 7 working days and the period runs again
 * from the correction (art. 30); a third party's 15 working days to comment are not counted
 * (art. 32).
 */
export const disclosureProcess: ProcessDefinition = {
  code: 'disclosure_request',
  version: 1,
  system: 'disclosure',
  name: { zh: '政府信息公开申请', en: 'Request for government information' },
  formVersion: 1,
  form: [
    {
      name: 'description',
      label: {
        zh: '所需政府信息的名称、文号或者便于查询的其他特征性描述',
        en: 'The information wanted: its title, number or another description',
      },
      type: 'text',
      required: true,
      maxLength: 2000,
    },
    {
      name: 'medium',
      label: { zh: '获取信息的方式', en: 'How to receive it' },
      type: 'choice',
      required: true,
      options: [
        { value: 'online', label: { zh: '网上获取', en: 'Online' } },
        { value: 'email', label: { zh: '电子邮件', en: 'E-mail' } },
        { value: 'post', label: { zh: '邮寄纸质件', en: 'Paper copy by post' } },
        { value: 'pickup', label: { zh: '当面领取', en: 'Collect in person' } },
      ],
    },
  ],
  materials: { id_proof: { zh: '身份证明', en: 'Proof of identity' } },
  initialState: 'submitted',
  states: {
    submitted: { label: { zh: '已提交', en: 'Submitted' } },
    correcting: { label: { zh: '待补正', en: 'Awaiting correction' } },
    handling: { label: { zh: '办理中', en: 'Being handled' } },
    consulting: { label: { zh: '征求第三方意见', en: 'Consulting a third party' } },
    replied: { label: { zh: '已答复', en: 'Replied' }, terminal: true },
    withdrawn: { label: { zh: '已撤回', en: 'Withdrawn' }, terminal: true },
  },
  clocks: {
    correction_window: {
      label: { zh: '补正告知期限', en: 'Time to ask for a correction' },
      rule: { limit: 7, unit: 'working_days', basis: '政府信息公开条例第30条' },
      escalateTo: 'supervisor',
    },
    reply: {
      label: { zh: '答复期限', en: 'Time to reply' },
      rule: { limit: 20, unit: 'working_days', basis: '政府信息公开条例第33条' },
      escalateTo: 'supervisor',
    },
  },
  create: {
    by: { applicant: true },
    clocks: [
      { clock: 'correction_window', effect: 'start' },
      { clock: 'reply', effect: 'start' },
    ],
  },
  actions: {
    register: {
      label: { zh: '登记办理', en: 'Register for handling' },
      from: ['submitted'],
      to: 'handling',
      by: { roles: ['clerk'] },
      clocks: [{ clock: 'correction_window', effect: 'stop' }],
      notifyApplicant: true,
    },
    request_correction: {
      label: { zh: '一次性告知补正', en: 'Ask for a correction (once)' },
      from: ['submitted'],
      to: 'correcting',
      by: { roles: ['clerk'] },
      fields: [
        reason('需要补正的全部事项及合理的补正期限', 'Everything to correct, and a reasonable time to do it'),
      ],
      clocks: [
        { clock: 'correction_window', effect: 'stop' },
        { clock: 'reply', effect: 'pause' },
      ],
      notifyApplicant: true,
    },
    submit_correction: {
      label: { zh: '提交补正', en: 'Submit the correction' },
      from: ['correcting'],
      to: 'handling',
      by: { applicant: true },
      fields: [
        {
          name: 'correction',
          label: { zh: '补正内容', en: 'The correction' },
          type: 'text',
          required: true,
          maxLength: 2000,
        },
      ],
      clocks: [{ clock: 'reply', effect: 'restart' }],
    },
    consult_third_party: {
      label: { zh: '征求第三方意见', en: 'Consult the third party' },
      from: ['handling'],
      to: 'consulting',
      by: { roles: ['clerk'] },
      fields: [reason('征求意见的事由及第三方', 'Why and whom (15 working days, not counted)')],
      clocks: [{ clock: 'reply', effect: 'pause' }],
      notifyApplicant: true,
    },
    third_party_replied: {
      label: { zh: '第三方意见已收到', en: 'The third party has answered' },
      from: ['consulting'],
      to: 'handling',
      by: { roles: ['clerk'] },
      clocks: [{ clock: 'reply', effect: 'resume' }],
    },
    extend: {
      label: { zh: '延长答复期限（20个工作日）', en: 'Extend the reply by 20 working days' },
      from: ['handling'],
      to: 'handling',
      by: { roles: ['agency_head'] },
      fields: [reason('延长理由', 'Why more time is needed')],
      clocks: [{ clock: 'reply', effect: 'extend', by: 20 }],
      notifyApplicant: true,
    },
    reply: {
      label: { zh: '作出答复', en: 'Reply' },
      from: ['handling'],
      to: 'replied',
      by: { roles: ['clerk'] },
      fields: [
        {
          name: 'outcome',
          label: { zh: '答复类型', en: 'Kind of reply' },
          type: 'choice',
          required: true,
          options: REPLY_OUTCOMES,
        },
        {
          name: 'explanation',
          label: { zh: '答复内容及理由', en: 'The reply and its reasons' },
          type: 'text',
          required: true,
          maxLength: 4000,
        },
      ],
      clocks: [{ clock: 'reply', effect: 'stop' }],
      notifyApplicant: true,
    },
    withdraw: {
      label: { zh: '撤回申请', en: 'Withdraw the request' },
      from: ['submitted', 'correcting', 'handling', 'consulting'],
      to: 'withdrawn',
      by: { applicant: true },
      clocks: [
        { clock: 'correction_window', effect: 'stop' },
        { clock: 'reply', effect: 'stop' },
      ],
    },
  },
};

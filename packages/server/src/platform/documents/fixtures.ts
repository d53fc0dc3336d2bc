/**
 * Sample parameters for every template (tests, the bench, demos). The names carry characters
 * from outside GB 2312: 䶮 (U+4DAE, Extension A), 𬌗 (U+2C317, Extension E, in the 通用规范汉字表)
 * and 𠀀 (U+20000, Extension B, which Noto Serif SC lacks).
 */

export const RARE_PERSON = '王䶮𬌗';
export const RARE_COMPANY = '哈尔滨𠀀记餐饮管理有限公司';

export const issue = {
  issuingUnit: '哈尔滨市市场监督管理局',
  documentNumber: '哈市监许〔2026〕15号',
  issuedOn: '2026-03-20',
  createdAt: new Date('2026-03-20T01:00:00Z'),
};

const application = {
  applicant: { name: RARE_COMPANY, kind: 'organisation' as const },
  serviceName: '食品经营许可（新办）',
  trackingNumber: '230100-20260301-000123',
  appliedOn: '2026-03-01',
};

const person = { ...application, applicant: { name: RARE_PERSON, kind: 'person' as const } };

export const samples = {
  'licensing.acceptance': {
    ...application,
    acceptedOn: '2026-03-02',
    decisionDue: '2026-03-30',
  },
  'licensing.refusal_to_accept': {
    ...person,
    serviceName: '药品零售企业许可',
    refusal: { ground: 'not_our_power', rightAgency: '黑龙江省药品监督管理局哈尔滨检查分局' },
    reviewBody: '哈尔滨市人民政府',
  },
  'licensing.correction': {
    ...application,
    receivedOn: '2026-03-01',
    missingItems: [
      { item: '营业执照复印件', requirement: '须加盖单位公章' },
      { item: '法定代表人身份证明' },
      { item: '经营场所平面布局图', requirement: '标明主要设备设施位置' },
      { item: '食品安全管理制度文本' },
    ],
    correctBy: '2026-03-31',
    contact: { person: '李明', phone: '0451-12345678', address: '哈尔滨市南岗区长江路1号' },
  },
  'licensing.hearing_notice': {
    ...application,
    recipient: { role: 'interested_party', name: RARE_PERSON, kind: 'person' },
    interests: '拟设经营场所与你的住宅相邻，油烟排放可能影响你的居住环境',
    requestBy: '2026-03-27',
  },
  'licensing.extension': {
    ...application,
    acceptedOn: '2026-03-02',
    extensionDays: 10,
    reason: '需对经营场所进行现场核查，核查工作量较大',
    decideBy: '2026-04-14',
  },
  'licensing.grant': {
    ...application,
    acceptedOn: '2026-03-02',
    serviceBasis: '《食品经营许可和备案管理办法》第二十三条',
    licence: {
      name: '食品经营许可证',
      number: 'JY12301020000158',
      scope: '预包装食品（含冷藏冷冻食品）销售；热食类食品制售',
      validFrom: '2026-03-20',
      validUntil: '2031-03-19',
      electronic: true,
    },
  },
  'licensing.refusal': {
    ...person,
    acceptedOn: '2026-03-02',
    reasons: ['经营场所与旱厕、暴露垃圾场等污染源的距离不足25米', '未设置与经营品种相适应的冷藏设施'],
    reviewBody: '哈尔滨市人民政府',
    court: '哈尔滨市南岗区人民法院',
  },
} as const;

/** The version-1 parameters of the codes whose remedies changed in 2024 (two review bodies). */
export const samplesV1 = {
  'licensing.refusal_to_accept': {
    ...samples['licensing.refusal_to_accept'],
    reviewBody: undefined,
    reviewBodies: ['哈尔滨市人民政府', '黑龙江省药品监督管理局'],
  },
  'licensing.refusal': {
    ...samples['licensing.refusal'],
    reviewBody: undefined,
    reviewBodies: ['哈尔滨市人民政府', '黑龙江省市场监督管理局'],
  },
} as const;

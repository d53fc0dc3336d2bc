import { consoleZh } from './zh/console.ts';
import { identityZh } from './zh/identity.ts';

/** Chinese is the platform's first language; every key here must exist in en-US too. */
export const zhCN = {
  ...identityZh,
  ...consoleZh,
  site: {
    name: '黑龙江省网上政务服务平台',
    short: '一网',
    slogan: '一网通办 · 一平台服务 · 一中心受理',
  },
  nav: {
    home: '首页',
    services: '办事服务',
    openGov: '政务公开',
    interaction: '互动交流',
    tracking: '办件查询',
    workbench: '工作人员入口',
    signIn: '登录',
    register: '注册',
    main: '主导航',
  },
  lang: { switchTo: 'English', label: '语言' },
  home: {
    heroTitle: '让数据多跑路，让群众少跑腿',
    heroText: '全省政务服务事项网上申请、网上受理、网上办理、网上反馈，办件进度随时可查。',
    entries: '服务入口',
    news: '政务要闻',
    notices: '通知公告',
    empty: '暂无内容',
    entry: {
      services: '个人和法人办事指南、在线申请与材料提交',
      openGov: '政府信息主动公开与依申请公开',
      interaction: '网上信访、意见征集与好差评',
      tracking: '凭办件编号和查询码查看办理进度',
    },
  },
  section: {
    preparing: '本栏目正在建设中',
    preparingText: '该栏目的功能将随平台后续模块陆续开通，敬请关注首页通知公告。',
    backHome: '返回首页',
  },
  feedback: {
    title: '网站纠错',
    intro: '发现页面链接失效、内容错误或无障碍问题，请告诉我们。',
    page: '问题页面路径',
    pageHelp: '例如 /services',
    category: '问题类型',
    categories: {
      broken_link: '链接失效',
      wrong_content: '内容错误',
      accessibility: '无障碍问题',
      other: '其他',
    },
    description: '问题描述',
    submit: '提交',
    received: '已收到您的纠错信息',
    receivedText: '受理编号：{{code}}，请妥善保存。',
    again: '继续反馈',
  },
  footer: {
    sponsor: '主办：黑龙江省人民政府办公厅',
    operator: '承办：黑龙江省政务服务管理办公室',
    feedback: '网站纠错',
    openSource: '本平台为开源政务平台“一网”的演示实例',
  },
  error: {
    loadFailed: '加载失败，请稍后重试',
    retry: '重试',
    notFound: '页面不存在',
    notFoundText: '您访问的页面不存在或已被移除。',
    rateLimited: '操作过于频繁，请稍后再试',
    unknown: '请求未能完成（{{code}}）',
  },
  validation: {
    required: '此项为必填项',
    too_small: '内容过短',
    too_big: '内容过长',
    invalid_format: '格式不正确',
    unknown_field: '不支持的字段',
    invalid_id_number: '居民身份证号码不正确',
    invalid_mobile: '手机号码不正确',
    invalid_credit_code: '统一社会信用代码不正确',
    wrong_password: '当前密码不正确',
    wrong_code: '动态口令或恢复码不正确，或已使用过',
    unknown_role: '没有这个角色',
    unknown_unit: '没有这个在用的单位',
    unknown_division: '不是现行的行政区划代码',
    password: {
      too_short: '密码至少 {{minimum}} 位',
      too_few_classes: '须包含小写字母、大写字母、数字、符号中的至少 {{minimum}} 类',
      unchanged: '新密码不能与当前密码相同',
    },
  },
};

export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof zhCN>;
